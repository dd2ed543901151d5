/**
 * Fresh stores for tests, on every dialect in `TEST_DIALECTS` (Default: `sqlite,postgres`).
 *
 * - SQLite: a file in a new temp folder, removed afterwards.
 * - PostgreSQL: a new uniquely named database on `TEST_POSTGRES_URL`
 *   (Default: `postgres://postgres@127.0.0.1:5432/postgres`), dropped afterwards.
 *
 * Usage (one fresh, migrated store per dialect per test file):
 *
 *     forEachDialect((dialect, getStore) => {
 *       test("...", async () => { const store = getStore(); ... });
 *     });
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { openNodeStore } from "../../src/server/node-store";
import { type Store, STORE_DIALECTS, type StoreDialect } from "../../src/server/storage/store";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The dialects tests run on, from `TEST_DIALECTS`. */
export function testDialects(): StoreDialect[] {
  const wanted = (process.env.TEST_DIALECTS ?? STORE_DIALECTS.join(","))
    .split(",")
    .map((name) => name.trim());
  return STORE_DIALECTS.filter((dialect) => wanted.includes(dialect));
}

/** A database URL for a fresh empty database of `dialect`, and a function that removes it. */
export async function createTestDatabase(
  dialect: StoreDialect,
): Promise<{ databaseUrl: string; drop: () => Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = await mkdtemp(path.join(tmpdir(), "sync-node-test-"));
    return {
      databaseUrl: `sqlite:${path.join(dir, "node.sqlite")}`,
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `test_${randomUUID().replace(/-/g, "")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.href,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Opens and migrates a fresh store of `dialect`; `dispose` closes and removes it. */
export async function createTestStore(
  dialect: StoreDialect,
): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const { databaseUrl, drop } = await createTestDatabase(dialect);
  const store = openNodeStore(databaseUrl);
  await store.migrate();
  return {
    store,
    dispose: async () => {
      // A test may have closed the store already (to simulate a lost database).
      await store.close().catch(() => undefined);
      await drop();
    },
  };
}

/**
 * Declares a `describe` block per dialect with one fresh migrated store for the whole block
 * (created in `beforeAll`, removed in `afterAll`).
 */
export function forEachDialect(body: (dialect: StoreDialect, getStore: () => Store) => void): void {
  for (const dialect of testDialects()) {
    describe(`on ${dialect}`, () => {
      let current: { store: Store; dispose: () => Promise<void> } | undefined;
      beforeAll(async () => {
        current = await createTestStore(dialect);
      });
      afterAll(async () => {
        await current?.dispose();
      });
      body(dialect, () => {
        if (!current) throw new Error("store not ready: call getStore() inside a test");
        return current.store;
      });
    });
  }
}
