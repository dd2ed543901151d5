/** Queries on `sync_jobs`: bulk sync jobs and their progress counts. */
import type { Selectable } from "kysely";

import type { Db } from "../storage/store";
import type { SyncJobsTable } from "./sync-engine-tables";

export type SyncJobRow = Selectable<SyncJobsTable>;

/** Inserts a running job. */
export async function insertSyncJob(
  db: Db,
  input: { id: string; connectionId: string; triggerId: string; now: number },
): Promise<void> {
  await db
    .insertInto("sync_jobs")
    .values({
      id: input.id,
      connection_id: input.connectionId,
      trigger_id: input.triggerId,
      state: "running",
      total: 0,
      processed: 0,
      sent: 0,
      skipped: 0,
      failed: 0,
      error: null,
      started_at: input.now,
      heartbeat_at: input.now,
      finished_at: null,
    })
    .execute();
}

/** Writes progress counts (and the heartbeat). */
export async function updateSyncJob(
  db: Db,
  id: string,
  changes: Partial<Omit<SyncJobRow, "id" | "connection_id" | "trigger_id" | "started_at">>,
): Promise<void> {
  await db.updateTable("sync_jobs").set(changes).where("id", "=", id).execute();
}

/** One job of a connection, or undefined. */
export function findSyncJob(
  db: Db,
  connectionId: string,
  id: string,
): Promise<SyncJobRow | undefined> {
  return db
    .selectFrom("sync_jobs")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("id", "=", id)
    .executeTakeFirst();
}
