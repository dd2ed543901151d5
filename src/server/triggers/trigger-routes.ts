/**
 * Trigger routes of the hub API: list, create, update, delete, activate, deactivate. All need the app token and an administrator's access token.
 */
import { Type } from "typebox";

import { ConnectionIdParamsSchema } from "../../shared/contracts/connection";
import { ROUTES } from "../../shared/contracts/routes";
import {
  TriggerInputSchema,
  TriggerListSchema,
  TriggerParamsSchema,
  TriggerSchema,
} from "../../shared/contracts/trigger";
import type { AuthHooks } from "../auth/request-auth";
import { ADMIN_SECURITY, ERROR_RESPONSES, type NodeApp } from "../http/node-app";
import type { TriggerService } from "./trigger-service";

const tags = ["triggers"];
const security = ADMIN_SECURITY;

/** Registers the trigger routes (bulk sync: sync/bulk-sync-routes.ts). */
export function registerTriggerRoutes(
  app: NodeApp,
  auth: AuthHooks,
  services: { triggers: TriggerService },
): void {
  const { triggers } = services;
  const onRequest = auth.requireAdmin;
  const one = { 200: TriggerSchema, ...ERROR_RESPONSES };
  app.get(
    ROUTES.connectionTriggers,
    {
      onRequest,
      schema: {
        tags,
        security,
        params: ConnectionIdParamsSchema,
        response: { 200: TriggerListSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ triggers: await triggers.list(request.params.id) }),
  );
  app.post(
    ROUTES.connectionTriggers,
    {
      onRequest,
      schema: {
        tags,
        security,
        params: ConnectionIdParamsSchema,
        body: TriggerInputSchema,
        response: { 201: TriggerSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await triggers.create(request.params.id, request.body)),
  );
  app.put(
    ROUTES.connectionTrigger,
    {
      onRequest,
      schema: {
        tags,
        security,
        params: TriggerParamsSchema,
        body: TriggerInputSchema,
        response: one,
      },
    },
    (request) => triggers.update(request.params.id, request.params.triggerId, request.body),
  );
  app.delete(
    ROUTES.connectionTrigger,
    {
      onRequest,
      schema: {
        tags,
        security,
        params: TriggerParamsSchema,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await triggers.remove(request.params.id, request.params.triggerId);
      return reply.code(204).send(null);
    },
  );
  app.post(
    ROUTES.connectionTriggerActivate,
    { onRequest, schema: { tags, security, params: TriggerParamsSchema, response: one } },
    (request) => triggers.setActive(request.params.id, request.params.triggerId, true),
  );
  app.post(
    ROUTES.connectionTriggerDeactivate,
    { onRequest, schema: { tags, security, params: TriggerParamsSchema, response: one } },
    (request) => triggers.setActive(request.params.id, request.params.triggerId, false),
  );
}
