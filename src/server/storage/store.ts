/**
 * The storage interface of the sync node (docs/architecture.md#storage). One Kysely code path
 * serves SQLite (embedded default) and PostgreSQL; nothing above `storage/` knows which one runs,
 * except through the named capability flags below.
 */
import type { Kysely, Transaction } from "kysely";

import type { Database } from "./database";

/** The database engines a store can run on. */
export const STORE_DIALECTS = ["sqlite", "postgres"] as const;
export type StoreDialect = (typeof STORE_DIALECTS)[number];

/**
 * What differs between engines, as named flags (one table, no `if (dialect === ...)` above
 * storage/). Later parts (sync queue, transport) branch on these.
 */
export interface StoreCapabilities {
  /** `SELECT ... FOR UPDATE SKIP LOCKED` for queue claims by many replicas. */
  readonly skipLocked: boolean;
  /** `LISTEN/NOTIFY` wake-ups across processes (SQLite: in-process events only). */
  readonly listenNotify: boolean;
  /** More than one process may write at once (several node replicas behind a balancer). */
  readonly multiProcess: boolean;
}

/** Capability flags per engine. */
export const CAPABILITIES: Readonly<Record<StoreDialect, StoreCapabilities>> = {
  sqlite: { skipLocked: false, listenNotify: false, multiProcess: false },
  postgres: { skipLocked: true, listenNotify: true, multiProcess: true },
};

/** Kysely handle for either the store itself or an open transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

/** An open database with the sync node's schema. */
export interface Store {
  readonly dialect: StoreDialect;
  readonly capabilities: StoreCapabilities;
  /** The query builder; repositories take it (or a transaction) as their first argument. */
  readonly db: Kysely<Database>;
  /**
   * Applies every pending migration (PostgreSQL: under an advisory lock, so replicas may
   * start together).
   * @throws Error naming the failed migration
   */
  migrate(): Promise<void>;
  /** Runs a trivial query; throws when the database cannot be reached. */
  ping(): Promise<void>;
  /** Closes every connection; the store is unusable afterwards. */
  close(): Promise<void>;
}
