/**
 * Admin operations on the sync queue for the hub: the errors list of a connection with retry
 * and resolve, and counts for its statistics.
 */
import { QUEUE_STATES, type QueueState } from "../../shared/states";
import type { Db } from "../storage/store";
import { readSyncCursor } from "./sync-event-queue";
import type { SyncRequestRow } from "./sync-request-view";

/**
 * Puts a failed request back in the queue (state `queued`, due now). Attempts are kept, so the
 * history shows them.
 * @returns false when there is no failed request `id` (the caller answers
 *   SYNC_ERR_SYNC_ITEM_NOT_FOUND)
 */
export async function retrySyncItem(
  db: Db,
  id: string,
  now: number = Date.now(),
): Promise<boolean> {
  const result = await db
    .updateTable("sync_requests")
    .set({ state: "queued", run_at: now, locked_by: null, locked_until: null, updated_at: now })
    .where("id", "=", id)
    .where("state", "=", "failed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Dismisses a failed request (state `resolved`): later requests of the same twin may run.
 * @returns false when there is no failed request `id`
 */
export async function resolveSyncItem(
  db: Db,
  id: string,
  now: number = Date.now(),
): Promise<boolean> {
  const result = await db
    .updateTable("sync_requests")
    .set({ state: "resolved", updated_at: now, finished_at: now })
    .where("id", "=", id)
    .where("state", "=", "failed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The failed requests of a connection (its errors list), oldest first, at most `limit`. */
export function listSyncErrors(
  db: Db,
  connectionId: string,
  limit: number,
): Promise<SyncRequestRow[]> {
  return db
    .selectFrom("sync_requests")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("state", "=", "failed")
    .orderBy("created_at")
    .orderBy("remote_seq")
    .limit(limit)
    .execute();
}

/** Queue statistics of one connection. */
export interface SyncQueueCounts {
  /** Outgoing sync events not yet acknowledged by the partner. */
  outgoingPending: number;
  /** Incoming sync requests per state. */
  incoming: Record<QueueState, number>;
}

/** Counts for the hub's statistics of a connection. */
export async function syncQueueCounts(db: Db, connectionId: string): Promise<SyncQueueCounts> {
  const cursor = await readSyncCursor(db, connectionId);
  const rows = await db
    .selectFrom("sync_requests")
    .select(["state", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("connection_id", "=", connectionId)
    .groupBy("state")
    .execute();
  const incoming = Object.fromEntries(QUEUE_STATES.map((state) => [state, 0])) as Record<
    QueueState,
    number
  >;
  for (const row of rows) incoming[row.state] = Number(row.count);
  return { outgoingPending: cursor.lastEventSeq - cursor.ackedEventSeq, incoming };
}
