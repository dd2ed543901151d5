/**
 * The receiver's check of a transport request (docs/architecture.md#trust-model), in this order:
 *   1. the connection exists here        else 404 SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND
 *   2. its handshake completed           else 409 SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE
 *   3. the token: signature under the connection secret, issuer = the partner's node id,
 *      not expired, bound to this method, path and body
 *                                        else 401 SYNC_ERR_TRANSPORT_TOKEN_{INVALID,EXPIRED}
 *   4. its `jti` was never accepted      else 401 SYNC_ERR_TRANSPORT_REPLAYED
 *   5. the connection is active here     else 409 SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE
 * Then the exchange counts as contact with the partner (link-health.ts).
 */
import type { FastifyRequest } from "fastify";

import { SyncError } from "../../shared/errors";
import { assertNever } from "../../shared/states";
import { recordContact } from "./link-health";
import { rememberTokenId } from "./replay-guard";
import type { LinkedConnection } from "./transport-connections";
import type { TransportContext } from "./transport-context";
import { findRemoteNodeId } from "./transport-link-repository";
import { bearerToken, verifyTransportToken } from "./transport-token";

/** Raw request bodies of transport requests (the token's `bh` covers their bytes). */
export const rawBodies = new WeakMap<FastifyRequest, Buffer>();

/** @throws SyncError SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE unless the status allows traffic */
function requireServing(row: LinkedConnection): void {
  switch (row.status) {
    case "active":
    case "error":
      return;
    case "pending":
    case "deactivated":
      throw new SyncError("SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE");
    default:
      assertNever(row.status);
  }
}

/**
 * Authenticates a transport request for connection `connectionId`.
 * @returns the connection row
 * @throws SyncError as listed in the module comment
 */
export async function authenticateTransportRequest(
  context: TransportContext,
  request: FastifyRequest,
  connectionId: string,
): Promise<LinkedConnection> {
  const { db } = context.store;
  const row = await context.connections.find(db, connectionId);
  if (!row) throw new SyncError("SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND");
  const remoteNodeId = await findRemoteNodeId(db, connectionId);
  if (remoteNodeId === undefined || row.secret_sealed === null) {
    throw new SyncError("SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE");
  }
  const now = context.now();
  const token = await verifyTransportToken(
    bearerToken(request.headers.authorization),
    {
      connectionId,
      method: request.method,
      pathAndQuery: request.url,
      body: rawBodies.get(request) ?? Buffer.alloc(0),
    },
    remoteNodeId,
    context.connections.secret(context, row),
    now,
  );
  await rememberTokenId(db, token.jti, token.expiresAt);
  requireServing(row);
  await recordContact(db, connectionId, now);
  return row;
}
