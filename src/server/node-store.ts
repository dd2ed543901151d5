/** Opens the sync node's store: the storage layer with every slice's migrations. */
import { migrationProvider } from "./migrations";
import { openStore } from "./storage/open-store";
import type { Store } from "./storage/store";

/**
 * Opens (but does not migrate) the node's store at `databaseUrl`; `store.migrate()` applies
 * `MIGRATIONS` (src/server/migrations.ts).
 * @param databaseUrl `sqlite:<path>` (`sqlite::memory:` for a throwaway) or `postgres://...`
 * @param onConnectionError PostgreSQL: told when an idle pooled connection breaks
 * @throws Error when the URL names neither engine
 */
export function openNodeStore(
  databaseUrl: string,
  onConnectionError?: (error: Error) => void,
): Store {
  return openStore(databaseUrl, migrationProvider, onConnectionError);
}
