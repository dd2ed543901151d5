/**
 * Fastify hooks that authenticate hub API requests (docs/architecture.md#trust-model):
 * - `requireAppToken`: the extension app token in `Authorization: Bearer` (every hub call);
 * - `requireAdmin`: additionally the user's access token in `X-AzDO-Access-Token`, checked
 *   against Azure DevOps (member and Project Collection Administrator). The acting user is
 *   set on the request from that check only, never from request fields.
 */
import type { FastifyRequest, onRequestAsyncHookHandler } from "fastify";

import { ACCESS_TOKEN_HEADER } from "../../shared/contracts/routes";
import type { AdoUser } from "../ado/ado-identity";
import type { AdminVerifier } from "./admin-verifier";
import type { AppTokenVerifier } from "./app-token-verifier";

declare module "fastify" {
  interface FastifyRequest {
    /** The verified administrator making a hub API call (set by `requireAdmin`). */
    actingUser?: AdoUser;
  }
}

/** The access token header of `request`, if one single value was sent. */
export function accessTokenOf(request: FastifyRequest): string | undefined {
  const value = request.headers[ACCESS_TOKEN_HEADER];
  return typeof value === "string" ? value.trim() || undefined : undefined;
}

/** The authentication hooks for one app. */
export interface AuthHooks {
  readonly requireAppToken: onRequestAsyncHookHandler;
  readonly requireAdmin: onRequestAsyncHookHandler;
}

/** Creates the hooks over the two verifiers. Failures throw catalogued `SyncError`s. */
export function createAuthHooks(appTokens: AppTokenVerifier, admins: AdminVerifier): AuthHooks {
  const requireAppToken: onRequestAsyncHookHandler = async (request) => {
    await appTokens.verify(request.headers.authorization);
  };
  const requireAdmin: onRequestAsyncHookHandler = async (request) => {
    await appTokens.verify(request.headers.authorization);
    request.actingUser = await admins.verify(accessTokenOf(request));
  };
  return { requireAppToken, requireAdmin };
}
