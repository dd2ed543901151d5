/**
 * Serves the built hub (dist/hub) on its own origin, as the Marketplace CDN does for a
 * published extension (https://{publisher}.gallerycdn.vsassets.io): the host page frames it
 * cross-origin, so the frame protocol and CORS behave as in production.
 */
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";

/** Builds the static server of `hubDir` (not listening yet). */
export function buildHubStaticServer(hubDir: string): FastifyInstance {
  const app = Fastify({ logger: false });
  void app.register(fastifyStatic, {
    root: hubDir,
    // The hub is rebuilt while the dev host runs: never let the browser keep a stale copy.
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders: (res) => {
      void res.setHeader("Cache-Control", "no-cache");
    },
  });
  return app;
}
