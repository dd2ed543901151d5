/** The Fastify instance type of the sync node (TypeBox type provider) and route options. */
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";

import { ErrorBodySchema } from "../../shared/contracts/error-body";

/** The sync node's Fastify app, typed by its TypeBox schemas. */
export type NodeApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Error responses every hub API route documents in the OpenAPI document. */
export const ERROR_RESPONSES = {
  "4xx": ErrorBodySchema,
  "5xx": ErrorBodySchema,
} as const;

/** OpenAPI security requirement of hub API routes: app token, plus access token for admins. */
export const APP_TOKEN_SECURITY = [{ appToken: [] }];
export const ADMIN_SECURITY = [{ appToken: [], accessToken: [] }];
