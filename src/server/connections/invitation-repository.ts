/** Queries on the `invitations` table (issuer side: only hashes of one-time secrets). */
import type { Insertable, Selectable } from "kysely";

import type { Db } from "../storage/store";
import type { InvitationsTable, InvitationState } from "./connection-tables";

export type InvitationRow = Selectable<InvitationsTable>;

/** Inserts an invitation row. */
export async function insertInvitation(db: Db, row: Insertable<InvitationsTable>): Promise<void> {
  await db.insertInto("invitations").values(row).execute();
}

/** The invitation whose one-time secret hashes to `secretHash`, or undefined. */
export function findInvitationBySecretHash(
  db: Db,
  secretHash: string,
): Promise<InvitationRow | undefined> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("secret_hash", "=", secretHash)
    .executeTakeFirst();
}

/** The active invitation of connection `connectionId`, or undefined. */
export function findActiveInvitation(
  db: Db,
  connectionId: string,
): Promise<InvitationRow | undefined> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("state", "=", "active")
    .executeTakeFirst();
}

/** Moves every active invitation of a connection to `state` (revoked or used). */
export async function closeActiveInvitations(
  db: Db,
  connectionId: string,
  state: Exclude<InvitationState, "active">,
  now: number,
): Promise<void> {
  await db
    .updateTable("invitations")
    .set({ state, closed_at: now })
    .where("connection_id", "=", connectionId)
    .where("state", "=", "active")
    .execute();
}

/** Marks one active invitation used; false when it was no longer active (a concurrent use). */
export async function markInvitationUsed(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ state: "used", closed_at: now })
    .where("id", "=", id)
    .where("state", "=", "active")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
