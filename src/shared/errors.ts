/**
 * The one error catalogue (docs/architecture.md#invariants). Every rejection the sync node sends,
 * and every failure the client raises, carries one of these codes. Codes are stable: never rename
 * or reuse one; add new ones instead. The hub shows `message` (or its own text for the code) and
 * the code itself, so an admin can search for it.
 *
 * Shape of an error response body (`ErrorBody`):
 *   `{ statusCode: number, code: ErrorCode, error: string, message: string, requestId?: string,
 *      details?: Record<string, unknown> }`
 */

/** One catalogue entry: HTTP status, default message, and whether retrying may succeed. */
export interface ErrorSpec {
  /** HTTP status the node answers with. */
  readonly status: number;
  /** Default human message; says what happened and, where possible, what to do. */
  readonly message: string;
  /** True when the same request may succeed later without any change (network, 429, 503). */
  readonly retryable: boolean;
}

const spec = (status: number, message: string, retryable = false): ErrorSpec => ({
  status,
  message,
  retryable,
});

/** The catalogue: code -> spec. Grouped by area: REQUEST, AUTH, CONNECTION, INVITATION, ... */
export const ERRORS = {
  // Request shape
  SYNC_ERR_REQUEST_INVALID: spec(400, "The request is not valid."),
  SYNC_ERR_REQUEST_TOO_LARGE: spec(413, "The request body is too large."),
  SYNC_ERR_REQUEST_UNSUPPORTED_MEDIA: spec(415, "Send the request body as application/json."),
  SYNC_ERR_REQUEST_HEADERS_TOO_LARGE: spec(431, "The request headers are too large."),
  SYNC_ERR_REQUEST_TIMEOUT: spec(408, "The request did not arrive in time. Send it again.", true),
  SYNC_ERR_ROUTE_NOT_FOUND: spec(404, "There is no such endpoint on this sync node."),
  SYNC_ERR_RATE_LIMITED: spec(429, "Too many requests. Wait a moment and try again.", true),

  // Hub -> node authentication (docs/architecture.md#trust-model; app-token pitfalls:
  // MicrosoftDocs/azure-devops-docs#764, MicrosoftDocs/azure-devops-docs#11817)
  SYNC_ERR_AUTH_APP_TOKEN_MISSING: spec(401, "The request carries no extension app token."),
  SYNC_ERR_AUTH_METRICS_TOKEN: spec(401, "Send the node's METRICS_TOKEN as a bearer token."),
  SYNC_ERR_AUTH_APP_TOKEN_MALFORMED: spec(401, "The extension app token is not a valid JWT."),
  SYNC_ERR_AUTH_APP_TOKEN_ALGORITHM: spec(401, "The extension app token is not signed with HS256."),
  SYNC_ERR_AUTH_APP_TOKEN_SIGNATURE: spec(
    401,
    "The extension app token's signature does not match this node's extension certificate. Check EXALATE_APP_SECRET.",
  ),
  SYNC_ERR_AUTH_APP_TOKEN_EXPIRED: spec(
    401,
    "The extension app token has expired. Reload the page.",
  ),
  SYNC_ERR_AUTH_APP_TOKEN_NOT_YET_VALID: spec(401, "The extension app token is not valid yet."),
  SYNC_ERR_AUTH_ACCESS_TOKEN_MISSING: spec(
    401,
    "The request carries no Azure DevOps access token.",
  ),
  SYNC_ERR_AUTH_ACCESS_TOKEN_INVALID: spec(
    401,
    "Azure DevOps did not accept the user's access token. Reload the page and sign in again.",
  ),
  SYNC_ERR_AUTH_NOT_MEMBER: spec(
    403,
    "You are not a member of the organization this sync node serves.",
  ),
  SYNC_ERR_AUTH_NOT_ADMIN: spec(
    403,
    "Only Project Collection Administrators can see or change sync connections.",
  ),
  SYNC_ERR_AUTH_ORGANIZATION_UNREACHABLE: spec(
    503,
    "The sync node could not reach Azure DevOps to check your permissions. Try again.",
    true,
  ),

  // Connections
  SYNC_ERR_CONNECTION_NOT_FOUND: spec(
    404,
    "There is no such connection. It may have been deleted.",
  ),
  SYNC_ERR_CONNECTION_NAME_TAKEN: spec(409, "A connection with this name already exists."),
  SYNC_ERR_CONNECTION_NAME_INVALID: spec(
    400,
    "Connection names are 1-80 characters: letters, digits, spaces, '.', '_' and '-'.",
  ),
  SYNC_ERR_CONNECTION_SHORT_NAME_INVALID: spec(
    400,
    "Short names are 1-32 characters: letters, digits, '.', '_' and '-', starting with a letter or digit.",
  ),
  SYNC_ERR_CONNECTION_URL_INVALID: spec(
    400,
    "The destination URL must be an absolute http(s) URL without credentials, query or fragment.",
  ),
  SYNC_ERR_CONNECTION_STATE: spec(409, "The connection is not in a state that allows this action."),
  SYNC_ERR_CONNECTION_NOT_PENDING: spec(
    409,
    "The connection has been accepted; its invitation code is no longer available.",
  ),
  SYNC_ERR_CONNECTION_SCRIPT_LOCKED: spec(
    409,
    "Scripts of a Basic-mode connection cannot be edited. Create a Script-mode connection instead.",
  ),
  SYNC_ERR_CONNECTION_PROJECT_INVALID: spec(
    400,
    "The project for incoming sync does not exist in this organization.",
  ),

  // Invitation codes: each rejection has its own code and message
  SYNC_ERR_INVITATION_MALFORMED: spec(
    400,
    "This is not an invitation code. Copy the whole code again from your partner.",
  ),
  SYNC_ERR_INVITATION_TRUNCATED: spec(
    400,
    "The invitation code is incomplete. Copy the whole code again; it may have been cut off.",
  ),
  SYNC_ERR_INVITATION_TAMPERED: spec(
    400,
    "The invitation code has been altered. Ask your partner to send it again.",
  ),
  SYNC_ERR_INVITATION_EXPIRED: spec(
    410,
    "The invitation code has expired. Ask your partner to generate a new one.",
  ),
  SYNC_ERR_INVITATION_USED: spec(
    409,
    "The invitation code has already been used. Ask your partner for a new one.",
  ),
  SYNC_ERR_INVITATION_REVOKED: spec(
    410,
    "The invitation code was replaced by a newer one. Ask your partner for the current code.",
  ),
  SYNC_ERR_INVITATION_WRONG_NODE: spec(
    400,
    "The invitation code was issued by this sync node. Paste it on your partner's side.",
  ),
  SYNC_ERR_INVITATION_VERSION: spec(
    400,
    "The invitation code has a format version this sync node does not know. Update the sync node.",
  ),
  SYNC_ERR_INVITATION_BOTH_PRIVATE: spec(
    400,
    "Both sides are private: one side of a connection needs a public URL.",
  ),

  // Node-to-node transport
  SYNC_ERR_TRANSPORT_TOKEN_INVALID: spec(401, "The transport request is not signed correctly."),
  SYNC_ERR_TRANSPORT_TOKEN_EXPIRED: spec(401, "The transport request token has expired."),
  SYNC_ERR_TRANSPORT_REPLAYED: spec(401, "The transport request was already received."),
  SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE: spec(
    409,
    "The connection is deactivated on the other side.",
    true,
  ),
  SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND: spec(
    404,
    "The other side's sync node has no such connection. It may have been deleted there.",
  ),
  SYNC_ERR_TRANSPORT_PEER_UNREACHABLE: spec(
    502,
    "The other side's sync node cannot be reached.",
    true,
  ),
  SYNC_ERR_TRANSPORT_PEER_REJECTED: spec(502, "The other side's sync node rejected the request."),

  // Sync engine and scripts
  SYNC_ERR_SCRIPT_SYNTAX: spec(400, "The script has a syntax error."),
  SYNC_ERR_SCRIPT_RUNTIME: spec(422, "The script threw an error."),
  SYNC_ERR_SCRIPT_TIMEOUT: spec(422, "The script ran longer than its time limit."),
  SYNC_ERR_SCRIPT_MEMORY: spec(422, "The script used more memory than its limit."),
  SYNC_ERR_SCRIPT_RESULT: spec(422, "The script returned something that is not plain JSON."),
  SYNC_ERR_TRIGGER_INVALID: spec(400, "Azure DevOps rejected the trigger's WIQL clause."),
  SYNC_ERR_TRIGGER_NOT_FOUND: spec(404, "There is no such trigger."),
  SYNC_ERR_SYNC_ITEM_NOT_FOUND: spec(404, "There is no such sync event or sync request."),
  SYNC_ERR_WORK_ITEM_NOT_FOUND: spec(404, "There is no such work item."),

  // Azure DevOps REST (from the node)
  SYNC_ERR_ADO_UNREACHABLE: spec(502, "Azure DevOps cannot be reached.", true),
  SYNC_ERR_ADO_THROTTLED: spec(503, "Azure DevOps is throttling requests.", true),
  SYNC_ERR_ADO_REJECTED: spec(502, "Azure DevOps rejected the request."),
  SYNC_ERR_ADO_CONFLICT: spec(409, "The work item changed while it was being updated.", true),

  // Node settings: background-sync credential, checked before it is stored
  SYNC_ERR_CREDENTIAL_INVALID: spec(400, "The personal access token is invalid or expired."),
  SYNC_ERR_CREDENTIAL_PERMISSION: spec(400, "The personal access token lacks a needed permission."),
  SYNC_ERR_CREDENTIAL_MISSING: spec(
    409,
    "The sync node has no personal access token for background sync. Add one in Node settings.",
  ),

  // Client-side (raised by src/client, never sent by the node)
  SYNC_ERR_CLIENT_NETWORK: spec(
    0,
    "The sync node cannot be reached. Check its URL in Node settings.",
    true,
  ),
  SYNC_ERR_CLIENT_TIMEOUT: spec(0, "The sync node did not answer in time.", true),
  SYNC_ERR_CLIENT_BAD_RESPONSE: spec(
    0,
    "The sync node sent a response this hub does not understand.",
  ),
  SYNC_ERR_HOST_HANDSHAKE_TIMEOUT: spec(
    0,
    "The hub could not reach Azure DevOps. Reload the page; if it keeps failing, open it from Organization settings.",
    true,
  ),

  // Anything else: a bug. Logged with its request id; the message is masked.
  SYNC_ERR_INTERNAL: spec(
    500,
    "Something went wrong on the sync node. The request id is in its log.",
    true,
  ),
  SYNC_ERR_UNAVAILABLE: spec(503, "The sync node is starting or shutting down. Try again.", true),
} as const satisfies Record<string, ErrorSpec>;

/** Every catalogued error code. */
export type ErrorCode = keyof typeof ERRORS;

/** All codes, for exhaustive tests and UI mappings. */
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** The JSON body of every error response from the sync node. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  /** HTTP reason phrase, e.g. "Bad Request". */
  error: string;
  message: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

/** True when `value` is a catalogued code (a type guard for data from the wire). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

/**
 * An error carrying a catalogue code. Thrown by the node (its error handler serializes it
 * into an `ErrorBody`) and by the client (built from an `ErrorBody` or a network failure).
 */
export class SyncError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly details?: Record<string, unknown>;
  readonly requestId?: string;

  /**
   * @param code a catalogue code
   * @param message overrides the catalogue's default message
   * @param details machine-readable extras (field name, script line, ...): never secrets
   */
  constructor(
    code: ErrorCode,
    message?: string,
    details?: Record<string, unknown>,
    requestId?: string,
  ) {
    super(message ?? ERRORS[code].message);
    this.name = "SyncError";
    this.code = code;
    this.status = ERRORS[code].status;
    this.retryable = ERRORS[code].retryable;
    this.details = details;
    this.requestId = requestId;
  }
}

/** True when `value` is a `SyncError` (works across bundles, unlike `instanceof`). */
export function isSyncError(value: unknown): value is SyncError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { name?: unknown }).name === "SyncError" &&
    isErrorCode((value as { code?: unknown }).code)
  );
}
