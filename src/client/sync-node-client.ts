/**
 * The typed client of a sync node's hub API (`/api/v1`, src/shared/contracts/routes.ts).
 *
 * Every call carries `Authorization: Bearer <app token>`; connection and invitation calls also
 * carry `X-AzDO-Access-Token: <user access token>` (docs/architecture.md#trust-model).
 * `GET /api/v1/node` is unauthenticated. On a 401 the client asks its token provider for fresh
 * tokens once and retries (app tokens expire while the hub stays open); the user sees an error
 * only if the retry fails too.
 *
 * Routes and answers (the node's side is src/server):
 * - `GET node` -> NodeInfo; `GET connections` -> ConnectionList;
 * - `POST connections` -> InitiateConnectionResponse;
 * - `GET|POST connections/:id/invitation` -> InvitationCode (POST regenerates it);
 * - `POST connections/:id/activate|deactivate` -> Connection (or `{ connection }`);
 * - `DELETE connections/:id` -> 204;
 * - `POST invitations/inspect` -> InvitationPreview; `POST invitations/accept` ->
 *   AcceptInvitationResponse.
 */
import type {
  AcceptInvitationRequest,
  Connection,
  InitiateConnectionRequest,
  InitiateConnectionResponse,
  InvitationCode,
  InvitationPreview,
  NodeInfo,
} from "../shared/contracts";
import { ACCESS_TOKEN_HEADER, routePath, ROUTES } from "../shared/contracts/routes";
import { isSyncError } from "../shared/errors";
import { type FetchLike, type HttpRequest, sendRequest } from "./http-request";
import {
  expectConnection,
  expectShape,
  isConnection,
  isConnectionList,
  isInvitationCode,
  isInvitationPreview,
  isNodeInfo,
} from "./response-guards";
import type { TokenProvider } from "./token-provider";

/**
 * Default wait per attempt, in milliseconds. The node may call Azure DevOps to check the user's
 * permissions before answering (a few seconds on a cold cache); longer waits leave the user
 * staring at a spinner when the node is gone.
 */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** How the client is built. */
export interface SyncNodeClientOptions {
  /** The sync node's base URL, e.g. `https://sync.example.com` (a trailing slash is ignored). */
  nodeUrl: string;
  tokens: TokenProvider;
  /** Per-attempt timeout in milliseconds (Default: `DEFAULT_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
}

type Auth = "none" | "app" | "app+user";

/** A typed client of one sync node. Methods throw `SyncError` (see http-request.ts). */
export class SyncNodeClient {
  readonly nodeUrl: string;
  private readonly tokens: TokenProvider;
  private readonly timeoutMs: number;
  private readonly fetchImpl: FetchLike;

  constructor(options: SyncNodeClientOptions) {
    this.nodeUrl = options.nodeUrl.replace(/\/+$/, "");
    this.tokens = options.tokens;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** What the node says about itself; tells a sync node from any other server. */
  async getNodeInfo(): Promise<NodeInfo> {
    const body = await this.call("GET", ROUTES.nodeInfo, "none");
    return expectShape(body, isNodeInfo, "NodeInfo");
  }

  /** Every connection of this node's organization. */
  async listConnections(): Promise<Connection[]> {
    const body = await this.call("GET", ROUTES.connections, "app+user");
    return expectShape(body, isConnectionList, "ConnectionList").connections;
  }

  /** Creates a Pending connection and its invitation code (Initiate connection). */
  async initiateConnection(
    request: InitiateConnectionRequest,
  ): Promise<InitiateConnectionResponse> {
    const body = await this.call("POST", ROUTES.connections, "app+user", {}, request);
    const connection = expectConnection(body);
    const invitation = (body as { invitation?: unknown }).invitation;
    return { connection, invitation: expectShape(invitation, isInvitationCode, "InvitationCode") };
  }

  /** The current invitation code of a Pending connection. */
  async getInvitation(connectionId: string): Promise<InvitationCode> {
    const path = ROUTES.connectionInvitation;
    const body = await this.call("GET", path, "app+user", { id: connectionId });
    return expectShape(body, isInvitationCode, "InvitationCode");
  }

  /** Replaces the invitation code of a Pending connection; the old one stops working. */
  async regenerateInvitation(connectionId: string): Promise<InvitationCode> {
    const path = ROUTES.connectionInvitation;
    const body = await this.call("POST", path, "app+user", { id: connectionId });
    return expectShape(body, isInvitationCode, "InvitationCode");
  }

  /** Activates a deactivated connection; queued changes replay in order. */
  async activateConnection(connectionId: string): Promise<Connection> {
    const path = ROUTES.connectionActivate;
    return expectConnection(await this.call("POST", path, "app+user", { id: connectionId }));
  }

  /** Deactivates a connection; changes keep queuing. */
  async deactivateConnection(connectionId: string): Promise<Connection> {
    const path = ROUTES.connectionDeactivate;
    return expectConnection(await this.call("POST", path, "app+user", { id: connectionId }));
  }

  /** Deletes a connection. */
  async deleteConnection(connectionId: string): Promise<void> {
    await this.call("DELETE", ROUTES.connection, "app+user", { id: connectionId });
  }

  /** What an invitation code is (initiator, name, mode), without accepting it. */
  async inspectInvitation(invitationCode: string): Promise<InvitationPreview> {
    const route = ROUTES.invitationInspect;
    const body = await this.call("POST", route, "app+user", {}, { invitationCode });
    return expectShape(body, isInvitationPreview, "InvitationPreview");
  }

  /** Accepts an invitation code; answers the new connection. */
  async acceptInvitation(request: AcceptInvitationRequest): Promise<Connection> {
    const body = await this.call("POST", ROUTES.invitationAccept, "app+user", {}, request);
    return expectShape((body as { connection?: unknown })?.connection, isConnection, "Connection");
  }

  /**
   * One call with auth headers; on 401 refreshes the tokens once and retries. Public
   * for the per-resource API modules (e.g. connection-settings-api.ts); answers the parsed body.
   * @throws SyncError the node's catalogued error, or a SYNC_ERR_CLIENT_* code
   */
  async call(
    method: HttpRequest["method"],
    route: string,
    auth: Auth,
    params: Record<string, string> = {},
    body?: unknown,
  ): Promise<unknown> {
    const url = this.nodeUrl + routePath(route, params);
    const attempt = async (refresh: boolean) =>
      sendRequest(this.fetchImpl, {
        method,
        url,
        body,
        headers: await this.authHeaders(auth, refresh),
        timeoutMs: this.timeoutMs,
      });
    try {
      return (await attempt(false)).body;
    } catch (error: unknown) {
      if (auth === "none" || !isUnauthorized(error)) throw error;
      return (await attempt(true)).body;
    }
  }

  private async authHeaders(auth: Auth, refresh: boolean): Promise<Record<string, string>> {
    if (auth === "none") return {};
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.tokens.getAppToken(refresh)}`,
    };
    if (auth === "app+user")
      headers[ACCESS_TOKEN_HEADER] = await this.tokens.getAccessToken(refresh);
    return headers;
  }
}

/** True for a 401 answer: a catalogued 401 code, or an uncatalogued body with status 401. */
function isUnauthorized(error: unknown): boolean {
  if (!isSyncError(error)) return false;
  return error.status === 401 || error.details?.status === 401;
}
