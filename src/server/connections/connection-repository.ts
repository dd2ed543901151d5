/** Queries on the `connections` table. Every function takes the store's db or a transaction. */
import type { Insertable, Selectable, Updateable } from "kysely";

import type { Db } from "../storage/store";
import type { ConnectionsTable } from "./connection-tables";

export type ConnectionRow = Selectable<ConnectionsTable>;
export type NewConnectionRow = Insertable<ConnectionsTable>;
export type ConnectionChanges = Updateable<Omit<ConnectionsTable, "id" | "created_at">>;

/** The key names are unique under: lower-cased (case-insensitive per organization). */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** All connections, newest first. */
export function listConnections(db: Db): Promise<ConnectionRow[]> {
  return db
    .selectFrom("connections")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}

/** One connection, or undefined. */
export function findConnection(db: Db, id: string): Promise<ConnectionRow | undefined> {
  return db.selectFrom("connections").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The connection using `name` (case-insensitively), or undefined. */
export function findConnectionByName(db: Db, name: string): Promise<ConnectionRow | undefined> {
  return db
    .selectFrom("connections")
    .selectAll()
    .where("name_key", "=", nameKey(name))
    .executeTakeFirst();
}

/** Inserts a connection row. */
export async function insertConnection(db: Db, row: NewConnectionRow): Promise<void> {
  await db.insertInto("connections").values(row).execute();
}

/** Applies `changes` to connection `id`; returns the updated row or undefined when absent. */
export function updateConnection(
  db: Db,
  id: string,
  changes: ConnectionChanges,
): Promise<ConnectionRow | undefined> {
  return db
    .updateTable("connections")
    .set(changes)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes connection `id` (its invitations and scripts cascade); true when a row went. */
export async function deleteConnection(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom("connections").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
