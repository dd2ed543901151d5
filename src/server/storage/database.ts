/**
 * The Kysely database type: every table of the sync node. Later parts add their tables by
 * writing a migration under `migrations/` and extending `Database` with their table group
 * (e.g. `TransportTables`, `SyncQueueTables`); they never edit an earlier migration.
 */
import type { ConnectionTables } from "./tables/connection-tables";
import type { SyncEngineTables } from "./tables/sync-engine-tables";
import type { SyncQueueTables } from "./tables/sync-queue-tables";
import type { TransportTables } from "./tables/transport-tables";

/** All tables, as Kysely sees them. */
export type Database = ConnectionTables & SyncQueueTables & TransportTables & SyncEngineTables;
