/**
 * Light shape checks of the node's answers. The hub bundle carries no TypeBox (types only), so
 * the client checks the fields it relies on and reports anything else as
 * `SYNC_ERR_CLIENT_BAD_RESPONSE` instead of failing later in a component.
 */
import type {
  Connection,
  ConnectionList,
  InvitationCode,
  InvitationPreview,
  NodeInfo,
} from "../shared/contracts";
import { SyncError } from "../shared/errors";

/** The product name every sync node reports in `GET /api/v1/node`. */
export const SYNC_NODE_PRODUCT = "exalate-adnode-sync-node";

type Guard<T> = (value: unknown) => value is T;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const hasStrings = (value: unknown, keys: string[]): value is Record<string, unknown> =>
  isObject(value) && keys.every((key) => typeof value[key] === "string");

export const isConnection: Guard<Connection> = (value): value is Connection =>
  hasStrings(value, ["id", "name", "localShortName", "type", "mode", "status"]);

export const isConnectionList: Guard<ConnectionList> = (value): value is ConnectionList =>
  isObject(value) && Array.isArray(value.connections) && value.connections.every(isConnection);

export const isInvitationCode: Guard<InvitationCode> = (value): value is InvitationCode =>
  hasStrings(value, ["invitationCode", "expiresAt"]);

export const isInvitationPreview: Guard<InvitationPreview> = (value): value is InvitationPreview =>
  hasStrings(value, ["connectionId", "connectionName", "initiatorShortName", "mode"]);

export const isNodeInfo: Guard<NodeInfo> = (value): value is NodeInfo =>
  hasStrings(value, ["product", "version"]) && value.product === SYNC_NODE_PRODUCT;

/**
 * Returns `value` typed as T when `guard` accepts it.
 * @throws SyncError `SYNC_ERR_CLIENT_BAD_RESPONSE` naming the expected shape
 */
export function expectShape<T>(value: unknown, guard: Guard<T>, expected: string): T {
  if (guard(value)) return value;
  throw new SyncError("SYNC_ERR_CLIENT_BAD_RESPONSE", undefined, { expected });
}

/**
 * A connection from an answer that is either the connection itself or `{ connection }` (the
 * shape of Accept and Initiate answers); activate/deactivate may use either.
 */
export function expectConnection(value: unknown): Connection {
  const inner = isObject(value) && isObject(value.connection) ? value.connection : value;
  return expectShape(inner, isConnection, "Connection");
}
