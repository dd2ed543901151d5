/**
 * Migration 0002: the sync queue (docs/architecture.md#sync-model). Runs unchanged on SQLite and
 * PostgreSQL: text ids, `bigint` epoch-ms times and sequence numbers, text states and JSON.
 *
 * - `sync_cursors`: one row per connection: the last outgoing `seq` handed out, the highest
 *   outgoing `seq` the partner acknowledged, and the highest incoming `seq` stored here.
 * - `sync_events`: outgoing sync events, numbered per connection by `seq` (1, 2, 3, ...).
 * - `sync_requests`: incoming sync requests, unique per (connection, sender's `seq`), so a
 *   redelivered event is stored once.
 */
import type { Kysely, Migration } from "kysely";

async function createCursors(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sync_cursors")
    .addColumn("connection_id", "text", (col) =>
      col.primaryKey().references("connections.id").onDelete("cascade"),
    )
    .addColumn("last_event_seq", "bigint", (col) => col.notNull().defaultTo(0))
    .addColumn("acked_event_seq", "bigint", (col) => col.notNull().defaultTo(0))
    .addColumn("received_seq", "bigint", (col) => col.notNull().defaultTo(0))
    .execute();
}

async function createEvents(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sync_events")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("connection_id", "text", (col) =>
      col.notNull().references("connections.id").onDelete("cascade"),
    )
    .addColumn("seq", "bigint", (col) => col.notNull())
    .addColumn("work_item_id", "text", (col) => col.notNull())
    .addColumn("payload", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("sent_at", "bigint")
    .addColumn("acked_at", "bigint")
    .addUniqueConstraint("sync_events_connection_seq_key", ["connection_id", "seq"])
    .execute();
}

async function createRequests(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sync_requests")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("connection_id", "text", (col) =>
      col.notNull().references("connections.id").onDelete("cascade"),
    )
    .addColumn("remote_seq", "bigint", (col) => col.notNull())
    .addColumn("remote_event_id", "text", (col) => col.notNull())
    .addColumn("work_item_id", "text", (col) => col.notNull())
    .addColumn("payload", "text", (col) => col.notNull())
    .addColumn("state", "text", (col) => col.notNull())
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("run_at", "bigint", (col) => col.notNull())
    .addColumn("locked_by", "text")
    .addColumn("locked_until", "bigint")
    .addColumn("last_error_code", "text")
    .addColumn("last_error_message", "text")
    .addColumn("last_error_details", "text")
    .addColumn("remote_created_at", "bigint", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addColumn("finished_at", "bigint")
    .addUniqueConstraint("sync_requests_connection_seq_key", ["connection_id", "remote_seq"])
    .execute();
  // The claim query filters on state and run_at, and looks back per (connection, work item).
  await db.schema
    .createIndex("sync_requests_state_run_at_idx")
    .on("sync_requests")
    .columns(["state", "run_at"])
    .execute();
  await db.schema
    .createIndex("sync_requests_twin_idx")
    .on("sync_requests")
    .columns(["connection_id", "work_item_id", "remote_seq"])
    .execute();
}

export const migration0002: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createCursors(db);
    await createEvents(db);
    await createRequests(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ["sync_requests", "sync_events", "sync_cursors"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
