/**
 * Mints the extension app token `SDK.getAppToken()` returns, the way Azure DevOps does for a
 * published extension: an HS256 JWT whose key is the extension certificate string as UTF-8
 * bytes (learn.microsoft.com/azure/devops/extend/develop/auth). Claims follow
 * decoded real tokens: `nameid` (the user id), `tid` (tenant), `jti`, `iss`
 * "app.vstoken.visualstudio.com", `aud` (the extension), `nbf`, `exp`. No organization claim.
 */
import { randomUUID } from "node:crypto";

import { SignJWT } from "jose";

/** The development extension certificate; nodes started by the dev host trust it. */
export const DEV_APP_SECRET = "exalate-dev-app-secret";

/** Issuer of real app tokens. */
export const APP_TOKEN_ISSUER = "app.vstoken.visualstudio.com";

/**
 * Lifetime of an app token in seconds: real tokens are valid for about 70 minutes, so a hub
 * left open longer must fetch a fresh token (the client does so once after a 401).
 */
export const APP_TOKEN_LIFETIME_SECONDS = 70 * 60;

/** Who and what the token is for. */
export interface AppTokenClaims {
  /** The signed-in user's id (`SDK.getUser().id`). */
  userId: string;
  /** The organization's tenant id (a GUID). */
  tenantId: string;
  /** Identifies the extension (a GUID in real tokens). */
  audience: string;
}

/**
 * Signs an app token.
 * @param secret the extension certificate (UTF-8 string, used verbatim as the HMAC key)
 * @param now issue time in epoch seconds (Default: the current time)
 * @param lifetimeSeconds validity window (Default: `APP_TOKEN_LIFETIME_SECONDS`)
 */
export async function mintAppToken(
  claims: AppTokenClaims,
  secret = DEV_APP_SECRET,
  now = Math.floor(Date.now() / 1000),
  lifetimeSeconds = APP_TOKEN_LIFETIME_SECONDS,
): Promise<string> {
  return new SignJWT({ nameid: claims.userId, tid: claims.tenantId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setJti(randomUUID())
    .setIssuer(APP_TOKEN_ISSUER)
    .setAudience(claims.audience)
    .setNotBefore(now)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(new TextEncoder().encode(secret));
}
