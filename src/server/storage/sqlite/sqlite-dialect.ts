/** The SQLite dialect: one better-sqlite3 connection with WAL and foreign keys on. */
import { mkdirSync } from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import { SqliteDialect } from "kysely";

/** 5 s busy timeout: long enough for a checkpoint, short enough to surface a stuck writer. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Creates a Kysely dialect for the SQLite file `file` (or `:memory:`); creates its folder.
 */
export function createSqliteDialect(file: string): SqliteDialect {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const database = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  return new SqliteDialect({ database });
}
