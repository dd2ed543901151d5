/**
 * Paths of the sync node's HTTP API, shared by the node (route registration) and the client.
 * Hub API routes are under `/api/v1`; node-to-node transport routes under `/transport/v1`.
 *
 * Hub API calls carry two headers (docs/architecture.md#trust-model):
 * - `Authorization: Bearer <app token>` from `SDK.getAppToken()`;
 * - `X-AzDO-Access-Token: <token>` from `SDK.getAccessToken()`, for routes that read or change
 *   connections (the node checks the user is a Project Collection Administrator).
 */
export const API_PREFIX = "/api/v1";

/** Header carrying the user's Azure DevOps access token. */
export const ACCESS_TOKEN_HEADER = "x-azdo-access-token";

/** Route paths relative to the server root. `:id` is a connection id. */
export const ROUTES = {
  health: "/health",
  ready: "/ready",
  metrics: "/metrics",
  openapi: "/openapi.json",
  nodeInfo: `${API_PREFIX}/node`,
  connections: `${API_PREFIX}/connections`,
  connection: `${API_PREFIX}/connections/:id`,
  connectionInvitation: `${API_PREFIX}/connections/:id/invitation`,
  connectionActivate: `${API_PREFIX}/connections/:id/activate`,
  connectionDeactivate: `${API_PREFIX}/connections/:id/deactivate`,
  connectionScripts: `${API_PREFIX}/connections/:id/scripts`,
  connectionTriggers: `${API_PREFIX}/connections/:id/triggers`,
  connectionTrigger: `${API_PREFIX}/connections/:id/triggers/:triggerId`,
  connectionTriggerActivate: `${API_PREFIX}/connections/:id/triggers/:triggerId/activate`,
  connectionTriggerDeactivate: `${API_PREFIX}/connections/:id/triggers/:triggerId/deactivate`,
  connectionTriggerBulkSync: `${API_PREFIX}/connections/:id/triggers/:triggerId/bulk-sync`,
  connectionBulkSyncJob: `${API_PREFIX}/connections/:id/bulk-sync/:jobId`,
  connectionStatistics: `${API_PREFIX}/connections/:id/statistics`,
  connectionErrors: `${API_PREFIX}/connections/:id/errors`,
  connectionErrorsRetry: `${API_PREFIX}/connections/:id/errors/retry`,
  connectionErrorsResolve: `${API_PREFIX}/connections/:id/errors/resolve`,
  connectionErrorRetry: `${API_PREFIX}/connections/:id/errors/:errorId/retry`,
  connectionErrorResolve: `${API_PREFIX}/connections/:id/errors/:errorId/resolve`,
  connectionWorkItemHistory: `${API_PREFIX}/connections/:id/work-items/:workItemId/history`,
  connectionWorkItemSync: `${API_PREFIX}/connections/:id/work-items/:workItemId/sync`,
  connectionScriptTestOutgoing: `${API_PREFIX}/connections/:id/scripts/test/outgoing`,
  connectionScriptTestIncoming: `${API_PREFIX}/connections/:id/scripts/test/incoming`,
  nodeCredential: `${API_PREFIX}/node/credential`,
  invitationInspect: `${API_PREFIX}/invitations/inspect`,
  invitationAccept: `${API_PREFIX}/invitations/accept`,
} as const;

/** Fills `:name` placeholders of a route path; values are URI-encoded. */
export function routePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing route parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}
