/**
 * Queries on `outgoing_failures`: work items whose outgoing side failed before a sync event
 * existed (outgoing script error, work item unreadable). At most one `failed` row per work item.
 */
import { randomUUID } from "node:crypto";

import type { Selectable } from "kysely";

import type { Db } from "../storage/store";
import type { OutgoingFailuresTable } from "./sync-engine-tables";

export type OutgoingFailureRow = Selectable<OutgoingFailuresTable>;

/** Records (or refreshes) the open failure of a work item. */
export async function recordOutgoingFailure(
  db: Db,
  input: {
    connectionId: string;
    workItemId: number;
    code: string;
    message: string;
    scriptLine: number | null;
    now: number;
  },
): Promise<void> {
  const open = await findOpenOutgoingFailure(db, input.connectionId, input.workItemId);
  const values = { code: input.code, message: input.message, script_line: input.scriptLine };
  if (open) {
    await db
      .updateTable("outgoing_failures")
      .set({ ...values, attempts: open.attempts + 1, updated_at: input.now })
      .where("id", "=", open.id)
      .execute();
    return;
  }
  await db
    .insertInto("outgoing_failures")
    .values({
      id: randomUUID(),
      connection_id: input.connectionId,
      work_item_id: input.workItemId,
      state: "failed",
      ...values,
      attempts: 1,
      created_at: input.now,
      updated_at: input.now,
    })
    .execute();
}

/** The open failure of a work item, or undefined. */
export function findOpenOutgoingFailure(
  db: Db,
  connectionId: string,
  workItemId: number,
): Promise<OutgoingFailureRow | undefined> {
  return db
    .selectFrom("outgoing_failures")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("work_item_id", "=", workItemId)
    .where("state", "=", "failed")
    .executeTakeFirst();
}

/** One failure by id within a connection. */
export function findOutgoingFailure(
  db: Db,
  connectionId: string,
  id: string,
): Promise<OutgoingFailureRow | undefined> {
  return db
    .selectFrom("outgoing_failures")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The open failures of a connection, newest first. */
export function listOpenOutgoingFailures(
  db: Db,
  connectionId: string,
  limit: number,
): Promise<OutgoingFailureRow[]> {
  return db
    .selectFrom("outgoing_failures")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("state", "=", "failed")
    .orderBy("updated_at", "desc")
    .limit(limit)
    .execute();
}

/** Counts the open failures of a connection. */
export async function countOpenOutgoingFailures(db: Db, connectionId: string): Promise<number> {
  const row = await db
    .selectFrom("outgoing_failures")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("connection_id", "=", connectionId)
    .where("state", "=", "failed")
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Marks the open failure of a work item resolved (after a successful send, or by an admin). */
export async function resolveOutgoingFailures(
  db: Db,
  connectionId: string,
  workItemId: number,
  now: number,
): Promise<number> {
  const result = await db
    .updateTable("outgoing_failures")
    .set({ state: "resolved", updated_at: now })
    .where("connection_id", "=", connectionId)
    .where("work_item_id", "=", workItemId)
    .where("state", "=", "failed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
