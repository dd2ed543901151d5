/**
 * How connection states read in the hub, in the words of docs/architecture.md#glossary: one
 * switch per state set, so a new state fails the type-check until it has a label.
 */
import type { Connection } from "../../shared/contracts";
import {
  assertNever,
  type ConnectionMode,
  type ConnectionStatus,
  type ConnectionType,
} from "../../shared/states";

/** "Pending", "Active", "Deactivated", "Error". */
export function statusLabel(status: ConnectionStatus): string {
  switch (status) {
    case "pending":
      return "Pending";
    case "active":
      return "Active";
    case "deactivated":
      return "Deactivated";
    case "error":
      return "Error";
    default:
      return assertNever(status);
  }
}

/** "Script" or "Basic". */
export function modeLabel(mode: ConnectionMode): string {
  switch (mode) {
    case "script":
      return "Script";
    case "basic":
      return "Basic";
    default:
      return assertNever(mode);
  }
}

/** "Public" or "Private". */
export function typeLabel(type: ConnectionType): string {
  switch (type) {
    case "public":
      return "Public";
    case "private":
      return "Private";
    default:
      return assertNever(type);
  }
}

/** The destination short name, or "unknown" until the partner has accepted. */
export function destinationLabel(connection: Pick<Connection, "remoteShortName">): string {
  return connection.remoteShortName ?? "unknown";
}
