/**
 * Seeds a sync node's store with `count` connections (active, public, script mode) through the
 * node's storage layer, for the Hub load and Node API rows. The rows look like connections made
 * through the API (unique names, both short names, an incoming project), without invitations:
 * the connection list only reads the connections table.
 */
import { randomUUID } from "node:crypto";

import { insertConnection, nameKey } from "../src/server/connections/connection-repository";
import { openNodeStore } from "../src/server/node-store";

/**
 * Inserts `count` connections into the store at `databaseUrl` (migrated first).
 * @param databaseUrl the node's DATABASE_URL, e.g. `sqlite:/tmp/x/node.sqlite`
 */
export async function seedConnections(databaseUrl: string, count: number): Promise<void> {
  const store = openNodeStore(databaseUrl);
  try {
    await store.migrate();
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const name = `contoso to partner ${String(i).padStart(4, "0")}`;
      await insertConnection(store.db, {
        id: randomUUID(),
        name,
        name_key: nameKey(name),
        description: `Bench connection ${i}: bugs to partner ${i}`,
        local_short_name: "contoso",
        remote_short_name: `partner${i}`,
        type: "public",
        local_side: "public",
        role: "initiator",
        mode: "script",
        status: "active",
        status_reason_code: null,
        status_reason_message: null,
        remote_url: `https://partner${i}.example`,
        incoming_project_id: "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c",
        incoming_project_name: "Alpha",
        secret_sealed: null,
        // Spread over time so the list's "newest first" order is a real sort.
        created_at: now - i * 1000,
        updated_at: now - i * 1000,
        accepted_at: now - i * 1000,
        last_activity_at: null,
        last_contact_at: null,
      });
    }
  } finally {
    await store.close();
  }
}
