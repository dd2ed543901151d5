/** Queries on the `scripts` table: one outgoing and one incoming script per connection. */
import type { ConnectionScripts } from "../../shared/contracts/connection";
import type { Db } from "../storage/store";

/** The scripts of connection `connectionId`, or undefined. */
export async function findScripts(
  db: Db,
  connectionId: string,
): Promise<ConnectionScripts | undefined> {
  return db
    .selectFrom("scripts")
    .select(["outgoing", "incoming"])
    .where("connection_id", "=", connectionId)
    .executeTakeFirst();
}

/** Inserts or replaces the scripts of a connection. */
export async function saveScripts(
  db: Db,
  connectionId: string,
  scripts: ConnectionScripts,
  now: number,
): Promise<void> {
  await db
    .insertInto("scripts")
    .values({ connection_id: connectionId, ...scripts, updated_at: now })
    .onConflict((conflict) =>
      conflict.column("connection_id").doUpdateSet({ ...scripts, updated_at: now }),
    )
    .execute();
}
