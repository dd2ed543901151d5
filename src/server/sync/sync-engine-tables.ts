/**
 * Row types of the sync engine's tables (migration 0005; the triggers table it also creates is
 * in triggers/trigger-tables.ts): twins, outgoing failures, the sync history of work items and bulk sync jobs.
 * Times are epoch milliseconds; JSON columns hold JSON text; booleans are 0/1 integers (one
 * representation on SQLite and PostgreSQL).
 */
import type { SyncDirection } from "../../shared/states";

/**
 * A twin: one local work item and its remote counterpart within a connection. The remote id
 * is null on the sending side until the other side's first replica names it.
 */
export interface TwinsTable {
  connection_id: string;
  local_id: number;
  remote_id: string | null;
  /** The replica last sent for the local work item (JSON), or null. */
  last_sent_replica: string | null;
  /** The replica last applied to the local work item (JSON), or null. */
  last_received_replica: string | null;
  /**
   * The replica the local work item produced right after the sync's own last write or send
   * (JSON): a change that reproduces it has nothing new for the other side (no echo:
   * outgoing-sync.ts).
   */
  echo_baseline: string | null;
  /** Local comment id -> remote comment id, for comments the sync created or sent (JSON). */
  comment_map: string;
  /** Local attachment id -> remote attachment id (JSON). */
  attachment_map: string;
  last_sent_at: number | null;
  last_received_at: number | null;
  created_at: number;
  updated_at: number;
}

/**
 * States of an outgoing failure (the outgoing script or reading the work item failed, so no
 * sync event exists yet):
 *   failed --retry succeeded--> resolved
 *   failed --resolved by an admin--> resolved
 */
export const OUTGOING_FAILURE_STATES = ["failed", "resolved"] as const;
export type OutgoingFailureState = (typeof OUTGOING_FAILURE_STATES)[number];

/** An outgoing failure for one work item (one open row per work item at most). */
export interface OutgoingFailuresTable {
  id: string;
  connection_id: string;
  work_item_id: number;
  state: OutgoingFailureState;
  code: string;
  message: string;
  /** The script's line when a script failed. */
  script_line: number | null;
  attempts: number;
  created_at: number;
  updated_at: number;
}

/** Outcomes recorded in a work item's sync history. */
export const SYNC_HISTORY_OUTCOMES = [
  "sent",
  "skipped",
  "created",
  "updated",
  "unchanged",
  "failed",
  "retrying",
] as const;
export type SyncHistoryOutcome = (typeof SYNC_HISTORY_OUTCOMES)[number];

/** One step in the sync history of a local work item. */
export interface SyncHistoryTable {
  id: string;
  connection_id: string;
  /** The local work item id (0 while a first sync has not created it). */
  local_id: number;
  remote_id: string | null;
  direction: SyncDirection;
  outcome: SyncHistoryOutcome;
  /** Human summary: what was sent or applied, or the error. */
  message: string;
  /** Warnings as JSON (array of strings). */
  warnings: string;
  /** The sync event or request id, when there is one. */
  queue_item_id: string | null;
  at: number;
}

/**
 * Bulk sync job states:
 *   running --every work item handled--> done
 *   running --the query failed--> failed
 * A job whose heartbeat stopped (its process ended) reads as interrupted; see sync-job-repository.
 */
export const SYNC_JOB_STATES = ["running", "done", "failed"] as const;
export type SyncJobState = (typeof SYNC_JOB_STATES)[number];

/** A "bulk sync everything the trigger matches" job, polled by the hub for progress. */
export interface SyncJobsTable {
  id: string;
  connection_id: string;
  trigger_id: string;
  state: SyncJobState;
  total: number;
  processed: number;
  sent: number;
  skipped: number;
  failed: number;
  error: string | null;
  started_at: number;
  heartbeat_at: number;
  finished_at: number | null;
}

declare module "../storage/database" {
  /** Tables created by migration 0005, but for `triggers`. */
  interface Database {
    twins: TwinsTable;
    outgoing_failures: OutgoingFailuresTable;
    sync_history: SyncHistoryTable;
    sync_jobs: SyncJobsTable;
  }
}
