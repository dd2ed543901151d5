/**
 * What the sync engine needs from the sync queue (src/server/queue/sync-queue.ts, on branch
 * `transport`). The engine never touches queue tables itself: it goes through this port, and
 * `sync-queue-adapter.ts` binds it to the queue module. Functions that take a `Db` run inside
 * the caller's transaction, so "enqueue + advance the watermark" and "complete the request +
 * write the twin" each commit together (docs/architecture.md#sync-model).
 */
import type { SyncEnvelope } from "../../shared/contracts/sync-envelope";
import type { ErrorCode } from "../../shared/errors";
import type { QueueState, SyncDirection } from "../../shared/states";
import type { Db } from "../storage/store";

/** A sync request claimed by an apply worker (leased until completed, failed or expired). */
export interface ClaimedSyncRequest {
  id: string;
  connectionId: string;
  /** The sender's work item id: the remote id of the twin on this side. */
  workItemId: string;
  /** The sync event's payload as the sender enqueued it (a `SyncEnvelope`, unchecked). */
  payload: unknown;
  /** Attempts so far, this one included (1 on the first claim). */
  attempts: number;
  /** Identifies this claim; completing or failing with a stale claim changes nothing. */
  claimToken: string;
}

/** Why an apply failed, for the errors list. */
export interface SyncFailure {
  code: ErrorCode;
  message: string;
  /** Extras shown in the errors list: script name and line, the service's code... */
  details: Record<string, unknown>;
  /** True: fail now (script error, validation). False: retry with capped backoff. */
  permanent: boolean;
}

/** A failed sync event or request as the errors list shows it. */
export interface FailedQueueItem {
  id: string;
  connectionId: string;
  direction: SyncDirection;
  workItemId: string;
  state: QueueState;
  code: string;
  message: string;
  details: Record<string, unknown>;
  attempts: number;
  updatedAt: number;
}

/** Queued and failed counts of one connection, per direction. */
export type QueueCounts = Record<SyncDirection, { queued: number; failed: number }>;

/** The sync queue operations the engine uses. */
export interface SyncQueuePort {
  /** Adds an outgoing sync event in `db`'s transaction; returns its id. */
  enqueueSyncEvent(
    db: Db,
    event: { connectionId: string; workItemId: string; payload: SyncEnvelope },
  ): Promise<string>;
  /** Leases up to `limit` sync requests that are due (per work item, oldest first only). */
  claimSyncRequests(workerId: string, limit: number): Promise<ClaimedSyncRequest[]>;
  /** Marks a claimed request done in `db`'s transaction; false when the lease was lost. */
  completeSyncRequest(db: Db, request: ClaimedSyncRequest): Promise<boolean>;
  /** Records a failure: permanent ones go to `failed`, others to `retry` with backoff. */
  failSyncRequest(request: ClaimedSyncRequest, failure: SyncFailure): Promise<void>;
  /** Failed events and requests of a connection, newest first. */
  listFailed(connectionId: string, limit: number): Promise<FailedQueueItem[]>;
  /** Puts failed items back in the queue; returns how many moved. */
  retry(connectionId: string, ids: string[]): Promise<number>;
  /** Marks failed items resolved (dismissed); returns how many moved. */
  resolve(connectionId: string, ids: string[]): Promise<number>;
  counts(connectionId: string): Promise<QueueCounts>;
  /** True while a sync request for remote work item `workItemId` is queued, running or retrying. */
  hasPendingRequests(connectionId: string, workItemId: string): Promise<boolean>;
}
