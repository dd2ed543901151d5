/** Opens the store named by `DATABASE_URL`: `sqlite:<file>` or `postgres://...`. */
import { Kysely, type MigrationProvider, Migrator, sql } from "kysely";

import type { Database } from "./database";
import { createPostgresDialect } from "./postgres/postgres-dialect";
import { createSqliteDialect } from "./sqlite/sqlite-dialect";
import { CAPABILITIES, type Store, type StoreDialect } from "./store";

/** The engine a database URL names. @throws Error for any other scheme */
export function dialectOf(databaseUrl: string): StoreDialect {
  if (databaseUrl.startsWith("sqlite:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgres";
  throw new Error("DATABASE_URL must start with sqlite: or postgres://");
}

async function migrate(db: Kysely<Database>, migrationProvider: MigrationProvider): Promise<void> {
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider,
  }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error");
    throw new Error(`Migration ${failed?.migrationName ?? "(unknown)"} failed: ${String(error)}`);
  }
}

/**
 * Opens (but does not migrate) the store at `databaseUrl`. The node opens its store through
 * `openNodeStore` (src/server/node-store.ts), which passes every slice's migrations.
 * @param databaseUrl `sqlite:<path>` (`sqlite::memory:` for a throwaway) or `postgres://...`
 * @param migrations what `Store.migrate` applies, in name order
 * @param onConnectionError PostgreSQL: told when an idle pooled connection breaks (the store
 *   recovers by itself; the node logs it)
 */
export function openStore(
  databaseUrl: string,
  migrations: MigrationProvider,
  onConnectionError?: (error: Error) => void,
): Store {
  const dialect = dialectOf(databaseUrl);
  const db = new Kysely<Database>({
    dialect:
      dialect === "sqlite"
        ? createSqliteDialect(databaseUrl.slice("sqlite:".length))
        : createPostgresDialect(databaseUrl, onConnectionError),
  });
  return {
    dialect,
    capabilities: CAPABILITIES[dialect],
    db,
    migrate: () => migrate(db, migrations),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
