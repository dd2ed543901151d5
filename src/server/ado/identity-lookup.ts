/**
 * Finding users by e-mail address (for `nodeHelper.getUserByEmail` in scripts and for showing
 * who a replica's assignee is). Uses the Identities API, `GET _apis/identities?searchFilter=
 * General&filterValue=<email>&queryMembership=None`, on the identity service
 * (`AdoHttp.identityUrl`). Needs the PAT scope vso.identity. Saves do not depend on it: the
 * work item API resolves e-mail addresses itself (see `identity-fallback.ts`).
 */
import type { AdoHttp } from "./ado-http";
import type { AdoIdentityRef, AdoList } from "./ado-types";
import type { AdoClock } from "./rate-limit-gate";

/** An identity as the Identities API answers it (trimmed). */
interface AdoIdentity {
  id: string;
  descriptor?: string;
  providerDisplayName?: string;
  isActive?: boolean;
  isContainer?: boolean;
  properties?: Record<string, { $value?: string }>;
}

/** A cache of e-mail -> identity (hits and misses) in front of the Identities API. */
export class IdentityDirectory {
  private readonly cache = new Map<string, { at: number; identity?: AdoIdentityRef }>();

  /**
   * @param ttlMs how long an answer is reused. (Default: 600000: ten minutes keeps a bulk sync
   *   of many work items to one lookup per person, and lets a newly added user appear soon.)
   */
  constructor(
    private readonly http: AdoHttp,
    private readonly ttlMs = 600_000,
    private readonly clock: AdoClock = http.clock,
  ) {}

  /** The active user whose sign-in or mail address is `email`; undefined when none. */
  async byEmail(email: string): Promise<AdoIdentityRef | undefined> {
    const key = email.trim().toLowerCase();
    const cached = this.cache.get(key);
    if (cached && this.clock.now() - cached.at < this.ttlMs) return cached.identity;
    const identity = await this.lookup(key);
    this.cache.set(key, { at: this.clock.now(), identity });
    return identity;
  }

  private async lookup(email: string): Promise<AdoIdentityRef | undefined> {
    const response = await this.http.send<AdoList<AdoIdentity | null>>({
      method: "GET",
      path: `${this.http.identityUrl}/_apis/identities`,
      query: { searchFilter: "General", filterValue: email, queryMembership: "None" },
    });
    const match = response.data.value.find(
      (identity): identity is AdoIdentity =>
        identity !== null &&
        identity.isActive !== false &&
        !identity.isContainer &&
        [mailOf(identity, "Mail"), mailOf(identity, "Account")].includes(email),
    );
    if (!match) return undefined;
    return {
      id: match.id,
      displayName: match.providerDisplayName,
      uniqueName: match.properties?.Account?.$value ?? match.properties?.Mail?.$value,
      descriptor: match.descriptor,
    };
  }
}

function mailOf(identity: AdoIdentity, property: "Mail" | "Account"): string | undefined {
  return identity.properties?.[property]?.$value?.toLowerCase();
}
