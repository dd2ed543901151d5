/**
 * Row types of the sync queue tables (migration 0002). Times are epoch milliseconds;
 * `payload` is the replica as JSON text; states are `QueueState` (src/shared/states.ts).
 */
import type { Generated } from "kysely";

import type { QueueState } from "../../shared/states";

/** Per-connection sequence numbers and acknowledgement watermarks. */
export interface SyncCursorsTable {
  connection_id: string;
  /** The last outgoing `seq` handed out (0: none yet). */
  last_event_seq: Generated<number>;
  /** Every outgoing event up to this `seq` is acknowledged by the partner. */
  acked_event_seq: Generated<number>;
  /** Every incoming event up to this `seq` is stored here as a sync request. */
  received_seq: Generated<number>;
}

/** An outgoing sync event: one replica produced by the outgoing script. */
export interface SyncEventsTable {
  id: string;
  connection_id: string;
  /** Per connection, 1, 2, 3, ... in commit order, never reused. */
  seq: number;
  /** The local work item id the replica describes. */
  work_item_id: string;
  /** The replica, JSON text. */
  payload: string;
  created_at: number;
  /** Last time the transport handed it to the partner (null: never). */
  sent_at: number | null;
  /** When the partner acknowledged storing it (null: not yet). */
  acked_at: number | null;
}

/** An incoming sync request: a replica received from the partner, to apply here. */
export interface SyncRequestsTable {
  id: string;
  connection_id: string;
  /** The sender's event `seq` (unique per connection: redelivery is idempotent). */
  remote_seq: number;
  /** The sender's event id. */
  remote_event_id: string;
  /** The sender's work item id (the remote side of the twin). */
  work_item_id: string;
  payload: string;
  state: QueueState;
  attempts: Generated<number>;
  /** Not claimed before this time (backoff). */
  run_at: number;
  /** Lease: the worker holding it and until when. */
  locked_by: string | null;
  locked_until: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  /** JSON text of machine-readable details (script line, field...), or null. */
  last_error_details: string | null;
  /** When the sender queued the event. */
  remote_created_at: number;
  created_at: number;
  updated_at: number;
  /** When the state became done or resolved. */
  finished_at: number | null;
}

declare module "../storage/database" {
  /** Tables created by migration 0002. */
  interface Database {
    sync_cursors: SyncCursorsTable;
    sync_events: SyncEventsTable;
    sync_requests: SyncRequestsTable;
  }
}
