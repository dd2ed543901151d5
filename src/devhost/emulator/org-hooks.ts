/**
 * Hooks every organization route runs, in the service's order: injected faults (latency,
 * throttling, 5xx), authentication, api-version, PAT scope; and on the way out, `Retry-After`
 * on a 200 and dropped connections.
 */
import { setTimeout as sleep } from "node:timers/promises";

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import { requestBlocked, serverFault } from "./ado-errors";
import { acceptOptions, checkApiVersion } from "./api-version";
import { authenticate, requireScope } from "./auth";
import type { OrgSettings } from "./context";
import { type ActiveFault, rateLimitHeaders } from "./faults";

const PRE_FAULTS = ["latency", "throttle", "serverError"] as const;

/** Decides the request-time faults; returns true when the request was answered. */
async function applyPreFaults(
  settings: OrgSettings,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  const path = request.url.split("?")[0];
  const fault = settings.faults.take(PRE_FAULTS, request.method, path);
  if (!fault) return false;
  switch (fault.kind) {
    case "latency":
      await sleep(fault.delayMs ?? 0);
      return false;
    case "throttle": {
      const error = requestBlocked();
      const headers =
        fault.retryAfterSeconds === undefined ? {} : rateLimitHeaders(fault.retryAfterSeconds);
      await reply.code(429).headers(headers).send(error.toBody());
      return true;
    }
    case "serverError": {
      const status = fault.status ?? 503;
      const headers =
        fault.retryAfterSeconds === undefined
          ? {}
          : { "Retry-After": String(fault.retryAfterSeconds) };
      await reply.code(status).headers(headers).send(serverFault(status).toBody());
      return true;
    }
  }
  return false;
}

/** Registers the hooks on the organization plugin. */
export function registerOrgHooks(app: FastifyInstance, settings: OrgSettings, baseDelayMs: number) {
  app.decorateRequest("ado");

  app.addHook("onRequest", async (request, reply) => {
    if (request.method === "OPTIONS") return;
    if (baseDelayMs > 0) await sleep(baseDelayMs);
    if (await applyPreFaults(settings, request, reply)) return reply;
    const baseUrl = `http://${request.headers.host ?? "127.0.0.1"}/${settings.organization}`;
    const caller = authenticate(settings.store, request.headers.authorization, baseUrl);
    const config = request.routeOptions.config;
    const query = request.query as Record<string, string | undefined>;
    const apiVersion = checkApiVersion({
      method: request.method,
      query: query["api-version"],
      accept: request.headers.accept,
      product: settings.product,
      preview: config.preview,
      optional: config.versionOptional,
    });
    requireScope(caller, config.scope);
    request.ado = {
      caller,
      apiVersion,
      noArrayWrap: acceptOptions(request.headers.accept).noArrayWrap,
      baseUrl,
    };
  });

  app.addHook("onSend", async (request, reply, payload) => {
    // Only successful answers carry these faults: the write must have happened.
    if (request.method === "OPTIONS" || reply.statusCode >= 400) return payload;
    const path = request.url.split("?")[0];
    const fault: ActiveFault | undefined = settings.faults.take(
      ["retryAfterOn200", "dropAfterApply"],
      request.method,
      path,
    );
    if (fault?.kind === "retryAfterOn200")
      reply.headers(rateLimitHeaders(fault.retryAfterSeconds ?? 1));
    if (fault?.kind === "dropAfterApply") request.raw.socket.destroy();
    return payload;
  });
}
