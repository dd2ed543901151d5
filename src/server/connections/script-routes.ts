/** Script routes of the hub API: read and replace a connection's outgoing/incoming scripts. */
import {
  ConnectionIdParamsSchema,
  ConnectionScriptsSchema,
} from "../../shared/contracts/connection";
import { ROUTES } from "../../shared/contracts/routes";
import type { AuthHooks } from "../auth/request-auth";
import { ADMIN_SECURITY, ERROR_RESPONSES, type NodeApp } from "../http/node-app";
import type { ScriptService } from "./script-service";

const tags = ["scripts"];
const security = ADMIN_SECURITY;
const params = ConnectionIdParamsSchema;

/** Registers the script routes. */
export function registerScriptRoutes(app: NodeApp, auth: AuthHooks, scripts: ScriptService): void {
  const onRequest = auth.requireAdmin;
  const response = { 200: ConnectionScriptsSchema, ...ERROR_RESPONSES };
  app.get(
    ROUTES.connectionScripts,
    { onRequest, schema: { tags, security, params, response } },
    (request) => scripts.get(request.params.id),
  );
  app.put(
    ROUTES.connectionScripts,
    { onRequest, schema: { tags, security, params, body: ConnectionScriptsSchema, response } },
    (request) => scripts.save(request.params.id, request.body),
  );
}
