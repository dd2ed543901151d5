/**
 * A small fetch-based client for the Azure DevOps calls the hub API needs on behalf of the
 * signed-in user (docs/architecture.md#trust-model), all with the user's access token as
 * `Authorization: Bearer <token>`:
 *
 * - `GET {org}/_apis/connectionData`: who the token belongs to (member of this organization).
 * - `GET {org}/_apis/permissions/3e65f728-f8bc-4ecd-8764-7e378b19bfa7/2?tokens=NAMESPACE:&alwaysAllowAdministrators=false&api-version=7.1`:
 *   the Collection security namespace's GENERIC_WRITE bit (2) on `NAMESPACE:`, true only for
 *   Project Collection Administrators; the answer is `{"count":1,"value":[true]}`.
 * - `GET {org}/_apis/projects/{id}?api-version=7.1`: does a project exist (Core, Projects_Get).
 *
 * The work-item client for background sync is a different module (src/server/ado/, branch ado).
 */
import { SyncError } from "../../shared/errors";

/** The Collection security namespace id (Azure DevOps "Security namespace and permission reference"). */
const COLLECTION_NAMESPACE_ID = "3e65f728-f8bc-4ecd-8764-7e378b19bfa7";
/** GENERIC_WRITE ("Edit instance-level information") in the Collection namespace. */
const GENERIC_WRITE_BIT = 2;
/**
 * 5 s per call: Azure DevOps usually answers in well under a second; a longer wait would hold
 * the hub's request past the point a user gives up, a shorter one would fail on a slow day.
 */
const DEFAULT_TIMEOUT_MS = 5000;

/** The user an access token belongs to, as Azure DevOps reports it. */
export interface AdoUser {
  /** Azure DevOps identity id (GUID). */
  id: string;
  displayName: string;
}

/** A project of the organization. */
export interface AdoProject {
  id: string;
  name: string;
}

/** Options of `AdoIdentityClient`. */
export interface AdoIdentityClientOptions {
  /** Organization or collection URL without trailing slash, e.g. `https://dev.azure.com/contoso`. */
  organizationUrl: string;
  /** Per-request timeout in ms (Default: 5000). */
  timeoutMs?: number;
}

interface ConnectionData {
  authenticatedUser?: { id?: unknown; providerDisplayName?: unknown; descriptor?: unknown };
}

/** Calls Azure DevOps with a user's access token. Every failure is a `SyncError`. */
export class AdoIdentityClient {
  readonly #organizationUrl: string;
  readonly #timeoutMs: number;

  constructor(options: AdoIdentityClientOptions) {
    this.#organizationUrl = options.organizationUrl;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * The user the access token belongs to.
   * @throws SyncError SYNC_ERR_AUTH_ACCESS_TOKEN_INVALID (401/203 or anonymous identity),
   *   SYNC_ERR_AUTH_NOT_MEMBER (403), SYNC_ERR_AUTH_ORGANIZATION_UNREACHABLE (network, 5xx)
   */
  async connectionData(accessToken: string): Promise<AdoUser> {
    const response = await this.#get("/_apis/connectionData", accessToken);
    // 203 is how Azure DevOps answers a bad token on some routes: a sign-in page, not data.
    if (response.status === 401 || response.status === 203) {
      throw new SyncError("SYNC_ERR_AUTH_ACCESS_TOKEN_INVALID");
    }
    if (response.status === 403) throw new SyncError("SYNC_ERR_AUTH_NOT_MEMBER");
    const body = (await this.#json(response)) as ConnectionData;
    const user = body.authenticatedUser;
    const descriptor = typeof user?.descriptor === "string" ? user.descriptor : "";
    if (typeof user?.id !== "string" || descriptor.includes("UnauthenticatedIdentity")) {
      throw new SyncError("SYNC_ERR_AUTH_ACCESS_TOKEN_INVALID");
    }
    const displayName =
      typeof user.providerDisplayName === "string" ? user.providerDisplayName : "";
    return { id: user.id, displayName };
  }

  /**
   * Whether the token's user is a Project Collection Administrator (GENERIC_WRITE on the
   * Collection namespace).
   * @throws SyncError SYNC_ERR_AUTH_NOT_MEMBER (401/403), SYNC_ERR_AUTH_ORGANIZATION_UNREACHABLE
   */
  async isCollectionAdministrator(accessToken: string): Promise<boolean> {
    const query = "tokens=NAMESPACE:&alwaysAllowAdministrators=false&api-version=7.1";
    const route = `/_apis/permissions/${COLLECTION_NAMESPACE_ID}/${GENERIC_WRITE_BIT}?${query}`;
    const response = await this.#get(route, accessToken);
    if (response.status === 401 || response.status === 403) {
      throw new SyncError("SYNC_ERR_AUTH_NOT_MEMBER");
    }
    const body = (await this.#json(response)) as { value?: unknown };
    return Array.isArray(body.value) && body.value[0] === true;
  }

  /**
   * The project with id (or name) `projectId`, or null when Azure DevOps says it does not exist.
   * @throws SyncError SYNC_ERR_AUTH_ACCESS_TOKEN_INVALID (401), SYNC_ERR_ADO_UNREACHABLE
   */
  async getProject(accessToken: string, projectId: string): Promise<AdoProject | null> {
    const route = `/_apis/projects/${encodeURIComponent(projectId)}?api-version=7.1`;
    const response = await this.#get(route, accessToken, "SYNC_ERR_ADO_UNREACHABLE");
    if (response.status === 404) return null;
    if (response.status === 401) throw new SyncError("SYNC_ERR_AUTH_ACCESS_TOKEN_INVALID");
    const body = (await this.#json(response, "SYNC_ERR_ADO_UNREACHABLE")) as Partial<AdoProject>;
    if (typeof body.id !== "string" || typeof body.name !== "string") {
      throw new SyncError("SYNC_ERR_ADO_REJECTED", "Azure DevOps sent an unexpected project.");
    }
    return { id: body.id, name: body.name };
  }

  async #get(
    route: string,
    accessToken: string,
    unreachable:
      | "SYNC_ERR_AUTH_ORGANIZATION_UNREACHABLE"
      | "SYNC_ERR_ADO_UNREACHABLE" = "SYNC_ERR_AUTH_ORGANIZATION_UNREACHABLE",
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.#organizationUrl}${route}`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
        signal: AbortSignal.timeout(this.#timeoutMs),
        redirect: "manual",
      });
    } catch {
      throw new SyncError(unreachable);
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw new SyncError(unreachable);
    }
    return response;
  }

  async #json(
    response: Response,
    unreachable:
      | "SYNC_ERR_AUTH_ORGANIZATION_UNREACHABLE"
      | "SYNC_ERR_ADO_UNREACHABLE" = "SYNC_ERR_AUTH_ORGANIZATION_UNREACHABLE",
  ): Promise<unknown> {
    if (!response.ok) {
      await response.body?.cancel();
      throw new SyncError(unreachable, `Azure DevOps answered ${response.status}.`);
    }
    try {
      return await response.json();
    } catch {
      throw new SyncError(unreachable, "Azure DevOps sent a response that is not JSON.");
    }
  }
}
