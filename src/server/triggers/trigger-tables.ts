/**
 * The `triggers` table (created by migration 0005, cursor column added by 0006). Times are
 * epoch milliseconds; booleans are 0/1 integers.
 */

/** One trigger: a WIQL WHERE clause per work item type that selects what a connection sends. */
export interface TriggersTable {
  id: string;
  connection_id: string;
  /** Work item type name the trigger is for, e.g. "Bug" (ANDed into the query). */
  work_item_type: string;
  /** The WIQL WHERE clause as the admin wrote it (without the type and watermark). */
  where_clause: string;
  /** 1 when change detection polls this trigger. */
  active: number;
  /**
   * The change-detection watermark: the largest `System.ChangedDate` (ISO text, as Azure DevOps
   * wrote it) already turned into sync events; null before the first poll.
   */
  watermark: string | null;
  /**
   * The largest work item id handled at exactly `watermark` (migration 0006): the cursor is
   * (ChangedDate, id). Null: none yet, so every item changed at `watermark` is read again.
   */
  watermark_id: number | null;
  created_at: number;
  updated_at: number;
}

declare module "../storage/database" {
  /** The triggers table. */
  interface Database {
    triggers: TriggersTable;
  }
}
