/**
 * Decides whether the user behind an Azure DevOps access token may see and change this node's
 * connections: a member and a Project Collection Administrator of the node's own organization
 * (docs/architecture.md#invariants). Verdicts are cached briefly, keyed by a SHA-256 of the token.
 */
import { createHash } from "node:crypto";

import { type ErrorCode, isSyncError, SyncError } from "../../shared/errors";
import type { AdoIdentityClient, AdoUser } from "../ado/ado-identity";

/**
 * 60 s: one hub page load makes several calls; without a cache each would cost two Azure
 * DevOps round trips. The trade-off: a user removed from Project Collection Administrators
 * keeps access for up to a minute on this replica.
 */
const VERDICT_TTL_MS = 60_000;
/** At most 1000 cached verdicts: bounds memory if many distinct tokens arrive. */
const MAX_ENTRIES = 1000;

type Verdict = { ok: true; user: AdoUser } | { ok: false; code: ErrorCode };

/** Codes that are a definite answer about a token (cached); others (unreachable) are not. */
const DEFINITE_CODES: readonly ErrorCode[] = [
  "SYNC_ERR_AUTH_ACCESS_TOKEN_INVALID",
  "SYNC_ERR_AUTH_NOT_MEMBER",
  "SYNC_ERR_AUTH_NOT_ADMIN",
];

/** Checks access tokens against Azure DevOps, with a short in-memory cache. */
export class AdminVerifier {
  readonly #client: AdoIdentityClient | null;
  readonly #cache = new Map<string, { verdict: Verdict; expiresAt: number }>();
  readonly #now: () => number;

  /**
   * @param client null when AZDO_ORG_URL is not configured: every check then fails with 503
   * @param now clock in epoch ms (tests)
   */
  constructor(client: AdoIdentityClient | null, now: () => number = Date.now) {
    this.#client = client;
    this.#now = now;
  }

  /**
   * The administrator behind `accessToken`.
   * @throws SyncError SYNC_ERR_AUTH_{ACCESS_TOKEN_MISSING,ACCESS_TOKEN_INVALID,NOT_MEMBER,NOT_ADMIN,ORGANIZATION_UNREACHABLE}
   */
  async verify(accessToken: string | undefined): Promise<AdoUser> {
    if (!accessToken) throw new SyncError("SYNC_ERR_AUTH_ACCESS_TOKEN_MISSING");
    const key = createHash("sha256").update(accessToken).digest("base64url");
    const cached = this.#cache.get(key);
    const verdict =
      cached && cached.expiresAt > this.#now() ? cached.verdict : await this.#ask(key, accessToken);
    if (!verdict.ok) throw new SyncError(verdict.code);
    return verdict.user;
  }

  async #ask(key: string, accessToken: string): Promise<Verdict> {
    if (!this.#client) {
      throw new SyncError(
        "SYNC_ERR_AUTH_ORGANIZATION_UNREACHABLE",
        "This sync node has no AZDO_ORG_URL configured, so it cannot check your permissions.",
      );
    }
    let verdict: Verdict;
    try {
      const user = await this.#client.connectionData(accessToken);
      const admin = await this.#client.isCollectionAdministrator(accessToken);
      verdict = admin ? { ok: true, user } : { ok: false, code: "SYNC_ERR_AUTH_NOT_ADMIN" };
    } catch (error) {
      if (!isSyncError(error) || !DEFINITE_CODES.includes(error.code)) throw error;
      verdict = { ok: false, code: error.code };
    }
    this.#remember(key, verdict);
    return verdict;
  }

  #remember(key: string, verdict: Verdict): void {
    if (this.#cache.size >= MAX_ENTRIES) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    this.#cache.set(key, { verdict, expiresAt: this.#now() + VERDICT_TTL_MS });
  }
}
