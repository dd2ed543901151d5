/**
 * Binds the engine's `SyncQueuePort` to the sync queue module (src/server/queue/sync-queue.ts).
 * Transient failures are retried with the queue's capped, jittered backoff until
 * `maxAttempts`; after that, and for permanent failures, the request is `failed` and shows in
 * the errors list.
 */
import {
  backoffDelay,
  claimSyncRequests,
  completeSyncRequest,
  enqueueSyncEvent,
  failSyncRequest,
  listSyncErrors,
  replicaOf,
  resolveSyncItem,
  retrySyncItem,
  SYNC_REQUEST_BACKOFF,
  syncQueueCounts,
  type SyncRequestRow,
} from "../queue/sync-queue";
import type { Store } from "../storage/store";
import type { ClaimedSyncRequest, FailedQueueItem, SyncQueuePort } from "./sync-queue-port";

/** Options of the adapter. */
export interface SyncQueueAdapterOptions {
  /**
   * Lease of a claimed request in ms. (Default: 120000: an apply with a few attachments takes
   * seconds, and the lease only matters when a worker died: its request waits this long before
   * another worker repeats it, which is safe because applying adopts earlier writes.)
   */
  leaseMs?: number;
  /**
   * Attempts before a transient failure becomes permanent. (Default: 12: with a 2 s base and a
   * 10 min cap the backoff spans about an hour of outage before an admin is asked to look.)
   */
  maxAttempts?: number;
  now?: () => number;
}

/** Creates the port over `store`'s queue tables. */
export function createSyncQueueAdapter(
  store: Store,
  options: SyncQueueAdapterOptions = {},
): SyncQueuePort {
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 12;
  const now = options.now ?? Date.now;
  return {
    async enqueueSyncEvent(db, event) {
      const { eventId } = await enqueueSyncEvent(db, {
        connectionId: event.connectionId,
        workItemId: event.workItemId,
        replica: event.payload,
        now: now(),
      });
      return eventId;
    },
    async claimSyncRequests(workerId, limit) {
      const rows = await claimSyncRequests(store.db, { workerId, leaseMs, limit, now: now() });
      return rows.map(toClaimed);
    },
    completeSyncRequest: (db, request) =>
      completeSyncRequest(db, request.id, { workerId: request.claimToken, now: now() }),
    async failSyncRequest(request, failure) {
      const permanent = failure.permanent || request.attempts >= maxAttempts;
      const at = now();
      const outcome = permanent
        ? ({ permanent: true } as const)
        : { retryAt: at + backoffDelay(SYNC_REQUEST_BACKOFF, request.attempts - 1) };
      await failSyncRequest(
        store.db,
        request.id,
        { code: failure.code, message: failure.message, details: failure.details },
        outcome,
        { workerId: request.claimToken, now: at },
      );
    },
    async listFailed(connectionId, limit) {
      return (await listSyncErrors(store.db, connectionId, limit)).map(toFailed);
    },
    retry: (connectionId, ids) => countMoved(store, connectionId, ids, retrySyncItem, now),
    resolve: (connectionId, ids) => countMoved(store, connectionId, ids, resolveSyncItem, now),
    async hasPendingRequests(connectionId, workItemId) {
      const row = await store.db
        .selectFrom("sync_requests")
        .select("id")
        .where("connection_id", "=", connectionId)
        .where("work_item_id", "=", workItemId)
        .where("state", "in", ["queued", "running", "retry"])
        .executeTakeFirst();
      return row !== undefined;
    },
    async counts(connectionId) {
      const counts = await syncQueueCounts(store.db, connectionId);
      const incoming = counts.incoming;
      return {
        outgoing: { queued: counts.outgoingPending, failed: 0 },
        incoming: {
          queued: incoming.queued + incoming.retry + incoming.running,
          failed: incoming.failed,
        },
      };
    },
  };
}

function toClaimed(row: SyncRequestRow): ClaimedSyncRequest {
  return {
    id: row.id,
    connectionId: row.connection_id,
    workItemId: row.work_item_id,
    payload: replicaOf(row),
    attempts: Number(row.attempts),
    claimToken: row.locked_by ?? "",
  };
}

function toFailed(row: SyncRequestRow): FailedQueueItem {
  return {
    id: row.id,
    connectionId: row.connection_id,
    direction: "incoming",
    workItemId: row.work_item_id,
    state: row.state,
    code: row.last_error_code ?? "SYNC_ERR_INTERNAL",
    message: row.last_error_message ?? "",
    details: row.last_error_details
      ? (JSON.parse(row.last_error_details) as Record<string, unknown>)
      : {},
    attempts: Number(row.attempts),
    updatedAt: row.updated_at,
  };
}

/** Applies `move` to each id of the connection's failed requests; returns how many moved. */
async function countMoved(
  store: Store,
  connectionId: string,
  ids: string[],
  move: (db: Store["db"], id: string, now: number) => Promise<boolean>,
  now: () => number,
): Promise<number> {
  const owned = await store.db
    .selectFrom("sync_requests")
    .select("id")
    .where("connection_id", "=", connectionId)
    .where("id", "in", ids.length > 0 ? ids : [""])
    .execute();
  let moved = 0;
  for (const { id } of owned) if (await move(store.db, id, now())) moved += 1;
  return moved;
}
