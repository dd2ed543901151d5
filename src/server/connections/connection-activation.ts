/**
 * The last step of every acceptance handshake, on either node: the connection turns Active
 * with its sealed connection secret, and the transport link to the partner node is stored, in
 * the caller's transaction (both or neither).
 */
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../storage/store";
import { saveTransportLink } from "../transport/transport-link-repository";
import { type ConnectionRow, updateConnection } from "./connection-repository";
import { sealConnectionSecret } from "./connection-secret";

/** What the handshake settled. */
export interface Activation {
  connectionId: string;
  /** The derived connection secret (base64url); stored sealed. */
  secret: string;
  /** The partner node's id. */
  remoteNodeId: string;
  /** The invitation's one-time secret, sealed, where this side must keep it (a public acceptor
   * answering repeated confirms); null elsewhere. */
  handshakeSecretSealed: string | null;
  /** Further connection columns the handshake settled (type, remote URL, short name). */
  changes?: Partial<Pick<ConnectionRow, "type" | "remote_url" | "remote_short_name">>;
  /** Epoch ms. */
  now: number;
}

/** Marks the connection Active with its secret and saves the transport link, in `tx`. */
export async function activateConnection(
  tx: Db,
  box: SecretBox,
  activation: Activation,
): Promise<void> {
  const { connectionId, now } = activation;
  await updateConnection(tx, connectionId, {
    ...activation.changes,
    status: "active",
    secret_sealed: sealConnectionSecret(box, connectionId, activation.secret),
    accepted_at: now,
    updated_at: now,
    last_contact_at: now,
  });
  await saveTransportLink(tx, {
    connection_id: connectionId,
    remote_node_id: activation.remoteNodeId,
    handshake_secret_sealed: activation.handshakeSecretSealed,
    created_at: now,
  });
}
