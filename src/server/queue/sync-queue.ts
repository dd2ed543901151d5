/**
 * The sync queue API (docs/architecture.md#sync-model): each node keeps, in its
 * own database, outgoing **sync events** and incoming **sync requests**. Import everything
 * from this module.
 *
 * Outgoing (sync-event-queue.ts):
 * - `enqueueSyncEvent(db, { connectionId, workItemId, replica, now? })` -> `{ eventId, seq }`:
 *   call it inside the transaction that records the local change; `seq` is 1, 2, 3... per
 *   connection, in commit order. The transport delivers events in `seq` order, at least once.
 * - `eventsAfter(db, connectionId, afterSeq, limit)` -> `SyncEventEnvelope[]`
 * - `acknowledgeEvents(db, connectionId, uptoSeq, now?)` -> new acknowledged watermark
 * - `readSyncCursor(db, connectionId)` -> `{ lastEventSeq, ackedEventSeq, receivedSeq }`
 *
 * Incoming (sync-request-queue.ts; states and transitions are described there):
 * - `receiveSyncRequests(db, connectionId, events, now?)` -> `{ receivedSeq, stored }`:
 *   idempotent (unique per connection and sender `seq`), one transaction.
 * - `claimSyncRequests(db, { workerId, leaseMs, limit, connectionId?, now? })` ->
 *   `SyncRequestRow[]`: per twin in order; leases; expired leases are reclaimed.
 * - `completeSyncRequest(db, id, { workerId?, now? })` -> boolean: do it in the transaction
 *   that writes the twin mapping, so "applied" and "mapped" commit together.
 * - `failSyncRequest(db, id, { code, message, details? }, { retryAt } | { permanent: true },
 *   { workerId?, now? })` -> boolean
 * - `replicaOf(row)`: the parsed replica of a request.
 *
 * Admin (sync-queue-admin.ts): `retrySyncItem`, `resolveSyncItem`, `listSyncErrors`,
 * `syncQueueCounts`.
 *
 * Wake-ups (queue-signals.ts): `waitForQueueSignal("request", connectionId | null, timeoutMs,
 * abort?)` resolves when requests arrive (in this process, or on PostgreSQL in any replica
 * once `startSignalListener(databaseUrl)` runs); `onQueueSignal` for a callback. Signals are
 * hints: keep a fallback poll.
 *
 * Backoff (backoff.ts): `backoffDelay(SYNC_REQUEST_BACKOFF, attempts)` for `retryAt`.
 *
 * The effect is exactly once when the engine applies a request idempotently (keyed by the
 * request's `remote_event_id` / `remote_seq`) and completes it in the same transaction as the
 * twin mapping.
 */
export {
  backoffDelay,
  type BackoffPolicy,
  SYNC_REQUEST_BACKOFF,
  TRANSPORT_BACKOFF,
} from "./backoff";
export {
  onQueueSignal,
  type QueueSignal,
  type SignalKind,
  startSignalListener,
  waitForQueueSignal,
} from "./queue-signals";
export {
  acknowledgeEvents,
  enqueueSyncEvent,
  eventsAfter,
  markEventsSent,
  type NewSyncEvent,
  readSyncCursor,
  type SyncCursor,
  type SyncEventEnvelope,
} from "./sync-event-queue";
export {
  listSyncErrors,
  resolveSyncItem,
  retrySyncItem,
  type SyncQueueCounts,
  syncQueueCounts,
} from "./sync-queue-admin";
export {
  type ClaimOptions,
  claimSyncRequests,
  completeSyncRequest,
  failSyncRequest,
  type FailureOutcome,
  type FinishOptions,
  type ReceiveResult,
  receiveSyncRequests,
  type SyncFailure,
} from "./sync-request-queue";
export { replicaOf, type SyncRequestRow } from "./sync-request-view";
