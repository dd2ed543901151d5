/**
 * The incoming half of the sync queue: sync requests (replicas received from the partner),
 * claimed by the sync engine's workers under a lease.
 *
 * States (QUEUE_STATES, src/shared/states.ts) and who moves them:
 *   (received) -> queued                       receiveSyncRequests
 *   queued | retry (run_at due) -> running     claimSyncRequests (lease: locked_by/until)
 *   running (lease expired) -> running         claimSyncRequests: a crashed worker's item
 *   running -> done                            completeSyncRequest
 *   running -> retry (run_at = retryAt)        failSyncRequest(..., { retryAt })
 *   running -> failed                          failSyncRequest(..., { permanent: true })
 *   failed -> queued | resolved                retrySyncItem / resolveSyncItem (admin)
 *
 * Per-twin order: a request is claimable only when no earlier request (smaller `remote_seq`)
 * for the same (connection, remote work item) is unfinished (anything but done/resolved). So a
 * failed request holds back later changes of the same work item until an admin retries or
 * resolves it, while other work items keep flowing.
 */
import { randomUUID } from "node:crypto";

import type { Db } from "../storage/store";
import { capabilitiesOf } from "./queue-capabilities";
import { announceQueueSignal } from "./queue-signals";
import type { SyncEventEnvelope } from "./sync-event-queue";
import type { SyncRequestRow } from "./sync-request-view";

/** States in which a request still holds back later requests of the same twin. */
const FINISHED_STATES = ["done", "resolved"] as const;

/** What `receiveSyncRequests` did. */
export interface ReceiveResult {
  /** Every event up to this `seq` is durably stored here: the acknowledgement to send. */
  receivedSeq: number;
  /** How many events were new (the rest were redeliveries, or followed a gap). */
  stored: number;
}

/** Runs `work` in `db` when it is a transaction already, else in a new transaction. */
function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Locks (PostgreSQL) and reads the connection's `received_seq`, creating the cursor row. */
async function lockReceivedSeq(tx: Db, connectionId: string): Promise<number> {
  await tx
    .insertInto("sync_cursors")
    .values({ connection_id: connectionId })
    .onConflict((conflict) => conflict.column("connection_id").doNothing())
    .execute();
  const row = await tx
    .updateTable("sync_cursors")
    .set((eb) => ({ received_seq: eb.ref("received_seq") }))
    .where("connection_id", "=", connectionId)
    .returning("received_seq")
    .executeTakeFirstOrThrow();
  return Number(row.received_seq);
}

/**
 * Stores events received from the partner as queued sync requests, in one transaction.
 * Idempotent: events at or below the stored watermark are ignored. Only a contiguous run is
 * stored: an event after a gap (its predecessor not received yet) is dropped, so the
 * acknowledgement never skips an event; the sender sends it again from the watermark.
 * @param events in any order; duplicates allowed
 * @returns the watermark to acknowledge and how many requests were new
 * @throws the engine's foreign-key error when the connection does not exist
 */
export async function receiveSyncRequests(
  db: Db,
  connectionId: string,
  events: readonly SyncEventEnvelope[],
  now: number = Date.now(),
): Promise<ReceiveResult> {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const result = await inTransaction(db, async (tx) => {
    let receivedSeq = await lockReceivedSeq(tx, connectionId);
    let stored = 0;
    for (const event of sorted) {
      if (event.seq <= receivedSeq) continue;
      if (event.seq !== receivedSeq + 1) break;
      await tx
        .insertInto("sync_requests")
        .values(requestRow(connectionId, event, now))
        .execute();
      receivedSeq = event.seq;
      stored += 1;
    }
    if (stored > 0) {
      await tx
        .updateTable("sync_cursors")
        .set({ received_seq: receivedSeq })
        .where("connection_id", "=", connectionId)
        .execute();
      await announceQueueSignal(tx, { kind: "request", connectionId });
    }
    return { receivedSeq, stored };
  });
  return result;
}

function requestRow(connectionId: string, event: SyncEventEnvelope, now: number) {
  return {
    id: randomUUID(),
    connection_id: connectionId,
    remote_seq: event.seq,
    remote_event_id: event.eventId,
    work_item_id: event.workItemId,
    payload: JSON.stringify(event.replica ?? null),
    state: "queued" as const,
    attempts: 0,
    run_at: now,
    locked_by: null,
    locked_until: null,
    last_error_code: null,
    last_error_message: null,
    last_error_details: null,
    remote_created_at: event.createdAt,
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
}

/** Options of `claimSyncRequests`. */
export interface ClaimOptions {
  /** Names the claiming worker (e.g. `<host>:<pid>:<n>`); stored in `locked_by`. */
  workerId: string;
  /** Lease length in ms: after it, another worker may take the request over. */
  leaseMs: number;
  /** Most requests to claim. */
  limit: number;
  /** Only this connection's requests (Default: every active connection's). */
  connectionId?: string;
  /** Epoch ms (Default: Date.now()). */
  now?: number;
}

/**
 * Claims runnable sync requests: per (connection, work item) the oldest unfinished one, when
 * it is queued, or in retry with `run_at` due, or running with an expired lease; only for
 * connections that are active (or in transport error: applying needs no partner). Each claim
 * sets `running`, the lease, and `attempts + 1`. PostgreSQL: `FOR UPDATE SKIP LOCKED`, so
 * replicas never claim the same request.
 * @returns the claimed requests, oldest first
 */
export async function claimSyncRequests(db: Db, options: ClaimOptions): Promise<SyncRequestRow[]> {
  const now = options.now ?? Date.now();
  const candidates = db
    .selectFrom("sync_requests as r")
    .select("r.id")
    .where((eb) =>
      eb.or([
        eb.and([eb("r.state", "in", ["queued", "retry"]), eb("r.run_at", "<=", now)]),
        eb.and([eb("r.state", "=", "running"), eb("r.locked_until", "<=", now)]),
      ]),
    )
    .where("r.connection_id", "in", (eb) =>
      eb.selectFrom("connections").select("id").where("status", "in", ["active", "error"]),
    )
    .$if(options.connectionId !== undefined, (qb) =>
      qb.where("r.connection_id", "=", options.connectionId!),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("sync_requests as e")
            .select("e.id")
            .whereRef("e.connection_id", "=", "r.connection_id")
            .whereRef("e.work_item_id", "=", "r.work_item_id")
            .whereRef("e.remote_seq", "<", "r.remote_seq")
            .where("e.state", "not in", [...FINISHED_STATES]),
        ),
      ),
    )
    .orderBy("r.created_at")
    .orderBy("r.remote_seq")
    .limit(options.limit)
    .$if(capabilitiesOf(db).skipLocked, (qb) => qb.forUpdate().skipLocked());
  const rows = await db
    .updateTable("sync_requests")
    .set((eb) => ({
      state: "running",
      locked_by: options.workerId,
      locked_until: now + options.leaseMs,
      attempts: eb("attempts", "+", 1),
      updated_at: now,
    }))
    .where("id", "in", candidates)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.created_at - b.created_at || a.remote_seq - b.remote_seq);
}

/** Optional guard and clock of the completion calls. */
export interface FinishOptions {
  /** When given, the call changes nothing unless this worker still holds the lease. */
  workerId?: string;
  /** Epoch ms (Default: Date.now()). */
  now?: number;
}

/**
 * Marks a running request done (call it in the transaction that writes the twin mapping).
 * @returns false when the request is not running (or, with `workerId`, not held by it)
 */
export async function completeSyncRequest(
  db: Db,
  id: string,
  options: FinishOptions = {},
): Promise<boolean> {
  const now = options.now ?? Date.now();
  const result = await db
    .updateTable("sync_requests")
    .set({
      state: "done",
      locked_by: null,
      locked_until: null,
      updated_at: now,
      finished_at: now,
    })
    .where("id", "=", id)
    .where("state", "=", "running")
    .$if(options.workerId !== undefined, (qb) => qb.where("locked_by", "=", options.workerId!))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Why a request failed: a catalogued code (src/shared/errors.ts), message, details. */
export interface SyncFailure {
  code: string;
  message: string;
  /** Machine-readable extras (script name, line...): never secrets. */
  details?: Record<string, unknown>;
}

/** After a failure: retry at a time (transient), or stop (permanent, waits for an admin). */
export type FailureOutcome = { retryAt: number } | { permanent: true };

/**
 * Records a failure of a running request: `retry` with `run_at = retryAt`, or `failed`.
 * Choose with the code's `retryable` flag and `attempts`; see `backoffDelay` in backoff.ts.
 * @returns false when the request is not running (or, with `workerId`, not held by it)
 */
export async function failSyncRequest(
  db: Db,
  id: string,
  failure: SyncFailure,
  outcome: FailureOutcome,
  options: FinishOptions = {},
): Promise<boolean> {
  const now = options.now ?? Date.now();
  const retry = "retryAt" in outcome;
  const result = await db
    .updateTable("sync_requests")
    .set({
      state: retry ? "retry" : "failed",
      run_at: retry ? outcome.retryAt : now,
      locked_by: null,
      locked_until: null,
      last_error_code: failure.code,
      last_error_message: failure.message,
      last_error_details: failure.details ? JSON.stringify(failure.details) : null,
      updated_at: now,
    })
    .where("id", "=", id)
    .where("state", "=", "running")
    .$if(options.workerId !== undefined, (qb) => qb.where("locked_by", "=", options.workerId!))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
