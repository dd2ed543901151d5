/**
 * Explicit state sets shared by hub, client and node, and the project's terminology.
 *
 * Terminology (docs/architecture.md#glossary):
 * - connection: a pairing of this node with one partner node; it has a local and a destination
 *   (remote) short name, a mode and a type.
 * - public / private side: a public node has a URL its partner can reach; a private node has
 *   none and opens every HTTP request between the two nodes itself.
 * - invitation code: a single-use, expiring code the initiator gives the partner to accept.
 * - replica: plain JSON made by the outgoing script from a local work item.
 * - twin: the pair (local work item id, remote work item id) within one connection.
 * - sync event: an outgoing replica queued on the sending node.
 * - sync request: an incoming replica queued on the receiving node.
 * - trigger: a WIQL WHERE clause selecting the work items a connection sends.
 * - first sync: the sync that creates the twin on the receiving side.
 *
 * Connection lifecycle:
 *   pending --accept--> active <--deactivate/activate--> deactivated
 *   active --partner keeps failing--> error --contact restored--> active
 *   any --delete--> (gone)
 */

/** Lifecycle state of a connection (see the module comment for transitions). */
export const CONNECTION_STATUSES = ["pending", "active", "deactivated", "error"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** Configuration mode; fixed at creation. Script: editable scripts. Basic: default rules. */
export const CONNECTION_MODES = ["script", "basic"] as const;
export type ConnectionMode = (typeof CONNECTION_MODES)[number];

/**
 * Connection type. public: both nodes are reachable. private: one node (the private side) has
 * no URL and opens every request.
 */
export const CONNECTION_TYPES = ["public", "private"] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

/** Which end of the connection this node is: it made the invitation, or it accepted one. */
export const CONNECTION_ROLES = ["initiator", "acceptor"] as const;
export type ConnectionRole = (typeof CONNECTION_ROLES)[number];

/**
 * State of one sync event or sync request in the sync queue:
 *   queued -> running -> done
 *   running -> retry (transient failure, backoff) -> running
 *   running -> failed (permanent, or attempts exhausted) -> queued (retry by an admin)
 *   failed -> resolved (dismissed by an admin)
 */
export const QUEUE_STATES = ["queued", "running", "retry", "done", "failed", "resolved"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** Direction of a queue item, seen from this node. */
export const SYNC_DIRECTIONS = ["outgoing", "incoming"] as const;
export type SyncDirection = (typeof SYNC_DIRECTIONS)[number];

/** Helper for exhaustive switches: a compile error when a state is not handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled state: ${String(value)}`);
}
