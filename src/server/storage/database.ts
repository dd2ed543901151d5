/**
 * The Kysely database type: every table of the sync node. Later parts add their tables by
 * writing a migration under `migrations/` and extending `Database` with their table group
 * (e.g. `TransportTables`, `SyncQueueTables`); they never edit an earlier migration.
 */
import type { ConnectionTables } from "../connections/connection-tables";
import type { SyncEngineTables } from "../sync/sync-engine-tables";
import type { SyncQueueTables } from "../queue/sync-queue-tables";
import type { TransportTables } from "../transport/transport-tables";

/** All tables, as Kysely sees them. */
export type Database = ConnectionTables & SyncQueueTables & TransportTables & SyncEngineTables;
