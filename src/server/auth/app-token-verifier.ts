/**
 * Verifies the extension's app token (`SDK.getAppToken()`), sent as `Authorization: Bearer`.
 * Rules (docs/architecture.md#trust-model; Microsoft Learn "Authenticate and secure web
 * extensions"): HS256 only, key = the extension certificate string as UTF-8 bytes, not
 * base64-decoded (MicrosoftDocs/azure-devops-docs#764, MicrosoftDocs/azure-devops-docs#11817)
 * (current, then previous secret for rotation), `exp` required, `exp`/`nbf` checked with a
 * small clock tolerance. Every bad token is a 401 with its own code, never a 500.
 */
import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from "jose";

import { SyncError } from "../../shared/errors";

/**
 * 60 s of clock skew: the browser, Azure DevOps and the node keep their own clocks; app tokens
 * live for minutes, so a minute of tolerance barely widens a stolen token's window.
 */
const CLOCK_TOLERANCE_S = 60;
const ALGORITHM = "HS256";

/** Claims of a verified app token (Azure DevOps puts the user id into `nameid`). */
export type AppTokenClaims = JWTPayload & { nameid?: string };

/** Extracts the bearer token from an Authorization header value. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}

/** Checks the protected header before any key is tried. */
function checkHeader(token: string): void {
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw new SyncError("SYNC_ERR_AUTH_APP_TOKEN_MALFORMED");
  }
  if (token.split(".").length !== 3) throw new SyncError("SYNC_ERR_AUTH_APP_TOKEN_MALFORMED");
  if (alg !== ALGORITHM) throw new SyncError("SYNC_ERR_AUTH_APP_TOKEN_ALGORITHM");
}

/** Maps a jose error (after the signature matched, or not) to a catalogue code. */
function mapJoseError(error: unknown): SyncError | "signature" {
  if (error instanceof errors.JWSSignatureVerificationFailed) return "signature";
  if (error instanceof errors.JWTExpired) return new SyncError("SYNC_ERR_AUTH_APP_TOKEN_EXPIRED");
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf") {
    return new SyncError("SYNC_ERR_AUTH_APP_TOKEN_NOT_YET_VALID");
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new SyncError("SYNC_ERR_AUTH_APP_TOKEN_ALGORITHM");
  }
  return new SyncError("SYNC_ERR_AUTH_APP_TOKEN_MALFORMED");
}

/** Verifies app tokens against the configured extension certificate(s). */
export class AppTokenVerifier {
  readonly #keys: Uint8Array[];

  /** @param secrets current secret first, then the previous one; empty: every token fails */
  constructor(secrets: readonly string[]) {
    this.#keys = secrets.map((secret) => new TextEncoder().encode(secret));
  }

  /**
   * Verifies `authorization` (the whole header value).
   * @returns the token's claims
   * @throws SyncError SYNC_ERR_AUTH_APP_TOKEN_{MISSING,MALFORMED,ALGORITHM,SIGNATURE,EXPIRED,NOT_YET_VALID}
   */
  async verify(authorization: string | undefined): Promise<AppTokenClaims> {
    const token = bearerToken(authorization);
    if (token === undefined) throw new SyncError("SYNC_ERR_AUTH_APP_TOKEN_MISSING");
    checkHeader(token);
    for (const key of this.#keys) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALGORITHM],
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ["exp"],
        });
        return payload as AppTokenClaims;
      } catch (error) {
        const mapped = mapJoseError(error);
        if (mapped !== "signature") throw mapped;
      }
    }
    throw new SyncError(
      "SYNC_ERR_AUTH_APP_TOKEN_SIGNATURE",
      this.#keys.length === 0 ? "This sync node has no EXALATE_APP_SECRET configured." : undefined,
    );
  }
}
