/**
 * Invitation routes of the hub API: a connection's invitation code (get, regenerate) on the
 * initiating node; inspect and accept a pasted code on the accepting node. All need the app
 * token and an administrator's access token.
 */
import { ConnectionIdParamsSchema, InvitationCodeSchema } from "../../shared/contracts/connection";
import {
  AcceptInvitationRequestSchema,
  AcceptInvitationResponseSchema,
  InspectInvitationRequestSchema,
  InvitationPreviewSchema,
} from "../../shared/contracts/invitation";
import { ROUTES } from "../../shared/contracts/routes";
import { accessTokenOf, type AuthHooks } from "../auth/request-auth";
import { ADMIN_SECURITY, ERROR_RESPONSES, type NodeApp } from "../http/node-app";
import type { InvitationService } from "./invitation-service";

const tags = ["invitations"];
const security = ADMIN_SECURITY;
const params = ConnectionIdParamsSchema;

/** Registers the invitation routes. */
export function registerInvitationRoutes(
  app: NodeApp,
  auth: AuthHooks,
  invitations: InvitationService,
): void {
  const onRequest = auth.requireAdmin;
  const codeResponse = { 200: InvitationCodeSchema, ...ERROR_RESPONSES };
  app.get(
    ROUTES.connectionInvitation,
    { onRequest, schema: { tags, security, params, response: codeResponse } },
    (request) => invitations.current(request.params.id),
  );
  app.post(
    ROUTES.connectionInvitation,
    { onRequest, schema: { tags, security, params, response: codeResponse } },
    (request) => invitations.regenerate(request.params.id),
  );
  app.post(
    ROUTES.invitationInspect,
    {
      onRequest,
      schema: {
        tags,
        security,
        body: InspectInvitationRequestSchema,
        response: { 200: InvitationPreviewSchema, ...ERROR_RESPONSES },
      },
    },
    (request) => invitations.inspect(request.body.invitationCode),
  );
  app.post(
    ROUTES.invitationAccept,
    {
      onRequest,
      schema: {
        tags,
        security,
        body: AcceptInvitationRequestSchema,
        response: { 201: AcceptInvitationResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const connection = await invitations.accept(request.body, accessTokenOf(request) ?? "");
      request.log.info(
        { connectionId: connection.id, userId: request.actingUser?.id },
        "invitation accepted",
      );
      return reply.status(201).send({ connection });
    },
  );
}
