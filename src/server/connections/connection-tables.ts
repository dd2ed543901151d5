/**
 * Row types of the connection tables (migration 0001). Times are epoch milliseconds; ids are
 * app-generated UUID text; state columns hold the `as const` sets of src/shared/states.ts.
 */

import type {
  ConnectionMode,
  ConnectionRole,
  ConnectionStatus,
  ConnectionType,
} from "../../shared/states";

/** Which side of a connection is reachable: the local node is public or private. */
export type ConnectionSide = "public" | "private";

/** One connection of this node with one partner node. */
export interface ConnectionsTable {
  id: string;
  name: string;
  /** Lower-cased name: the unique key (names are unique per organization, case-insensitively). */
  name_key: string;
  description: string;
  local_short_name: string;
  /** The destination's short name (chosen by the initiator, known to both sides). */
  remote_short_name: string;
  type: ConnectionType;
  local_side: ConnectionSide;
  role: ConnectionRole;
  mode: ConnectionMode;
  status: ConnectionStatus;
  status_reason_code: string | null;
  status_reason_message: string | null;
  /** The partner node's URL when it is public and known. */
  remote_url: string | null;
  incoming_project_id: string | null;
  incoming_project_name: string | null;
  /** Per-connection shared secret (secret-box sealed), set on acceptance; later: transport. */
  secret_sealed: string | null;
  created_at: number;
  updated_at: number;
  accepted_at: number | null;
  last_activity_at: number | null;
  last_contact_at: number | null;
}

/**
 * Invitation states:
 *   active --accepted by the partner--> used
 *   active --regenerated or connection deleted--> revoked
 * Expiry is a time (`expires_at`), not a state.
 */
export const INVITATION_STATES = ["active", "used", "revoked"] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** One invitation code issued by this node; only a hash of its one-time secret is kept. */
export interface InvitationsTable {
  id: string;
  connection_id: string;
  /** SHA-256 (hex) of the code's one-time secret. */
  secret_hash: string;
  state: InvitationState;
  expires_at: number;
  created_at: number;
  /** When the state left `active`, or null. */
  closed_at: number | null;
}

/** The outgoing and incoming scripts of one connection. */
export interface ScriptsTable {
  connection_id: string;
  outgoing: string;
  incoming: string;
  updated_at: number;
}

declare module "../storage/database" {
  /** Tables created by migration 0001 (node_settings: node-settings/node-settings-tables.ts). */
  interface Database {
    connections: ConnectionsTable;
    invitations: InvitationsTable;
    scripts: ScriptsTable;
  }
}
