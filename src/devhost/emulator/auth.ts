/**
 * Authentication as the service does it: `Authorization: Bearer <access token>` (what
 * `SDK.getAccessToken()` returns to an extension) or `Authorization: Basic base64(":" + PAT)`
 * (a personal access token with an empty user name). Unknown, expired or missing credentials
 * get 401 (VS30063); a PAT without the scope a route needs gets 401 (TF400813).
 */
import { scopeMissing, unauthorized } from "./ado-errors";
import { type CredentialRow, EmulatorStore, type IdentityRow } from "./store";

/** Scopes a route can require (learn.microsoft.com "Scopes"). */
export const SCOPES = [
  "vso.profile",
  "vso.project",
  "vso.work",
  "vso.work_write",
  "vso.identity",
] as const;
export type Scope = (typeof SCOPES)[number];

/** Scopes that include another (a PAT with the key also passes checks for the values). */
const IMPLIED: Record<string, readonly Scope[]> = {
  app_token: SCOPES,
  "vso.work_full": ["vso.work", "vso.work_write"],
  "vso.work_write": ["vso.work"],
  "vso.project_write": ["vso.project"],
  "vso.project_manage": ["vso.project"],
  "vso.identity_manage": ["vso.identity"],
  "vso.graph": ["vso.identity"],
  "vso.graph_manage": ["vso.identity"],
};

/** The authenticated caller of a request. */
export interface Caller {
  user: IdentityRow;
  credential: CredentialRow;
}

/** Default lifetime of issued access tokens: one hour, like an extension's access token. */
export const ACCESS_TOKEN_TTL_MS = 60 * 60 * 1000;

/** Options of a PAT. */
export interface PatOptions {
  /** Owner (identity id). */
  userId: string;
  /** Scopes, e.g. `["vso.work_write", "vso.project"]`; default full access (`app_token`). */
  scopes?: string[];
  /** Expiry; default none. A date in the past makes an expired PAT. */
  expiresAt?: Date;
}

/** Issues an access token for a user (what the dev host's `getAccessToken()` hands out). */
export function issueAccessToken(
  store: EmulatorStore,
  userId: string,
  ttlMs = ACCESS_TOKEN_TTL_MS,
) {
  const token = EmulatorStore.newSecret();
  store.addCredential({
    token,
    userId,
    kind: "access",
    scopes: ["app_token"],
    expiresAt: Date.now() + ttlMs,
  });
  return token;
}

/** Creates a PAT; returns the secret. */
export function createPat(store: EmulatorStore, options: PatOptions): string {
  const token = EmulatorStore.newSecret();
  store.addCredential({
    token,
    userId: options.userId,
    kind: "pat",
    scopes: options.scopes ?? ["app_token"],
    expiresAt: options.expiresAt ? options.expiresAt.getTime() : null,
  });
  return token;
}

/** Reads the credential in an Authorization header, or undefined when there is none usable. */
function readCredential(store: EmulatorStore, header: string | undefined) {
  if (!header) return undefined;
  const [scheme, value] = header.split(" ", 2);
  if (!value) return undefined;
  if (scheme.toLowerCase() === "bearer") return store.credential(value.trim(), "access");
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(value.trim(), "base64").toString("utf8");
    const secret = decoded.slice(decoded.indexOf(":") + 1);
    return store.credential(secret, "pat");
  }
  return undefined;
}

/**
 * The caller of a request.
 * @throws AdoError 401 when the credential is missing, unknown, expired, or its user is gone.
 */
export function authenticate(
  store: EmulatorStore,
  header: string | undefined,
  url: string,
): Caller {
  const credential = readCredential(store, header);
  if (!credential || (credential.expiresAt !== null && credential.expiresAt <= Date.now())) {
    throw unauthorized(url);
  }
  const user = store.identity(credential.userId);
  if (!user || user.isGroup) throw unauthorized(url);
  return { user, credential };
}

/**
 * Checks that the caller's credential carries `scope`.
 * @throws AdoError 401 TF400813 when it does not.
 */
export function requireScope(caller: Caller, scope: Scope | undefined): void {
  if (!scope) return;
  const granted = caller.credential.scopes.some(
    (s) => s === scope || (IMPLIED[s] ?? []).includes(scope),
  );
  if (!granted) throw scopeMissing(caller.user.id);
}
