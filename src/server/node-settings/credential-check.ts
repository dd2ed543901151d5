/**
 * Checks a personal access token before the node stores it for background sync: an invalid,
 * expired or under-privileged token is refused with its own error, and nothing is stored.
 *
 * Rights are not computed here: the service is asked with real calls, as the sync will make
 * them, so rights held through nested groups, PAT scopes and area-path security all count
 * exactly as Azure DevOps counts them:
 * 1. `GET _apis/connectionData`: 401 / sign-in page / anonymous user -> SYNC_ERR_CREDENTIAL_INVALID
 *    ("token invalid or expired").
 * 2. `GET _apis/projects?$top=1` (and the project, when named): refused or empty ->
 *    SYNC_ERR_CREDENTIAL_PERMISSION, permission "read projects".
 * 3. WIQL `... WHERE [System.TeamProject] = @project` with `$top=1`: refused -> "read work items".
 * 4. A `validateOnly=true` create in the project (nothing is saved): 401/403 or TF237111 (no
 *    permission under the area path) -> "write work items". Other rule errors mean the write
 *    right itself was granted.
 * Throttling and outages are thrown as SYNC_ERR_ADO_* (the check can be repeated).
 */
import { isSyncError, SyncError } from "../../shared/errors";
import type { AdoProduct } from "../ado/ado-api-version";
import { adoInfoOf } from "../ado/ado-error-map";
import { AdoHttp, type AdoHttpOptions } from "../ado/ado-http";
import type { AdoIdentityRef, AdoList, AdoProject } from "../ado/ado-types";
import { queryWiql } from "../ado/wiql-api";
import { projectPostValidate } from "./credential-write-probe";

/** The permissions the background sync needs, by the names the errors use. */
export const CREDENTIAL_PERMISSIONS = [
  "read projects",
  "read work items",
  "write work items",
] as const;
export type CredentialPermission = (typeof CREDENTIAL_PERMISSIONS)[number];

/** Options of `verifyCredential`. */
export interface VerifyCredentialOptions extends Pick<
  AdoHttpOptions,
  "fetch" | "clock" | "timeoutMs" | "logger"
> {
  organizationUrl: string;
  /** Project whose work items the sync writes; absent: the first project the token sees. */
  project?: string;
  product?: AdoProduct;
}

/** What a good token proved. */
export interface CredentialCheck {
  /** The identity the token acts as (the sync identity: its writes are not echoed). */
  user: AdoIdentityRef;
  /** The project the read/write checks ran in. */
  project: string;
}

/** Verifies `pat`; resolves when it may read projects and read and write work items. */
export async function verifyCredential(
  pat: string,
  options: VerifyCredentialOptions,
): Promise<CredentialCheck> {
  // Two attempts: an admin is waiting on this answer; the sync's own calls retry longer.
  const http = new AdoHttp({ ...options, credential: { kind: "pat", token: pat }, maxAttempts: 2 });
  const user = await authenticatedUser(http);
  const project = await guard("read projects", () => projectToCheck(http, options.project));
  await guard("read work items", () =>
    queryWiql(http, "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project", {
      project,
      top: 1,
    }),
  );
  await guard("write work items", () => projectPostValidate(http, project));
  return { user, project };
}

/** Step 1: who is the token? Any refusal here means the token itself is bad. */
async function authenticatedUser(http: AdoHttp): Promise<AdoIdentityRef> {
  try {
    const response = await http.send<{ authenticatedUser?: ConnectionUser }>({
      method: "GET",
      path: "_apis/connectionData",
      version: "none",
    });
    const user = response.data?.authenticatedUser;
    if (!user?.id || /anonymous/i.test(user.descriptor ?? "")) throw invalid("anonymous");
    return { id: user.id, displayName: user.providerDisplayName, uniqueName: accountOf(user) };
  } catch (error) {
    if (isSyncError(error) && error.code === "SYNC_ERR_ADO_REJECTED") {
      throw invalid(adoInfoOf(error).adoCode ?? String(adoInfoOf(error).status));
    }
    throw error;
  }
}

interface ConnectionUser {
  id?: string;
  descriptor?: string;
  providerDisplayName?: string;
  properties?: Record<string, { $value?: string }>;
}

function accountOf(user: ConnectionUser): string | undefined {
  return user.properties?.Account?.$value ?? user.properties?.Mail?.$value;
}

/** Step 2: the named project, else the first one the token can see. */
async function projectToCheck(http: AdoHttp, project?: string): Promise<string> {
  if (project) {
    const response = await http.send<AdoProject>({
      method: "GET",
      path: `_apis/projects/${encodeURIComponent(project)}`,
    });
    return response.data.name;
  }
  const response = await http.send<AdoList<AdoProject>>({
    method: "GET",
    path: "_apis/projects",
    query: { $top: 1 },
  });
  const first = response.data.value[0];
  if (!first) throw missing("read projects", "The token sees no project in this organization.");
  return first.name;
}

/**
 * Runs one check; a refusal names the permission: 401/403, TF237111, and for reads also 404
 * (the service hides what a caller may not read behind "does not exist").
 */
async function guard<T>(permission: CredentialPermission, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (!isSyncError(error) || error.code !== "SYNC_ERR_ADO_REJECTED") throw error;
    const info = adoInfoOf(error);
    const refusals = permission === "write work items" ? [401, 403] : [401, 403, 404];
    if (refusals.includes(info.status) || info.adoCode === "TF237111") {
      throw missing(permission, info.adoMessage, info.adoCode);
    }
    throw error;
  }
}

function invalid(reason: string): SyncError {
  return new SyncError("SYNC_ERR_CREDENTIAL_INVALID", undefined, { reason });
}

function missing(
  permission: CredentialPermission,
  adoMessage?: string,
  adoCode?: string,
): SyncError {
  return new SyncError(
    "SYNC_ERR_CREDENTIAL_PERMISSION",
    `The personal access token is missing a permission: ${permission}.`,
    {
      permission,
      adoCode,
      adoMessage,
    },
  );
}
