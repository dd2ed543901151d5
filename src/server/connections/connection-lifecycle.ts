/**
 * The node-to-node part of the connection lifecycle (`ConnectionLifecycle` of
 * connections/connection-context.ts):
 *
 * - accepting, initiator public (URL in the code): redeem the code at the initiator now
 *   (handshake-redeem.ts on its side); store the connection Active with the derived secret and
 *   the initiator's node id. Unreachable initiator: nothing is stored, the admin retries.
 * - accepting, initiator private (no URL; this node is then public): store the connection
 *   Pending with the one-time secret sealed; the initiator confirms (handshake-confirm.ts).
 * - deleting: when the partner is reachable from here, tell it (it shows the connection in
 *   error, "deleted on the other side"); a private partner learns it on its next request
 *   (SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND).
 */
import { callPeer } from "../transport/transport-client";
import type { TransportContext } from "../transport/transport-context";
import {
  type RedeemResponse,
  TRANSPORT_PREFIX,
  TRANSPORT_ROUTES,
} from "../transport/transport-contract";
import { findRemoteNodeId, saveTransportLink } from "../transport/transport-link-repository";
import type { AcceptedConnection, ConnectionLifecycle } from "./connection-context";
import type { ConnectionRow } from "./connection-repository";
import {
  deriveConnectionSecret,
  handshakeNonce,
  openConnectionSecret,
  sealConnectionSecret,
} from "./connection-secret";
import type { InvitationClaims } from "./invitation-code";

/** 5 s for the delete notice: the admin is waiting, and the partner finds out anyway later. */
const DELETE_NOTICE_TIMEOUT_MS = 5_000;

/** The node-to-node steps of the connection lifecycle, over the transport of `context`. */
export function connectionLifecycle(context: TransportContext): ConnectionLifecycle {
  return {
    accepting: (code, claims, row) => accepting(context, code, claims, row),
    deleting: (row) => deleting(context, row),
  };
}

async function accepting(
  context: TransportContext,
  code: string,
  claims: InvitationClaims,
  row: ConnectionRow,
): Promise<AcceptedConnection> {
  if (claims.url === null) {
    return { row: { ...row, status: "pending" }, write: async () => undefined };
  }
  const { identity, publicUrl } = context.issuer;
  const acceptorNonce = handshakeNonce(identity, "acceptor", row.id);
  const answer = await callPeer<RedeemResponse>(context.fetch, {
    baseUrl: claims.url,
    method: "POST",
    pathAndQuery: TRANSPORT_PREFIX + TRANSPORT_ROUTES.redeem,
    body: {
      invitationCode: code,
      acceptorNodeId: identity.nodeId,
      acceptorUrl: publicUrl,
      acceptorShortName: claims.ash,
      acceptorNonce,
    },
    signing: null,
    timeoutMs: context.settings.requestTimeoutMs,
    signal: context.shutdown,
  });
  const secret = deriveConnectionSecret(claims.sec, row.id, answer.initiatorNonce, acceptorNonce);
  const now = context.now();
  const accepted: ConnectionRow = {
    ...row,
    status: "active",
    type: answer.connectionType,
    local_side: answer.connectionType === "public" ? "public" : "private",
    remote_url: claims.url,
    secret_sealed: sealConnectionSecret(context.box, row.id, secret),
    last_contact_at: now,
  };
  return {
    row: accepted,
    write: (tx) =>
      saveTransportLink(tx, {
        connection_id: row.id,
        remote_node_id: answer.initiatorNodeId,
        handshake_secret_sealed: null,
        created_at: now,
      }),
  };
}

async function deleting(context: TransportContext, row: ConnectionRow): Promise<void> {
  if (row.remote_url === null || row.secret_sealed === null || row.status === "pending") return;
  if ((await findRemoteNodeId(context.store.db, row.id)) === undefined) return;
  try {
    await callPeer(context.fetch, {
      baseUrl: row.remote_url,
      method: "POST",
      pathAndQuery: `${TRANSPORT_PREFIX}/connections/${encodeURIComponent(row.id)}/deleted`,
      body: {},
      signing: {
        connectionId: row.id,
        nodeId: context.issuer.identity.nodeId,
        secret: openConnectionSecret(context.box, row),
        now: context.now(),
      },
      timeoutMs: DELETE_NOTICE_TIMEOUT_MS,
      signal: context.shutdown,
    });
  } catch (error) {
    context.log.warn(
      { connectionId: row.id, err: error },
      "could not tell the partner about the delete",
    );
  }
}
