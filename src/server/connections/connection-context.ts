/** What the connection and invitation services share: storage, keys, clock, Azure DevOps. */
import type { AdoIdentityClient } from "../ado/ado-identity";
import type { SecretBox } from "../crypto/secret-box";
import type { IssuerContext } from "../invitations/invitation-issuer";
import type { Store } from "../storage/store";

/** Dependencies of the connection services. */
export interface ConnectionContext {
  readonly store: Store;
  /** Seals per-connection secrets. */
  readonly box: SecretBox;
  readonly issuer: IssuerContext;
  /** Null when AZDO_ORG_URL is not configured. */
  readonly ado: AdoIdentityClient | null;
  /** Clock in epoch ms. */
  readonly now: () => number;
}
