/** Queries on `sync_history`: what happened to one work item's sync, newest first. */
import { randomUUID } from "node:crypto";

import type { Selectable } from "kysely";

import type { SyncDirection } from "../../shared/states";
import type { Db } from "../storage/store";
import type { SyncHistoryOutcome, SyncHistoryTable } from "./sync-engine-tables";

export type SyncHistoryRow = Selectable<SyncHistoryTable>;

/** One step to record. */
export interface SyncHistoryEntry {
  connectionId: string;
  localId: number;
  remoteId: string | null;
  direction: SyncDirection;
  outcome: SyncHistoryOutcome;
  message: string;
  warnings?: string[];
  queueItemId?: string | null;
  at: number;
}

/** Records one step. */
export async function recordHistory(db: Db, entry: SyncHistoryEntry): Promise<void> {
  await db
    .insertInto("sync_history")
    .values({
      id: randomUUID(),
      connection_id: entry.connectionId,
      local_id: entry.localId,
      remote_id: entry.remoteId,
      direction: entry.direction,
      outcome: entry.outcome,
      message: entry.message,
      warnings: JSON.stringify(entry.warnings ?? []),
      queue_item_id: entry.queueItemId ?? null,
      at: entry.at,
    })
    .execute();
}

/** The history of local work item `localId`, newest first, at most `limit` steps. */
export function listHistory(
  db: Db,
  connectionId: string,
  localId: number,
  limit: number,
): Promise<SyncHistoryRow[]> {
  return db
    .selectFrom("sync_history")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("local_id", "=", localId)
    .orderBy("at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}
