/**
 * Bulk sync routes of the hub API: start a bulk sync of one trigger's work items, and read a
 * job's progress. Both need the app token and an administrator's access token.
 */
import { ROUTES } from "../../shared/contracts/routes";
import {
  BulkSyncJobSchema,
  BulkSyncParamsSchema,
  TriggerParamsSchema,
} from "../../shared/contracts/trigger";
import type { AuthHooks } from "../auth/request-auth";
import { ADMIN_SECURITY, ERROR_RESPONSES, type NodeApp } from "../http/node-app";
import type { BulkSyncService } from "./bulk-sync-service";

const tags = ["triggers"];
const security = ADMIN_SECURITY;

/** Registers `POST .../triggers/:triggerId/bulk-sync` and `GET .../bulk-sync/:jobId`. */
export function registerBulkSyncRoutes(
  app: NodeApp,
  auth: AuthHooks,
  services: { bulkSync: BulkSyncService },
): void {
  const { bulkSync } = services;
  const onRequest = auth.requireAdmin;
  app.post(
    ROUTES.connectionTriggerBulkSync,
    {
      onRequest,
      schema: {
        tags,
        security,
        params: TriggerParamsSchema,
        response: { 202: BulkSyncJobSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await bulkSync.start(request.params.id, request.params.triggerId)),
  );
  app.get(
    ROUTES.connectionBulkSyncJob,
    {
      onRequest,
      schema: {
        tags,
        security,
        params: BulkSyncParamsSchema,
        response: { 200: BulkSyncJobSchema, ...ERROR_RESPONSES },
      },
    },
    (request) => bulkSync.progress(request.params.id, request.params.jobId),
  );
}
