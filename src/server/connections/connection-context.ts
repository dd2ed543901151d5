/** What the connection and invitation services share: storage, keys, clock, Azure DevOps. */
import type { AdoIdentityClient } from "../ado/ado-identity";
import type { SecretBox } from "../crypto/secret-box";
import type { IssuerContext } from "../node-settings/node-identity";
import type { Db, Store } from "../storage/store";
import type { ConnectionRow } from "./connection-repository";
import type { InvitationClaims } from "./invitation-code";

/** A connection row to store on acceptance, and writes for the same transaction. */
export interface AcceptedConnection {
  row: ConnectionRow;
  write(tx: Db): Promise<void>;
}

/** Node-to-node steps of the connection lifecycle (acceptance handshake, src/server/transport/). */
export interface ConnectionLifecycle {
  /**
   * Completes acceptance with the initiator before the row is stored (may call it).
   * @throws SyncError the initiator's rejection, or SYNC_ERR_TRANSPORT_PEER_UNREACHABLE
   */
  accepting(
    code: string,
    claims: InvitationClaims,
    row: ConnectionRow,
  ): Promise<AcceptedConnection>;
  /** Tells the partner, when it can, that the connection is being deleted. Never throws. */
  deleting(row: ConnectionRow): Promise<void>;
}

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
  /** The transport's acceptance handshake and delete notice (absent: local only). */
  readonly lifecycle?: ConnectionLifecycle;
}
