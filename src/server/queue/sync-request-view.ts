/** Row shape of a stored sync request, and the parsed form the sync engine works with. */
import type { Selectable } from "kysely";

import type { SyncRequestsTable } from "./sync-queue-tables";

/** A `sync_requests` row as stored (payload and error details are JSON text). */
export type SyncRequestRow = Selectable<SyncRequestsTable>;

/** The replica of a sync request, parsed from its JSON payload. */
export function replicaOf(row: Pick<SyncRequestRow, "payload">): unknown {
  return JSON.parse(row.payload) as unknown;
}
