/**
 * The dev host's page server: Organization settings pages framing the hub, the token and
 * extension data endpoints the page script uses, and the Boards pages.
 */
import Fastify, { type FastifyInstance } from "fastify";

import { registerBoardsRoutes } from "../boards/boards-routes";
import { registerExtensionDataRoutes } from "../extension-data/extension-data-routes";
import { type HostRouteDeps, registerHostRoutes } from "./host-routes";

/** Builds the page server (not listening yet). */
export function buildHostServer(deps: HostRouteDeps): FastifyInstance {
  const app = Fastify({ logger: false });
  app.register(async (scoped) => {
    registerHostRoutes(scoped, deps);
    registerExtensionDataRoutes(scoped, deps.organizations);
    registerBoardsRoutes(scoped, deps.organizations);
  });
  return app;
}
