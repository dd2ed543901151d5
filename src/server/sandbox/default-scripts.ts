/**
 * Default outgoing and incoming scripts for a new connection (feature-anchors 2.5). Basic-mode
 * connections always run these; Script-mode connections start from them and may edit them.
 */
import type { ConnectionScripts } from "../../shared/contracts/connection";
import type { ConnectionMode } from "../../shared/states";

/**
 * Returns the default scripts for a connection.
 * @param _mode the connection's mode (both modes start from the same defaults)
 */
export function defaultScripts(_mode: ConnectionMode): ConnectionScripts {
  return {
    outgoing: [
      "replica.key = workItem.key;",
      "replica.summary = workItem.summary;",
      "replica.description = workItem.description;",
    ].join("\n"),
    incoming: [
      "if (firstSync) { workItem.projectKey = incomingProject; workItem.typeName = replica.type; }",
      "workItem.summary = replica.summary;",
      "workItem.description = replica.description;",
    ].join("\n"),
  };
}
