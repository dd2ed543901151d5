/**
 * Migration 0001: connections, invitations, scripts and node settings. Runs unchanged on
 * SQLite and PostgreSQL: text ids, `bigint` epoch-ms times (pg returns them as numbers, see
 * postgres-dialect.ts), text state columns.
 */
import type { Kysely, Migration } from "kysely";

export const migration0001: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("node_settings")
      .addColumn("key", "text", (col) => col.primaryKey())
      .addColumn("value", "text", (col) => col.notNull())
      .addColumn("sealed", "integer", (col) => col.notNull().defaultTo(0))
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createTable("connections")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("name", "text", (col) => col.notNull())
      .addColumn("name_key", "text", (col) => col.notNull().unique())
      .addColumn("description", "text", (col) => col.notNull())
      .addColumn("local_short_name", "text", (col) => col.notNull())
      .addColumn("remote_short_name", "text", (col) => col.notNull())
      .addColumn("type", "text", (col) => col.notNull())
      .addColumn("local_side", "text", (col) => col.notNull())
      .addColumn("role", "text", (col) => col.notNull())
      .addColumn("mode", "text", (col) => col.notNull())
      .addColumn("status", "text", (col) => col.notNull())
      .addColumn("status_reason_code", "text")
      .addColumn("status_reason_message", "text")
      .addColumn("remote_url", "text")
      .addColumn("incoming_project_id", "text")
      .addColumn("incoming_project_name", "text")
      .addColumn("secret_sealed", "text")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .addColumn("accepted_at", "bigint")
      .addColumn("last_activity_at", "bigint")
      .addColumn("last_contact_at", "bigint")
      .execute();
    await db.schema
      .createTable("invitations")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("connection_id", "text", (col) =>
        col.notNull().references("connections.id").onDelete("cascade"),
      )
      .addColumn("secret_hash", "text", (col) => col.notNull().unique())
      .addColumn("state", "text", (col) => col.notNull())
      .addColumn("expires_at", "bigint", (col) => col.notNull())
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("closed_at", "bigint")
      .execute();
    await db.schema
      .createIndex("invitations_connection_id_idx")
      .on("invitations")
      .column("connection_id")
      .execute();
    await db.schema
      .createTable("scripts")
      .addColumn("connection_id", "text", (col) =>
        col.primaryKey().references("connections.id").onDelete("cascade"),
      )
      .addColumn("outgoing", "text", (col) => col.notNull())
      .addColumn("incoming", "text", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ["scripts", "invitations", "connections", "node_settings"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
