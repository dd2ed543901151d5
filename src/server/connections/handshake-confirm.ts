/**
 * Acceptance handshake when the initiator is the private side (its code carries no URL):
 * the acceptor must be public; accepting records the connection there as Pending (with the
 * code's one-time secret sealed), and the private initiator, which knows the acceptor's URL
 * from Initiate, calls `handshake/confirm` until the acceptor has accepted.
 *
 * The confirm request is signed like any transport request, but with the one-time secret as
 * key (both sides hold it), so it proves the caller issued the code the acceptor accepted.
 * Both then derive the connection secret. A repeated confirm (its answer was lost) gets the
 * same answer.
 */
import { SyncError } from "../../shared/errors";
import { rememberTokenId } from "../transport/replay-guard";
import { callPeer } from "../transport/transport-client";
import type { TransportContext } from "../transport/transport-context";
import {
  type ConfirmRequest,
  type ConfirmResponse,
  TRANSPORT_PREFIX,
  TRANSPORT_ROUTES,
} from "../transport/transport-contract";
import { findTransportLink } from "../transport/transport-link-repository";
import {
  bearerToken,
  type TransportRequestFacts,
  verifyTransportToken,
} from "../transport/transport-token";
import { activateConnection } from "./connection-activation";
import { type ConnectionRow, findConnection } from "./connection-repository";
import { deriveConnectionSecret, handshakeNonce, openSealedText } from "./connection-secret";
import { oneTimeSecret } from "./invitation-issuer";
import { findActiveInvitation, markInvitationUsed } from "./invitation-repository";

const confirmPath = TRANSPORT_PREFIX + TRANSPORT_ROUTES.confirm;

/** The one-time secret a Pending acceptor (or a confirmed one, from its link) holds. */
async function acceptorOneTimeSecret(
  context: TransportContext,
  row: ConnectionRow,
  initiatorNodeId: string,
): Promise<string> {
  if (row.status === "pending") return openSealedText(context.box, row);
  const link = await findTransportLink(context.store.db, row.id);
  if (link?.remote_node_id !== initiatorNodeId || link.handshake_secret_sealed === null) {
    throw new SyncError("SYNC_ERR_TRANSPORT_TOKEN_INVALID");
  }
  return context.box.open(link.handshake_secret_sealed, `transport_links:${row.id}:handshake`);
}

/**
 * Acceptor side of `handshake/confirm`.
 * @throws SyncError SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND (not accepted here, yet),
 *   SYNC_ERR_TRANSPORT_TOKEN_{INVALID,EXPIRED}, SYNC_ERR_TRANSPORT_REPLAYED
 */
export async function answerConfirm(
  context: TransportContext,
  authorization: string | undefined,
  facts: Omit<TransportRequestFacts, "connectionId">,
  request: ConfirmRequest,
): Promise<ConfirmResponse> {
  const { db } = context.store;
  const row = await findConnection(db, request.connectionId);
  if (!row || row.role !== "acceptor" || row.secret_sealed === null) {
    throw new SyncError("SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND");
  }
  const oneTime = await acceptorOneTimeSecret(context, row, request.initiatorNodeId);
  const now = context.now();
  const token = await verifyTransportToken(
    bearerToken(authorization),
    { ...facts, connectionId: row.id },
    request.initiatorNodeId,
    Buffer.from(oneTime, "base64url"),
    now,
  );
  await rememberTokenId(db, token.jti, token.expiresAt);
  const acceptorNonce = handshakeNonce(context.issuer.identity, "acceptor", row.id);
  if (row.status === "pending") {
    const secret = deriveConnectionSecret(oneTime, row.id, request.initiatorNonce, acceptorNonce);
    await db.transaction().execute((tx) =>
      activateConnection(tx, context.box, {
        connectionId: row.id,
        secret,
        remoteNodeId: request.initiatorNodeId,
        handshakeSecretSealed: context.box.seal(oneTime, `transport_links:${row.id}:handshake`),
        now,
      }),
    );
  }
  return { acceptorNodeId: context.issuer.identity.nodeId, acceptorNonce };
}

/**
 * Private initiator side: asks the public acceptor to confirm a Pending connection; on
 * success marks the invitation used and the connection Active, with the derived secret.
 * @returns false when there is nothing to confirm with (no active, unexpired invitation)
 * @throws SyncError SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND while the partner has not
 *   accepted; other transport errors from `callPeer`
 */
export async function confirmAcceptance(
  context: TransportContext,
  row: ConnectionRow,
): Promise<boolean> {
  const { db } = context.store;
  const invitation = await findActiveInvitation(db, row.id);
  if (!invitation || invitation.expires_at <= context.now() || row.remote_url === null) {
    return false;
  }
  const { identity } = context.issuer;
  const oneTime = oneTimeSecret(identity, invitation.id);
  const initiatorNonce = handshakeNonce(identity, "initiator", row.id);
  const answer = await callPeer<ConfirmResponse>(context.fetch, {
    baseUrl: row.remote_url,
    method: "POST",
    pathAndQuery: confirmPath,
    body: { connectionId: row.id, initiatorNodeId: identity.nodeId, initiatorNonce },
    signing: {
      connectionId: row.id,
      nodeId: identity.nodeId,
      secret: Buffer.from(oneTime, "base64url"),
      now: context.now(),
    },
    timeoutMs: context.settings.requestTimeoutMs,
    signal: context.shutdown,
  });
  const secret = deriveConnectionSecret(oneTime, row.id, initiatorNonce, answer.acceptorNonce);
  const now = context.now();
  await db.transaction().execute(async (tx) => {
    if (!(await markInvitationUsed(tx, invitation.id, now))) return;
    await activateConnection(tx, context.box, {
      connectionId: row.id,
      secret,
      remoteNodeId: answer.acceptorNodeId,
      handshakeSecretSealed: null,
      now,
    });
  });
  return true;
}
