/**
 * The invitation code format, version 1:
 *
 *     SN1.<compact JWS>        e.g. SN1.eyJhbGciOiJIUzI1NiIsInR5cCI6IlNOLUlOVklURSJ9.eyJ2Ijox....<43 chars>
 *
 * - Characters: `[A-Za-z0-9._-]` only (URL-safe, survives copy and paste); whitespace and line
 *   breaks anywhere are ignored when reading.
 * - The JWS is HS256 under the issuing node's own key (node_settings). Only the issuer can
 *   check that signature (when the acceptor contacts it: handshake-redeem.ts).
 * - The acceptor checks integrity locally with `chk`, a SHA-256 over the other claims, and the
 *   fixed signature length (43 characters = 32 bytes): a cut-off code is "truncated", an edited
 *   one "tampered". (An edit of the signature alone is caught by the issuer.)
 * - `SN<n>.` with another n is a known-looking code of a format version this node does not know.
 */
import { createHash } from "node:crypto";

import { CompactSign, compactVerify } from "jose";

import { SyncError } from "../../shared/errors";
import { CONNECTION_MODES, type ConnectionMode } from "../../shared/states";

/** Format version written by this node. */
export const INVITATION_FORMAT_VERSION = 1;
const PREFIX = `SN${INVITATION_FORMAT_VERSION}.`;
const HEADER = { alg: "HS256", typ: "SN-INVITE" } as const;
/** base64url length of a 32-byte HMAC-SHA256 signature. */
const SIGNATURE_LENGTH = 43;
/** 22 base64url characters = 132 bits of SHA-256: accidental edits never collide. */
const CHECKSUM_LENGTH = 22;

/** What an invitation code carries (short claim names keep the code short). */
export interface InvitationClaims {
  /** Format version. */
  v: number;
  /** Issuing node's id (node_settings `node_id`): lets a node recognise its own codes. */
  iss: string;
  /** Connection id (the same on both nodes). */
  cid: string;
  /** Connection name and description. */
  name: string;
  desc: string;
  /** Initiator's short name, and the short name it chose for the acceptor. */
  ish: string;
  ash: string;
  mode: ConnectionMode;
  /** Initiator's node URL; null when the initiator is the private side. */
  url: string | null;
  /** One-time secret: 32 random-looking bytes, base64url. */
  sec: string;
  /** Issued at and expiry, epoch seconds (JWT style). */
  iat: number;
  exp: number;
}

/** The claims in the order `chk` covers them. */
const CLAIM_KEYS = [
  "v",
  "iss",
  "cid",
  "name",
  "desc",
  "ish",
  "ash",
  "mode",
  "url",
  "sec",
  "iat",
  "exp",
] as const;

function checksum(claims: InvitationClaims): string {
  const canonical = JSON.stringify(CLAIM_KEYS.map((key) => claims[key]));
  return createHash("sha256").update(canonical).digest("base64url").slice(0, CHECKSUM_LENGTH);
}

/** Signs `claims` with `key` (32 bytes) into an invitation code. Deterministic for equal input. */
export async function encodeInvitationCode(
  claims: InvitationClaims,
  key: Uint8Array,
): Promise<string> {
  const payload = { ...claims, chk: checksum(claims) };
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(HEADER)
    .sign(key);
  return PREFIX + jws;
}

/** A code that passed every check an acceptor can make locally. */
export interface DecodedInvitation {
  claims: InvitationClaims;
  /** The compact JWS (without prefix), for the issuer's signature check. */
  jws: string;
}

const fail = (code: "MALFORMED" | "TRUNCATED" | "TAMPERED" | "VERSION"): never => {
  throw new SyncError(`SYNC_ERR_INVITATION_${code}`);
};

/** Splits `SN<n>.<jws>`; checks the version and the characters. */
function splitCode(text: string): string[] {
  const compact = text.replace(/\s+/g, "");
  const prefix = /^SN(\d{1,4})\./.exec(compact);
  if (!prefix) return fail(/^S(N\d*)?$/.test(compact) && compact ? "TRUNCATED" : "MALFORMED");
  if (Number(prefix[1]) !== INVITATION_FORMAT_VERSION) return fail("VERSION");
  const rest = compact.slice(prefix[0].length);
  if (!/^[A-Za-z0-9_.-]*$/.test(rest)) return fail("MALFORMED");
  const parts = rest.split(".");
  if (parts.length > 3) return fail("TAMPERED");
  if (parts.length < 3 || parts[2]!.length < SIGNATURE_LENGTH) return fail("TRUNCATED");
  if (parts[2]!.length > SIGNATURE_LENGTH) return fail("TAMPERED");
  return parts;
}

function parseJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

const isString = (value: unknown, max: number): value is string =>
  typeof value === "string" && value.length <= max;

/** True when `value` has the shape of `InvitationClaims` plus `chk`. */
function isClaims(value: unknown): value is InvitationClaims & { chk: string } {
  const c = value as Record<string, unknown> | null;
  if (typeof c !== "object" || c === null) return false;
  return (
    Number.isInteger(c.v) &&
    [c.iss, c.cid, c.name, c.ish, c.ash, c.sec, c.chk].every((field) => isString(field, 256)) &&
    isString(c.desc, 4000) &&
    (CONNECTION_MODES as readonly unknown[]).includes(c.mode) &&
    (c.url === null || isString(c.url, 2048)) &&
    Number.isInteger(c.iat) &&
    Number.isInteger(c.exp)
  );
}

/**
 * Reads an invitation code as an acceptor can: format, version, integrity and expiry; not the
 * signature (only the issuer holds its key).
 * @param text the code as pasted (whitespace anywhere is ignored)
 * @param now epoch ms
 * @throws SyncError SYNC_ERR_INVITATION_{MALFORMED,TRUNCATED,TAMPERED,VERSION,EXPIRED}
 */
export function decodeInvitationCode(text: string, now: number): DecodedInvitation {
  const [header, payload, signature] = splitCode(text);
  const decodedHeader = parseJson(header!) as Record<string, unknown> | undefined;
  if (decodedHeader?.alg !== HEADER.alg || decodedHeader.typ !== HEADER.typ) fail("TAMPERED");
  const claims = parseJson(payload!);
  if (!isClaims(claims) || claims.chk !== checksum(claims)) return fail("TAMPERED");
  if (claims.v !== INVITATION_FORMAT_VERSION) fail("VERSION");
  if (claims.exp * 1000 <= now) throw new SyncError("SYNC_ERR_INVITATION_EXPIRED");
  const { chk: _chk, ...rest } = claims;
  return { claims: rest, jws: `${header}.${payload}.${signature}` };
}

/**
 * The issuer's full check of the signature of a decoded code.
 * @throws SyncError SYNC_ERR_INVITATION_TAMPERED when the signature does not match `key`
 */
export async function verifyInvitationSignature(jws: string, key: Uint8Array): Promise<void> {
  try {
    await compactVerify(jws, key, { algorithms: [HEADER.alg] });
  } catch {
    throw new SyncError("SYNC_ERR_INVITATION_TAMPERED");
  }
}
