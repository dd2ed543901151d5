/**
 * Transport tokens (docs/architecture.md#trust-model): every node-to-node request carries
 * `Authorization: Bearer <JWT>`, HS256 under the connection's shared secret, with the claims:
 *
 *   cid  connection id             iss  sender's node id
 *   iat  issued at (s)             exp  iat + 60 s
 *   jti  random id (replay guard)  htm  HTTP method     htu  path and query
 *   bh   SHA-256 (base64url) of the raw request body ("" for none)
 *
 * Binding method, path and body hash means a captured token cannot be reused for another
 * request, and a changed body or URL is refused as tampered. The receiver also remembers each
 * `jti` until it expires (replay-guard.ts).
 */
import { createHash, randomUUID } from "node:crypto";

import { errors as joseErrors, jwtVerify, SignJWT } from "jose";

import { SyncError } from "../../shared/errors";

/**
 * 60 s lifetime: covers clock skew between nodes and a slow proxy, while keeping the replay
 * window (and the replay-guard table) small.
 */
export const TRANSPORT_TOKEN_TTL_S = 60;
/** 10 s tolerance for clocks of the two nodes that are not quite in step. */
const CLOCK_TOLERANCE_S = 10;
/** A receiver refuses tokens valid for longer than this, whoever signed them. */
const MAX_LIFETIME_S = 2 * TRANSPORT_TOKEN_TTL_S;

/** What a transport token is bound to. */
export interface TransportRequestFacts {
  connectionId: string;
  method: string;
  /** Path and query as sent, e.g. `/transport/v1/connections/<id>/events?after=3`. */
  pathAndQuery: string;
  /** Raw body bytes (empty for none). */
  body: Uint8Array;
}

/** SHA-256 (base64url) of a body. */
export function bodyHash(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("base64url");
}

/**
 * Signs a transport token.
 * @param secret the connection's 32-byte shared secret
 * @param now epoch ms
 */
export async function signTransportToken(
  facts: TransportRequestFacts,
  senderNodeId: string,
  secret: Uint8Array,
  now: number,
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({
    cid: facts.connectionId,
    htm: facts.method.toUpperCase(),
    htu: facts.pathAndQuery,
    bh: bodyHash(facts.body),
  })
    .setProtectedHeader({ alg: "HS256", typ: "SN-TRANSPORT" })
    .setIssuer(senderNodeId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + TRANSPORT_TOKEN_TTL_S)
    .setJti(randomUUID())
    .sign(secret);
}

/** The checked claims of a transport token. */
export interface VerifiedTransportToken {
  jti: string;
  /** Expiry, epoch ms: how long the replay guard keeps the `jti`. */
  expiresAt: number;
}

const invalid = (): SyncError => new SyncError("SYNC_ERR_TRANSPORT_TOKEN_INVALID");

/**
 * Checks a token against the request it came with.
 * @param expectedIssuer the partner's node id (null: not known yet, handshake)
 * @throws SyncError SYNC_ERR_TRANSPORT_TOKEN_EXPIRED (expired), SYNC_ERR_TRANSPORT_TOKEN_INVALID
 *   (bad signature, wrong algorithm, claims not matching the request, too long-lived)
 */
export async function verifyTransportToken(
  token: string,
  facts: TransportRequestFacts,
  expectedIssuer: string | null,
  secret: Uint8Array,
  now: number,
): Promise<VerifiedTransportToken> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      algorithms: ["HS256"],
      typ: "SN-TRANSPORT",
      currentDate: new Date(now),
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ["iss", "iat", "exp", "jti"],
      ...(expectedIssuer !== null ? { issuer: expectedIssuer } : {}),
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      throw new SyncError("SYNC_ERR_TRANSPORT_TOKEN_EXPIRED");
    }
    throw invalid();
  }
  const matches =
    payload.cid === facts.connectionId &&
    payload.htm === facts.method.toUpperCase() &&
    payload.htu === facts.pathAndQuery &&
    payload.bh === bodyHash(facts.body) &&
    typeof payload.jti === "string" &&
    payload.exp! - payload.iat! <= MAX_LIFETIME_S;
  if (!matches) throw invalid();
  return { jti: payload.jti!, expiresAt: payload.exp! * 1000 };
}

/** The bearer token of an `Authorization` header. @throws SyncError SYNC_ERR_TRANSPORT_TOKEN_INVALID */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header ?? "");
  if (!match) throw invalid();
  return match[1]!;
}
