/**
 * The store capability flags (storage/store.ts) of a Kysely handle, for queue functions that
 * receive only `db` (possibly the caller's transaction) and not the `Store`.
 */
import { PostgresAdapter } from "kysely";

import { CAPABILITIES, type Db, type StoreCapabilities } from "../storage/store";

/** The capabilities of the engine behind `db`. */
export function capabilitiesOf(db: Db): StoreCapabilities {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof PostgresAdapter ? CAPABILITIES.postgres : CAPABILITIES.sqlite;
}
