/** Turns stored connection rows into the API's `Connection` shape. */
import type { Connection } from "../../shared/contracts/connection";
import type { ConnectionRow } from "./connection-repository";

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * The API view of a connection. The destination short name shows as null ("unknown" in the
 * hub) while the initiator waits for the partner to accept
 * (docs/architecture.md#flow-of-one-invitation).
 */
export function toConnection(row: ConnectionRow): Connection {
  const awaitingPartner = row.role === "initiator" && row.status === "pending";
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    localShortName: row.local_short_name,
    remoteShortName: awaitingPartner ? null : row.remote_short_name,
    type: row.type,
    localSide: row.local_side,
    role: row.role,
    mode: row.mode,
    status: row.status,
    statusReason:
      row.status_reason_code !== null
        ? { code: row.status_reason_code, message: row.status_reason_message ?? "" }
        : null,
    remoteUrl: row.remote_url,
    incomingProject:
      row.incoming_project_id !== null
        ? { id: row.incoming_project_id, name: row.incoming_project_name ?? "" }
        : null,
    createdAt: new Date(row.created_at).toISOString(),
    lastActivityAt: iso(row.last_activity_at),
    lastContactAt: iso(row.last_contact_at),
  };
}
