/** Queries on `triggers`. Every function takes the store's db or a transaction. */
import type { Insertable, Selectable } from "kysely";

import type { Db } from "../storage/store";
import type { TriggersTable } from "./trigger-tables";

export type TriggerRow = Selectable<TriggersTable>;
export type NewTriggerRow = Insertable<TriggersTable>;

/** The triggers of a connection, oldest first. */
export function listTriggers(db: Db, connectionId: string): Promise<TriggerRow[]> {
  return db
    .selectFrom("triggers")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** The active triggers of a connection. */
export function listActiveTriggers(db: Db, connectionId: string): Promise<TriggerRow[]> {
  return db
    .selectFrom("triggers")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("active", "=", 1)
    .orderBy("created_at")
    .execute();
}

/** One trigger of a connection, or undefined. */
export function findTrigger(
  db: Db,
  connectionId: string,
  id: string,
): Promise<TriggerRow | undefined> {
  return db
    .selectFrom("triggers")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Inserts a trigger. */
export async function insertTrigger(db: Db, row: NewTriggerRow): Promise<void> {
  await db.insertInto("triggers").values(row).execute();
}

/** Changes a trigger; returns the new row, or undefined when it does not exist. */
export function updateTrigger(
  db: Db,
  connectionId: string,
  id: string,
  changes: Partial<
    Pick<TriggerRow, "work_item_type" | "where_clause" | "active" | "watermark" | "watermark_id">
  > & {
    updated_at: number;
  },
): Promise<TriggerRow | undefined> {
  return db
    .updateTable("triggers")
    .set(changes)
    .where("connection_id", "=", connectionId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Moves a trigger's change-detection cursor forward to (`watermark`, `workItemId`): the
 * `System.ChangedDate` (ISO text) and id of a work item handled; never backwards. ISO 8601 UTC
 * strings of one format sort as their instants; ties on the date order by id.
 */
export async function advanceWatermark(
  db: Db,
  id: string,
  watermark: string,
  workItemId: number,
): Promise<void> {
  await db
    .updateTable("triggers")
    .set({ watermark, watermark_id: workItemId })
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb("watermark", "is", null),
        eb("watermark", "<", watermark),
        eb.and([
          eb("watermark", "=", watermark),
          eb.or([eb("watermark_id", "is", null), eb("watermark_id", "<", workItemId)]),
        ]),
      ]),
    )
    .execute();
}

/** Deletes a trigger; true when a row went. */
export async function deleteTrigger(db: Db, connectionId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("triggers")
    .where("connection_id", "=", connectionId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
