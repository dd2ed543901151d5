/** The handshake routes of the transport API (transport-contract.ts). */
import type { NodeApp } from "../http/node-app";
import { ERROR_RESPONSES } from "../http/node-app";
import { rawBodies } from "../transport/transport-auth";
import type { TransportContext } from "../transport/transport-context";
import {
  ConfirmRequestSchema,
  ConfirmResponseSchema,
  RedeemRequestSchema,
  RedeemResponseSchema,
  TRANSPORT_ROUTES,
} from "../transport/transport-contract";
import { answerConfirm } from "./handshake-confirm";
import { redeemInvitation } from "./handshake-redeem";

const tags = ["transport"];

/** Registers `handshake/redeem` and `handshake/confirm` on `scope`. */
export function registerHandshakeRoutes(scope: NodeApp, context: TransportContext): void {
  scope.post(
    TRANSPORT_ROUTES.redeem,
    {
      schema: {
        tags,
        body: RedeemRequestSchema,
        response: { 200: RedeemResponseSchema, ...ERROR_RESPONSES },
      },
    },
    (request) => redeemInvitation(context, request.body),
  );
  scope.post(
    TRANSPORT_ROUTES.confirm,
    {
      schema: {
        tags,
        security: [{ transportToken: [] }],
        body: ConfirmRequestSchema,
        response: { 200: ConfirmResponseSchema, ...ERROR_RESPONSES },
      },
    },
    (request) =>
      answerConfirm(
        context,
        request.headers.authorization,
        {
          method: request.method,
          pathAndQuery: request.url,
          body: rawBodies.get(request) ?? Buffer.alloc(0),
        },
        request.body,
      ),
  );
}
