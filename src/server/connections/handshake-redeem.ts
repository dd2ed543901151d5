/**
 * Acceptance handshake, initiator side, when the initiator is public (its URL is in the
 * code): the acceptor calls `handshake/redeem` with the code. Here the initiator checks the
 * code fully (format, its own signature, not expired, not revoked, single use), marks it used,
 * records the acceptor's node id and short name, settles the connection type, and derives the
 * connection secret (connection-secret.ts). All in one transaction.
 *
 * A repeated redeem by the same acceptor (its answer was lost) gets the same answer: the
 * acceptor proves it is the same by producing the same connection secret.
 */
import { SyncError } from "../../shared/errors";
import type { ConnectionType } from "../../shared/states";
import { sameSecret } from "../crypto/same-secret";
import type { Db } from "../storage/store";
import type { TransportContext } from "../transport/transport-context";
import type { RedeemRequest, RedeemResponse } from "../transport/transport-contract";
import { findTransportLink } from "../transport/transport-link-repository";
import { activateConnection } from "./connection-activation";
import type { ConnectionRow } from "./connection-repository";
import { normalizeDestinationUrl } from "./connection-rules";
import { deriveConnectionSecret, handshakeNonce, openSealedText } from "./connection-secret";
import { requireConnection } from "./connection-service";
import { decodeInvitationCode } from "./invitation-code";
import { verifyIssuedInvitation } from "./invitation-issuer";
import { markInvitationUsed } from "./invitation-repository";

/** Public only when it was initiated as public and the acceptor has a URL. */
function settledType(row: ConnectionRow, acceptorUrl: string | null): ConnectionType {
  return row.type === "public" && acceptorUrl !== null ? "public" : "private";
}

/**
 * Redeems an invitation code for the acceptor.
 * @throws SyncError SYNC_ERR_INVITATION_* (see `verifyIssuedInvitation`),
 *   SYNC_ERR_CONNECTION_URL_INVALID for a bad acceptor URL
 */
export async function redeemInvitation(
  context: TransportContext,
  request: RedeemRequest,
): Promise<RedeemResponse> {
  const acceptorUrl =
    request.acceptorUrl === null ? null : normalizeDestinationUrl(request.acceptorUrl);
  const now = context.now();
  return context.store.db.transaction().execute(async (tx) => {
    let verified;
    try {
      verified = await verifyIssuedInvitation(tx, context.issuer, request.invitationCode, now);
    } catch (error) {
      if ((error as SyncError).code !== "SYNC_ERR_INVITATION_USED") throw error;
      return repeatedRedeem(context, tx, request, now);
    }
    const { claims, invitation } = verified;
    const row = await requireConnection(tx, claims.cid);
    if (!(await markInvitationUsed(tx, invitation.id, now))) {
      throw new SyncError("SYNC_ERR_INVITATION_USED");
    }
    const type = settledType(row, acceptorUrl);
    const initiatorNonce = handshakeNonce(context.issuer.identity, "initiator", row.id);
    const secret = deriveConnectionSecret(
      claims.sec,
      row.id,
      initiatorNonce,
      request.acceptorNonce,
    );
    await activateConnection(tx, context.box, {
      connectionId: row.id,
      secret,
      remoteNodeId: request.acceptorNodeId,
      handshakeSecretSealed: null,
      changes: {
        type,
        remote_url: type === "public" ? acceptorUrl : null,
        remote_short_name: request.acceptorShortName,
      },
      now,
    });
    return answer(context, row.id, type);
  });
}

function answer(
  context: TransportContext,
  connectionId: string,
  type: ConnectionType,
): RedeemResponse {
  return {
    initiatorNodeId: context.issuer.identity.nodeId,
    initiatorNonce: handshakeNonce(context.issuer.identity, "initiator", connectionId),
    connectionType: type,
  };
}

/** The answer again for the acceptor that already redeemed the code; else USED. */
async function repeatedRedeem(
  context: TransportContext,
  tx: Db,
  request: RedeemRequest,
  now: number,
): Promise<RedeemResponse> {
  const used = new SyncError("SYNC_ERR_INVITATION_USED");
  const { claims } = decodeInvitationCode(request.invitationCode, now);
  const row = await requireConnection(tx, claims.cid);
  const link = await findTransportLink(tx, row.id);
  if (link?.remote_node_id !== request.acceptorNodeId || row.secret_sealed === null) throw used;
  const initiatorNonce = handshakeNonce(context.issuer.identity, "initiator", row.id);
  const expected = deriveConnectionSecret(
    claims.sec,
    row.id,
    initiatorNonce,
    request.acceptorNonce,
  );
  if (!sameSecret(openSealedText(context.box, row), expected)) throw used;
  return answer(context, row.id, row.type);
}
