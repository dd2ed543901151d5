/**
 * Connection routes of the hub API: list, initiate, get, update, delete, activate, deactivate.
 * All need the app token and an administrator's access token.
 */
import { Type } from "typebox";

import {
  ConnectionIdParamsSchema,
  ConnectionListSchema,
  ConnectionSchema,
  InitiateConnectionRequestSchema,
  InitiateConnectionResponseSchema,
  UpdateConnectionRequestSchema,
} from "../../shared/contracts/connection";
import { ROUTES } from "../../shared/contracts/routes";
import { accessTokenOf, type AuthHooks } from "../auth/request-auth";
import { ADMIN_SECURITY, ERROR_RESPONSES, type NodeApp } from "../http/node-app";
import type { ConnectionService } from "./connection-service";

const tags = ["connections"];
const security = ADMIN_SECURITY;
const params = ConnectionIdParamsSchema;

/** Registers the connection routes. */
export function registerConnectionRoutes(
  app: NodeApp,
  auth: AuthHooks,
  connections: ConnectionService,
): void {
  const onRequest = auth.requireAdmin;
  app.get(
    ROUTES.connections,
    {
      onRequest,
      schema: { tags, security, response: { 200: ConnectionListSchema, ...ERROR_RESPONSES } },
    },
    async () => ({ connections: await connections.list() }),
  );
  app.post(
    ROUTES.connections,
    {
      onRequest,
      schema: {
        tags,
        security,
        body: InitiateConnectionRequestSchema,
        response: { 201: InitiateConnectionResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const result = await connections.initiate(request.body, accessTokenOf(request) ?? "");
      request.log.info(
        { connectionId: result.connection.id, userId: request.actingUser?.id },
        "connection initiated",
      );
      return reply.status(201).send(result);
    },
  );
  app.get(
    ROUTES.connection,
    {
      onRequest,
      schema: { tags, security, params, response: { 200: ConnectionSchema, ...ERROR_RESPONSES } },
    },
    (request) => connections.get(request.params.id),
  );
  app.patch(
    ROUTES.connection,
    {
      onRequest,
      schema: {
        tags,
        security,
        params,
        body: UpdateConnectionRequestSchema,
        response: { 200: ConnectionSchema, ...ERROR_RESPONSES },
      },
    },
    (request) => connections.update(request.params.id, request.body, accessTokenOf(request) ?? ""),
  );
  app.delete(
    ROUTES.connection,
    {
      onRequest,
      schema: { tags, security, params, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await connections.delete(request.params.id);
      request.log.info(
        { connectionId: request.params.id, userId: request.actingUser?.id },
        "connection deleted",
      );
      return reply.status(204).send(null);
    },
  );
  for (const [route, active] of [
    [ROUTES.connectionActivate, true],
    [ROUTES.connectionDeactivate, false],
  ] as const) {
    app.post(
      route,
      {
        onRequest,
        schema: { tags, security, params, response: { 200: ConnectionSchema, ...ERROR_RESPONSES } },
      },
      (request) => connections.setActive(request.params.id, active),
    );
  }
}
