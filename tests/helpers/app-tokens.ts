/** Signs app tokens the way Azure DevOps does for `SDK.getAppToken()` (HS256, UTF-8 key). */
import { SignJWT } from "jose";

export const APP_SECRET = "test-extension-certificate";
export const PREVIOUS_APP_SECRET = "test-extension-certificate-before-rotation";

/** An HS256 app token under `secret`, valid for `ttlSeconds` (negative: already expired). */
export function signAppToken(
  secret = APP_SECRET,
  options: { ttlSeconds?: number; notBeforeSeconds?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ nameid: "a1d2c3e4-0000-4000-8000-00000000ada1" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("app.vstoken.visualstudio.com")
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 300));
  if (options.notBeforeSeconds !== undefined) jwt.setNotBefore(now + options.notBeforeSeconds);
  return jwt.sign(new TextEncoder().encode(secret));
}
