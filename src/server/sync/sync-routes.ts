/**
 * Sync routes of the hub API, per connection: statistics, the errors list with retry and
 * resolve (one or many), the sync history of a work item, "sync now", and script test runs.
 * All need the app token and an administrator's access token.
 */
import { ConnectionIdParamsSchema } from "../../shared/contracts/connection";
import { ROUTES } from "../../shared/contracts/routes";
import {
  IncomingTestInputSchema,
  IncomingTestResultSchema,
  OutgoingTestInputSchema,
  OutgoingTestResultSchema,
  SyncErrorActionResultSchema,
  SyncErrorActionSchema,
  SyncErrorListSchema,
  SyncErrorParamsSchema,
  SyncHistorySchema,
  SyncNowResultSchema,
  SyncStatisticsSchema,
  WorkItemParamsSchema,
} from "../../shared/contracts/sync";
import { SyncError } from "../../shared/errors";
import type { AuthHooks } from "../auth/request-auth";
import { ADMIN_SECURITY, ERROR_RESPONSES, type NodeApp } from "../http/node-app";
import type { ScriptTestService } from "./script-test-service";
import type { SyncStatusService } from "./sync-status-service";

const tags = ["sync"];
const security = ADMIN_SECURITY;
const params = ConnectionIdParamsSchema;
const reply200 = <T>(schema: T) => ({ 200: schema, ...ERROR_RESPONSES });

/** Ids of a bulk action: the given ones, or undefined for "all". @throws SyncError SYNC_ERR_REQUEST_INVALID */
function idsOf(body: { ids?: string[]; all?: boolean }): string[] | undefined {
  if (body.all === true && body.ids === undefined) return undefined;
  if (body.ids !== undefined && body.all !== true) return body.ids;
  throw new SyncError("SYNC_ERR_REQUEST_INVALID", "Send either ids or all: true.");
}

/** Registers the sync routes. */
export function registerSyncRoutes(
  app: NodeApp,
  auth: AuthHooks,
  services: { status: SyncStatusService; scriptTests: ScriptTestService },
): void {
  const { status, scriptTests } = services;
  const onRequest = auth.requireAdmin;
  app.get(
    ROUTES.connectionStatistics,
    { onRequest, schema: { tags, security, params, response: reply200(SyncStatisticsSchema) } },
    (request) => status.statistics(request.params.id),
  );
  app.get(
    ROUTES.connectionErrors,
    { onRequest, schema: { tags, security, params, response: reply200(SyncErrorListSchema) } },
    async (request) => ({
      errors: await status.errors(request.params.id),
    }),
  );
  const bulk = {
    tags,
    security,
    params,
    body: SyncErrorActionSchema,
    response: reply200(SyncErrorActionResultSchema),
  };
  app.post(ROUTES.connectionErrorsRetry, { onRequest, schema: bulk }, (request) =>
    status.retry(request.params.id, idsOf(request.body)),
  );
  app.post(ROUTES.connectionErrorsResolve, { onRequest, schema: bulk }, (request) =>
    status.resolve(request.params.id, idsOf(request.body)),
  );
  const single = {
    tags,
    security,
    params: SyncErrorParamsSchema,
    response: reply200(SyncErrorActionResultSchema),
  };
  app.post(ROUTES.connectionErrorRetry, { onRequest, schema: single }, (request) =>
    status.retry(request.params.id, [request.params.errorId]),
  );
  app.post(ROUTES.connectionErrorResolve, { onRequest, schema: single }, (request) =>
    status.resolve(request.params.id, [request.params.errorId]),
  );
  const item = { tags, security, params: WorkItemParamsSchema };
  app.get(
    ROUTES.connectionWorkItemHistory,
    { onRequest, schema: { ...item, response: reply200(SyncHistorySchema) } },
    (request) => status.history(request.params.id, Number(request.params.workItemId)),
  );
  app.post(
    ROUTES.connectionWorkItemSync,
    { onRequest, schema: { ...item, response: reply200(SyncNowResultSchema) } },
    (request) => status.syncNow(request.params.id, Number(request.params.workItemId)),
  );
  app.post(
    ROUTES.connectionScriptTestOutgoing,
    {
      onRequest,
      schema: {
        tags,
        security,
        params,
        body: OutgoingTestInputSchema,
        response: reply200(OutgoingTestResultSchema),
      },
    },
    (request) => scriptTests.outgoing(request.params.id, request.body),
  );
  app.post(
    ROUTES.connectionScriptTestIncoming,
    {
      onRequest,
      schema: {
        tags,
        security,
        params,
        body: IncomingTestInputSchema,
        response: reply200(IncomingTestResultSchema),
      },
    },
    (request) => scriptTests.incoming(request.params.id, request.body),
  );
}
