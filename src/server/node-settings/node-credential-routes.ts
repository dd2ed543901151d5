/**
 * Node settings routes: the background-sync credential. `PUT` verifies the PAT
 * against Azure DevOps before storing it (sealed); neither route ever returns the token.
 */
import {
  NodeCredentialInputSchema,
  NodeCredentialStatusSchema,
} from "../../shared/contracts/node-credential";
import { ROUTES } from "../../shared/contracts/routes";
import type { AuthHooks } from "../auth/request-auth";
import { ADMIN_SECURITY, ERROR_RESPONSES, type NodeApp } from "../http/node-app";
import type { NodeCredentialService } from "./node-credential-service";

const tags = ["node"];
const security = ADMIN_SECURITY;

/** Registers GET/PUT of the node credential. */
export function registerNodeCredentialRoutes(
  app: NodeApp,
  auth: AuthHooks,
  credential: NodeCredentialService,
): void {
  const onRequest = auth.requireAdmin;
  const response = { 200: NodeCredentialStatusSchema, ...ERROR_RESPONSES };
  app.get(ROUTES.nodeCredential, { onRequest, schema: { tags, security, response } }, () =>
    credential.status(),
  );
  app.put(
    ROUTES.nodeCredential,
    { onRequest, schema: { tags, security, body: NodeCredentialInputSchema, response } },
    (request) => credential.save(request.body),
  );
}
