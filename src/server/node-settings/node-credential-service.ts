/**
 * Node settings: the background-sync credential. A PAT is verified against Azure
 * DevOps (`verifyCredential`: token valid, may read projects, read and write work items)
 * before anything is stored; a failed check stores nothing and answers with distinct codes
 * (SYNC_ERR_CREDENTIAL_INVALID "token invalid or expired", SYNC_ERR_CREDENTIAL_PERMISSION
 * "missing permission: NAME"). The token is stored sealed and never returned.
 */
import type {
  NodeCredentialInput,
  NodeCredentialStatus,
} from "../../shared/contracts/node-credential";
import { SyncError } from "../../shared/errors";
import type { SecretBox } from "../crypto/secret-box";
import type { Store } from "../storage/store";
import { verifyCredential, type VerifyCredentialOptions } from "./credential-check";
import { storeSyncCredential, syncCredentialInfo } from "./node-credential-repository";

/** Dependencies of the credential service. */
export interface NodeCredentialDeps {
  store: Store;
  box: SecretBox;
  /** AZDO_ORG_URL; null: nothing can be verified. */
  organizationUrl: string | null;
  /** Whether AZDO_PAT is set (reported as the source when nothing is stored). */
  environmentPat: boolean;
  now: () => number;
  /** Extra options of the check (tests: fetch, clock). */
  verify?: Partial<VerifyCredentialOptions>;
}

/** Reads and replaces the node's background-sync credential. */
export class NodeCredentialService {
  constructor(private readonly deps: NodeCredentialDeps) {}

  /** What is known about the credential (never the token). */
  async status(): Promise<NodeCredentialStatus> {
    const info = await syncCredentialInfo(this.deps.store.db);
    if (info) {
      return {
        source: "stored",
        identity: info.identity,
        updatedAt: new Date(info.updatedAt).toISOString(),
      };
    }
    return {
      source: this.deps.environmentPat ? "environment" : "none",
      identity: null,
      updatedAt: null,
    };
  }

  /**
   * Verifies and stores `input.pat`.
   * @throws SyncError SYNC_ERR_CREDENTIAL_INVALID | SYNC_ERR_CREDENTIAL_PERMISSION (nothing
   *   stored), SYNC_ERR_ADO_* when Azure DevOps cannot answer, SYNC_ERR_AUTH_ORGANIZATION_UNREACHABLE
   *   when no organization URL is configured
   */
  async save(input: NodeCredentialInput): Promise<NodeCredentialStatus> {
    const organizationUrl = this.deps.organizationUrl;
    if (!organizationUrl) {
      throw new SyncError(
        "SYNC_ERR_AUTH_ORGANIZATION_UNREACHABLE",
        "This sync node has no AZDO_ORG_URL configured, so the token cannot be checked.",
      );
    }
    const pat = input.pat.trim();
    const check = await verifyCredential(pat, {
      ...this.deps.verify,
      organizationUrl,
      project: input.project,
    });
    const identity = check.user.displayName ?? check.user.uniqueName ?? check.user.id ?? "";
    await storeSyncCredential(this.deps.store.db, this.deps.box, {
      pat,
      identity,
      now: this.deps.now(),
    });
    return this.status();
  }
}
