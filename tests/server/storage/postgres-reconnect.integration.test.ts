/**
 * A PostgreSQL server that drops the node's idle pooled connections (a restart, a failover, a
 * proxy's idle timeout) must not end the node: the store reports the broken connection and the
 * next query opens a new one.
 */
import pg from "pg";

import { openNodeStore } from "../../../src/server/node-store";
import type { Store } from "../../../src/server/storage/store";
import { createTestDatabase, testDialects } from "../../helpers/with-store";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const describePostgres = testDialects().includes("postgres") ? describe : describe.skip;

describePostgres("PostgreSQL store when the server drops its connections", () => {
  let store: Store;
  let drop: () => Promise<void>;
  let databaseName = "";
  const errors: Array<Error & { code?: string }> = [];

  beforeAll(async () => {
    const database = await createTestDatabase("postgres");
    drop = database.drop;
    databaseName = new URL(database.databaseUrl).pathname.slice(1);
    store = openNodeStore(database.databaseUrl, (error) => errors.push(error));
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close().catch(() => undefined);
    await drop?.();
  });

  test("an idle connection terminated by the server is reported, and the next query works", async () => {
    await store.ping(); // leaves an idle connection in the pool
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      const killed = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
        [databaseName],
      );
      expect(killed.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    for (let waited = 0; errors.length === 0 && waited < 100; waited++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(errors.map((error) => error.code)).toContain("57P01"); // admin_shutdown
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
