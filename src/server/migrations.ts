/**
 * The ordered list of in-code migrations, shared by SQLite and PostgreSQL. Each lives in the
 * slice that owns its tables (`<slice>/migrations/`); this list is where they meet. Names sort
 * in the order they must run. Never edit or reorder an entry that has shipped (0004 was never
 * shipped).
 */
import type { Migration, MigrationProvider } from "kysely";

import { migration0001 } from "./connections/migrations/0001-connections";
import { migration0002 } from "./queue/migrations/0002-sync-queue";
import { migration0005 } from "./sync/migrations/0005-sync-engine";
import { migration0003 } from "./transport/migrations/0003-transport";
import { migration0006 } from "./triggers/migrations/0006-trigger-watermark-id";

/** Migration name -> migration. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-connections": migration0001,
  "0002-sync-queue": migration0002,
  "0003-transport": migration0003,
  "0005-sync-engine": migration0005,
  "0006-trigger-watermark-id": migration0006,
};

/** A Kysely migration provider over `MIGRATIONS`. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
