/**
 * `buildApp(deps)`: the sync node's Fastify app with every route, plugin and the error
 * handler, without listening (main.ts listens; tests use `app.inject()`).
 */
import { randomUUID } from "node:crypto";

import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";

import { ROUTES } from "../shared/contracts/routes";
import { AdoIdentityClient } from "./ado/ado-identity";
import { AdminVerifier } from "./auth/admin-verifier";
import { AppTokenVerifier } from "./auth/app-token-verifier";
import { createAuthHooks } from "./auth/request-auth";
import type { NodeConfig } from "./config";
import type { ConnectionContext } from "./connections/connection-context";
import { connectionLifecycle } from "./connections/connection-lifecycle";
import { connectionLinks } from "./connections/connection-links";
import { registerConnectionRoutes } from "./connections/connection-routes";
import { ConnectionService } from "./connections/connection-service";
import { registerHandshakeRoutes } from "./connections/handshake-routes";
import { registerInvitationRoutes } from "./connections/invitation-routes";
import { InvitationService } from "./connections/invitation-service";
import { registerScriptRoutes } from "./connections/script-routes";
import { ScriptService } from "./connections/script-service";
import type { SecretBox } from "./crypto/secret-box";
import { errorBody, handleClientError, installErrorHandler } from "./http/error-handler";
import { rejectNulCharacters } from "./http/input-guard";
import type { NodeApp } from "./http/node-app";
import { registerNodeRoutes } from "./http/node-routes";
import { registerNodeCredentialRoutes } from "./node-settings/node-credential-routes";
import { loadNodeIdentity } from "./node-settings/node-identity";
import { NODE_SETTING_KEYS, readSetting } from "./node-settings/node-settings-repository";
import { logOptions } from "./observability/log-options";
import { createMetrics, type NodeMetrics } from "./observability/metrics";
import type { Store } from "./storage/store";
import { registerBulkSyncRoutes } from "./sync/bulk-sync-routes";
import { registerSyncRoutes } from "./sync/sync-routes";
import { createSyncServices, type SyncServices } from "./sync/sync-services";
import { createTransport, type Transport, type TransportOptions } from "./transport/transport";
import { registerTriggerRoutes } from "./triggers/trigger-routes";

/**
 * 1 MiB: room for two 200,000-character scripts in one body, small enough that a flood of
 * bodies cannot exhaust memory.
 */
const BODY_LIMIT_BYTES = 1024 * 1024;
/**
 * A whole request must arrive within 60 s (Node's default is 300 s): a client trickling bytes
 * cannot hold a connection for long. Longer than the transport's long poll (at most 25 s of
 * waiting, which is time after the request arrived, not before).
 */
const REQUEST_TIMEOUT_MS = 60_000;

/** Rate limit per client address. */
export interface RateLimitOptions {
  /** Requests allowed per window. */
  max: number;
  /** Window length in ms. */
  timeWindowMs: number;
}

/**
 * 600 requests a minute per address: a hub page makes a handful of calls per action, so only a
 * runaway script or an attack reaches it; behind one proxy all users share an address, hence
 * the generous value.
 */
const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, timeWindowMs: 60_000 };

/** What `buildApp` needs. */
export interface AppDeps {
  config: NodeConfig;
  /** An open, migrated store. */
  store: Store;
  /** Secret box under the master key. */
  secretBox: SecretBox;
  /** A pino logger to use (Default: one built from `config.logLevel`, with redaction). */
  logger?: FastifyBaseLogger;
  /** Clock in epoch ms (Default: `Date.now`). */
  now?: () => number;
  /** (Default: 600 requests per minute per address.) */
  rateLimit?: RateLimitOptions;
  /** Node-to-node transport hooks (outbound HTTP, backoff clock, settings). */
  transport?: TransportOptions;
}

/** The built app and what tests may want to look at. */
export interface BuiltApp {
  app: NodeApp;
  metrics: NodeMetrics;
  /** The sync engine and its services; `main.ts` starts the engine, `app.close()` stops it. */
  sync: SyncServices;
  /** Node-to-node transport: main.ts starts its worker after `listen`. */
  transport: Transport;
}

/**
 * Builds the sync node app: loads (creating on first start) the node identity, registers
 * plugins, the error handler and every route of `ROUTES`.
 */
export async function buildApp(deps: AppDeps): Promise<NodeApp> {
  return (await buildAppWithInternals(deps)).app;
}

/** Like `buildApp`, also returning internals (metrics). */
export async function buildAppWithInternals(deps: AppDeps): Promise<BuiltApp> {
  const now = deps.now ?? Date.now;
  const { config, store } = deps;
  const app = createFastify(deps);
  const metrics = createMetrics();
  installErrorHandler(app);
  app.addHook("preValidation", rejectNulCharacters);
  recordMetrics(app, metrics);
  await registerPlugins(app, deps);

  const identity = await loadNodeIdentity(store.db, deps.secretBox, now());
  const ado = config.organizationUrl
    ? new AdoIdentityClient({ organizationUrl: config.organizationUrl })
    : null;
  const issuer = { identity, publicUrl: config.publicUrl, ttlMs: config.invitationTtlMs };
  const transport = createTransport(
    {
      store,
      box: deps.secretBox,
      issuer,
      connections: connectionLinks,
      now,
      log: app.log,
      databaseUrl: config.databaseUrl,
    },
    deps.transport,
  );
  const context: ConnectionContext = {
    store,
    box: deps.secretBox,
    issuer,
    ado,
    now,
    lifecycle: connectionLifecycle(transport.context),
  };
  const auth = createAuthHooks(
    new AppTokenVerifier(config.appSecrets),
    new AdminVerifier(ado, now),
  );
  const hasSyncCredential = async () =>
    config.syncPat !== null ||
    (await readSetting(store.db, deps.secretBox, NODE_SETTING_KEYS.syncPat)) !== undefined;
  registerNodeRoutes(app, { config, store, metrics, hasSyncCredential });
  registerConnectionRoutes(app, auth, new ConnectionService(context));
  registerInvitationRoutes(app, auth, new InvitationService(context));
  const sync = createSyncServices({ config, store, box: deps.secretBox, logger: app.log, now });
  registerScriptRoutes(
    app,
    auth,
    new ScriptService(context, (script) => sync.context.scripts.checkSyntax(script)),
  );
  app.addHook("onClose", () => sync.close());
  registerTriggerRoutes(app, auth, sync);
  registerBulkSyncRoutes(app, auth, sync);
  registerSyncRoutes(app, auth, sync);
  registerNodeCredentialRoutes(app, auth, sync.credential);
  await transport.register(app, registerHandshakeRoutes);
  app.get(ROUTES.openapi, { schema: { hide: true } }, () => app.swagger());
  await app.ready();
  return { app, metrics, transport, sync };
}

function createFastify(deps: AppDeps): NodeApp {
  const logging = deps.logger
    ? { loggerInstance: deps.logger }
    : { logger: logOptions(deps.config.logLevel) };
  return Fastify({
    ...logging,
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    clientErrorHandler: handleClientError,
    genReqId: () => randomUUID(),
    // Errors fastify raises before routing (e.g. FST_ERR_BAD_URL for a broken %-escape) skip
    // the error handler; give them a catalogued code too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const body = errorBody("SYNC_ERR_REQUEST_INVALID", request.id, undefined, {
        reason: error.code,
      });
      void reply.status(body.statusCode).send(body);
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
}

async function registerPlugins(app: NodeApp, deps: AppDeps): Promise<void> {
  const origins = new Set(deps.config.corsOrigins);
  await app.register(cors, {
    // An absent Origin (same-origin, curl) needs no CORS headers; "null" comes from the
    // sandboxed iframes of Azure DevOps Server (no allow-same-origin, so no real origin).
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    allowedHeaders: ["authorization", "content-type", "x-azdo-access-token"],
    // 10 minutes: fewer preflights from the hub, while a changed allow-list applies soon.
    maxAge: 600,
  });
  const limit = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  await app.register(rateLimit, {
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    errorResponseBuilder: (request) => ({
      ...errorBody("SYNC_ERR_RATE_LIMITED", request.id),
      statusCode: 429,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "Sync node API", version: "1.0.0" },
      components: {
        securitySchemes: {
          appToken: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
          accessToken: { type: "apiKey", in: "header", name: "X-AzDO-Access-Token" },
          transportToken: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        },
      },
    },
  });
}

function recordMetrics(app: NodeApp, metrics: NodeMetrics): void {
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "(unmatched)";
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}
