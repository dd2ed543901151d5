/**
 * Migration 0005: the sync engine's tables (triggers with watermarks, twins, outgoing failures,
 * sync history, bulk sync jobs). Same text/bigint/integer conventions as 0001, so one
 * definition runs on SQLite and PostgreSQL. Numbered 0005 to leave 0002-0004 to the sync
 * queue and transport, which run first.
 */
import type { Kysely, Migration } from "kysely";

const connectionRef = "connections.id";

async function createTriggers(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("triggers")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("connection_id", "text", (col) =>
      col.notNull().references(connectionRef).onDelete("cascade"),
    )
    .addColumn("work_item_type", "text", (col) => col.notNull())
    .addColumn("where_clause", "text", (col) => col.notNull())
    .addColumn("active", "integer", (col) => col.notNull())
    .addColumn("watermark", "text")
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("triggers_connection_idx")
    .on("triggers")
    .column("connection_id")
    .execute();
}

async function createTwins(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("twins")
    .addColumn("connection_id", "text", (col) =>
      col.notNull().references(connectionRef).onDelete("cascade"),
    )
    .addColumn("local_id", "bigint", (col) => col.notNull())
    .addColumn("remote_id", "text")
    .addColumn("last_sent_replica", "text")
    .addColumn("last_received_replica", "text")
    .addColumn("echo_baseline", "text")
    .addColumn("comment_map", "text", (col) => col.notNull())
    .addColumn("attachment_map", "text", (col) => col.notNull())
    .addColumn("last_sent_at", "bigint")
    .addColumn("last_received_at", "bigint")
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("twins_pk", ["connection_id", "local_id"])
    .execute();
  // NULL remote ids (not known yet) never collide: both engines allow many NULLs in a unique index.
  await db.schema
    .createIndex("twins_remote_idx")
    .on("twins")
    .columns(["connection_id", "remote_id"])
    .unique()
    .execute();
}

async function createFailuresHistoryJobs(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("outgoing_failures")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("connection_id", "text", (col) =>
      col.notNull().references(connectionRef).onDelete("cascade"),
    )
    .addColumn("work_item_id", "bigint", (col) => col.notNull())
    .addColumn("state", "text", (col) => col.notNull())
    .addColumn("code", "text", (col) => col.notNull())
    .addColumn("message", "text", (col) => col.notNull())
    .addColumn("script_line", "integer")
    .addColumn("attempts", "integer", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("outgoing_failures_item_idx")
    .on("outgoing_failures")
    .columns(["connection_id", "work_item_id", "state"])
    .execute();
  await db.schema
    .createTable("sync_history")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("connection_id", "text", (col) =>
      col.notNull().references(connectionRef).onDelete("cascade"),
    )
    .addColumn("local_id", "bigint", (col) => col.notNull())
    .addColumn("remote_id", "text")
    .addColumn("direction", "text", (col) => col.notNull())
    .addColumn("outcome", "text", (col) => col.notNull())
    .addColumn("message", "text", (col) => col.notNull())
    .addColumn("warnings", "text", (col) => col.notNull())
    .addColumn("queue_item_id", "text")
    .addColumn("at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("sync_history_item_idx")
    .on("sync_history")
    .columns(["connection_id", "local_id", "at"])
    .execute();
  await db.schema
    .createTable("sync_jobs")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("connection_id", "text", (col) =>
      col.notNull().references(connectionRef).onDelete("cascade"),
    )
    .addColumn("trigger_id", "text", (col) => col.notNull())
    .addColumn("state", "text", (col) => col.notNull())
    .addColumn("total", "integer", (col) => col.notNull())
    .addColumn("processed", "integer", (col) => col.notNull())
    .addColumn("sent", "integer", (col) => col.notNull())
    .addColumn("skipped", "integer", (col) => col.notNull())
    .addColumn("failed", "integer", (col) => col.notNull())
    .addColumn("error", "text")
    .addColumn("started_at", "bigint", (col) => col.notNull())
    .addColumn("heartbeat_at", "bigint", (col) => col.notNull())
    .addColumn("finished_at", "bigint")
    .execute();
}

export const migration0005: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createTriggers(db);
    await createTwins(db);
    await createFailuresHistoryJobs(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ["sync_jobs", "sync_history", "outgoing_failures", "twins", "triggers"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
