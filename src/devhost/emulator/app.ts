/**
 * The emulator's fastify app: CORS for the hub's origin (any http://localhost or 127.0.0.1
 * port), the organization routes under `/{organization}`, and the dev-only control routes
 * under `/_emulator`. Errors are answered in the service's shape (`ado-errors.ts`).
 */
import cors from "@fastify/cors";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";

import {
  AdoError,
  attachmentTooLarge,
  contentTypeNotSupported,
  invalidArgument,
  routeNotFound,
} from "./ado-errors";
import type { OrgSettings } from "./context";
import { type ControlHandlers, registerControl } from "./control";
import { registerOrgRoutes } from "./org-routes";

/** Loopback origins the hub and dev host pages are served from. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

function toAdoError(error: FastifyError, url: string, settings: OrgSettings): AdoError {
  if (error instanceof AdoError) return error;
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return attachmentTooLarge(settings.attachmentMaxBytes);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return contentTypeNotSupported(String(error.message.split("'")[1] ?? ""), "POST");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return invalidArgument("The request body is not valid JSON.");
  }
  if (error.statusCode === 404) return routeNotFound(url);
  if (error.statusCode && error.statusCode < 500) return invalidArgument(error.message);
  return new AdoError(
    500,
    "VssServiceException",
    `VS800000: ${error.message}`,
    "Microsoft.VisualStudio.Services.WebApi.VssServiceException, Microsoft.VisualStudio.Services.WebApi",
  );
}

/** Builds the app (no listen), for `startEmulator` and for in-process tests. */
export async function buildEmulatorApp(
  settings: OrgSettings,
  control: ControlHandlers,
  baseDelayMs = 0,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
    // Attachments stream up to the configured limit; anything larger is VS403313.
    bodyLimit: settings.attachmentMaxBytes,
  });
  await app.register(cors, {
    origin: (origin, cb) => cb(null, !origin || LOCAL_ORIGIN.test(origin) || origin === "null"),
    allowedHeaders: [
      "Authorization",
      "Content-Type",
      "Accept",
      "X-TFS-FedAuthRedirect",
      "X-VSS-ReauthenticationAction",
      "X-TFS-Session",
    ],
    exposedHeaders: [
      "Retry-After",
      "X-RateLimit-Resource",
      "X-RateLimit-Delay",
      "X-RateLimit-Limit",
      "X-RateLimit-Remaining",
      "X-RateLimit-Reset",
      "ActivityId",
    ],
    methods: ["GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"],
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const ado = toAdoError(error, request.url, settings);
    return reply.code(ado.status).type("application/json; charset=utf-8").send(ado.toBody());
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(routeNotFound(request.url).toBody()),
  );
  await app.register(async (control_) => registerControl(control_, control), {
    prefix: "/_emulator",
  });
  await app.register(async (org) => registerOrgRoutes(org, settings, baseDelayMs), {
    prefix: `/${settings.organization}`,
  });
  return app;
}
