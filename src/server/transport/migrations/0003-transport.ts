/**
 * Migration 0003: node-to-node transport.
 *
 * - `transport_links`: per connection, the partner node's identity (its node id, checked
 *   against the `iss` of every transport token it signs), recorded by the acceptance handshake;
 *   on a public acceptor, the sealed one-time secret, so a private initiator whose
 *   confirmation answer was lost can confirm again.
 * - `transport_token_ids`: ids (`jti`) of transport tokens already accepted, until they expire:
 *   the replay guard, in the database so that every replica of a node shares it.
 */
import type { Kysely, Migration } from "kysely";

export const migration0003: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("transport_links")
      .addColumn("connection_id", "text", (col) =>
        col.primaryKey().references("connections.id").onDelete("cascade"),
      )
      .addColumn("remote_node_id", "text", (col) => col.notNull())
      .addColumn("handshake_secret_sealed", "text")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createTable("transport_token_ids")
      .addColumn("jti", "text", (col) => col.primaryKey())
      .addColumn("expires_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("transport_token_ids_expires_at_idx")
      .on("transport_token_ids")
      .column("expires_at")
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("transport_token_ids").execute();
    await db.schema.dropTable("transport_links").execute();
  },
};
