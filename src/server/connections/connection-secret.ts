/**
 * The per-connection shared secret (docs/architecture.md#trust-model), agreed in the acceptance
 * handshake:
 *
 *   secret = HMAC-SHA256(key = one-time secret of the invitation code,
 *                        "connection-secret:v1:" + connection id + ":" + initiator nonce
 *                        + ":" + acceptor nonce)
 *
 * Each nonce is HMAC-SHA256(own invitation key, "<role>-nonce:" + connection id): unguessable
 * without that node's key, yet the same on every retry, so a handshake whose answer was lost
 * can be repeated without storing anything first. Because the nonces travel only in the
 * handshake, someone who later reads the invitation code (in a mail archive, say) still
 * cannot compute the connection secret.
 *
 * Stored sealed with the server's secret box, context `connections:<id>:secret`.
 */
import { createHmac } from "node:crypto";

import type { SecretBox } from "../crypto/secret-box";
import type { NodeIdentity } from "../node-settings/node-identity";
import type { ConnectionRow } from "./connection-repository";
import { connectionSecretContext } from "./invitation-service";

/** Which end of the handshake a nonce belongs to. */
export type NonceRole = "initiator" | "acceptor";

/** This node's nonce for `connectionId` in `role` (base64url, 32 bytes). */
export function handshakeNonce(
  identity: NodeIdentity,
  role: NonceRole,
  connectionId: string,
): string {
  return createHmac("sha256", identity.invitationKey)
    .update(`${role}-nonce:${connectionId}`)
    .digest("base64url");
}

/** The connection secret (base64url of 32 bytes) from the one-time secret and both nonces. */
export function deriveConnectionSecret(
  oneTimeSecret: string,
  connectionId: string,
  initiatorNonce: string,
  acceptorNonce: string,
): string {
  return createHmac("sha256", Buffer.from(oneTimeSecret, "utf8"))
    .update(`connection-secret:v1:${connectionId}:${initiatorNonce}:${acceptorNonce}`)
    .digest("base64url");
}

/** Seals a connection secret for the `secret_sealed` column. */
export function sealConnectionSecret(box: SecretBox, connectionId: string, secret: string): string {
  return box.seal(secret, connectionSecretContext(connectionId));
}

/**
 * The stored secret of an accepted connection as key bytes.
 * @throws Error when the connection has none (not accepted yet)
 */
export function openConnectionSecret(box: SecretBox, row: ConnectionRow): Uint8Array {
  if (row.secret_sealed === null) throw new Error(`Connection ${row.id} has no secret yet`);
  return Buffer.from(box.open(row.secret_sealed, connectionSecretContext(row.id)), "base64url");
}

/** Opens the sealed value as text (on a Pending acceptor: the one-time secret). */
export function openSealedText(box: SecretBox, row: ConnectionRow): string {
  if (row.secret_sealed === null) throw new Error(`Connection ${row.id} has no secret yet`);
  return box.open(row.secret_sealed, connectionSecretContext(row.id));
}
