/** A complete connection row for storage-level tests. */
import { randomUUID } from "node:crypto";

import type { NewConnectionRow } from "../../src/server/connections/connection-repository";

/** An active public connection named `name` (override any column with `changes`). */
export function testConnectionRow(
  name: string,
  changes: Partial<NewConnectionRow> = {},
): NewConnectionRow {
  const now = Date.now();
  return {
    id: randomUUID(),
    name,
    name_key: name.toLowerCase(),
    description: "",
    local_short_name: "contoso",
    remote_short_name: "fabrikam",
    type: "public",
    local_side: "public",
    role: "initiator",
    mode: "script",
    status: "active",
    status_reason_code: null,
    status_reason_message: null,
    remote_url: null,
    incoming_project_id: "p1",
    incoming_project_name: "Alpha",
    secret_sealed: null,
    created_at: now,
    updated_at: now,
    accepted_at: now,
    last_activity_at: null,
    last_contact_at: null,
    ...changes,
  };
}
