/**
 * Node-to-node transport (issue 6; design.md "Trust", "Sync model"): the acceptance
 * handshake, the `/transport/v1` routes, and the worker that pushes, long-polls and confirms.
 *
 * Wiring (app.ts / main.ts): `createTransport(deps, options)`; put `transport.lifecycle` into
 * the `ConnectionContext`; `await transport.register(app)` before `app.ready()`; after
 * `listen`, `await transport.start()`. Closing the app aborts long-polls (preClose) and stops
 * the worker and the PostgreSQL listener (onClose).
 */
import type { FastifyBaseLogger } from "fastify";

import type { ConnectionLifecycle } from "../connections/connection-context";
import type { SecretBox } from "../crypto/secret-box";
import type { NodeApp } from "../http/node-app";
import type { IssuerContext } from "../connections/invitation-issuer";
import { startSignalListener } from "../queue/sync-queue";
import type { Store } from "../storage/store";
import { registerHandshakeRoutes } from "../connections/handshake-routes";
import { proxyAwareFetch } from "./transport-client";
import {
  DEFAULT_TRANSPORT_SETTINGS,
  type HttpFetch,
  realSleep,
  type Sleep,
  type TransportContext,
  type TransportSettings,
} from "./transport-context";
import { TRANSPORT_PREFIX } from "./transport-contract";
import { transportLifecycle } from "../connections/connection-lifecycle";
import { keepRawJsonBodies, registerTransportRoutes } from "./transport-routes";
import { TransportWorker } from "./transport-worker";

/** What the transport needs from the node. */
export interface TransportDeps {
  store: Store;
  box: SecretBox;
  issuer: IssuerContext;
  now: () => number;
  log: FastifyBaseLogger;
  /** DATABASE_URL, for the PostgreSQL LISTEN connection. */
  databaseUrl: string;
}

/** Test and tuning hooks. */
export interface TransportOptions {
  /** Outbound HTTP (Default: undici fetch through HTTPS_PROXY/HTTP_PROXY). */
  fetch?: HttpFetch;
  /** Backoff waits (Default: real time). */
  sleep?: Sleep;
  settings?: Partial<TransportSettings>;
}

/** The transport of one node. */
export interface Transport {
  readonly context: TransportContext;
  readonly lifecycle: ConnectionLifecycle;
  /** Registers the `/transport/v1` routes and the shutdown hooks on `app`. */
  register(app: NodeApp): Promise<void>;
  /** Starts the worker (and the PostgreSQL listener). */
  start(): Promise<void>;
  /** Aborts long-polls and loops; waits for the loops to end. Idempotent. */
  stop(): Promise<void>;
}

/** Creates the transport of a node. */
export function createTransport(deps: TransportDeps, options: TransportOptions = {}): Transport {
  const shutdown = new AbortController();
  const context: TransportContext = {
    store: deps.store,
    box: deps.box,
    issuer: deps.issuer,
    now: deps.now,
    log: deps.log,
    fetch: options.fetch ?? proxyAwareFetch,
    sleep: options.sleep ?? realSleep,
    settings: { ...DEFAULT_TRANSPORT_SETTINGS, ...options.settings },
    shutdown: shutdown.signal,
  };
  const worker = new TransportWorker(context);
  let stopListener: (() => Promise<void>) | undefined;
  const stop = async (): Promise<void> => {
    shutdown.abort();
    await worker.stopped();
    await stopListener?.();
    stopListener = undefined;
  };
  return {
    context,
    lifecycle: transportLifecycle(context),
    register: async (app) => {
      await app.register(
        async (scope) => {
          keepRawJsonBodies(scope);
          registerHandshakeRoutes(scope, context);
          registerTransportRoutes(scope, context);
        },
        { prefix: TRANSPORT_PREFIX },
      );
      app.addHook("preClose", async () => shutdown.abort());
      app.addHook("onClose", stop);
    },
    start: async () => {
      if (deps.store.capabilities.listenNotify && !stopListener) {
        stopListener = await startSignalListener(deps.databaseUrl, (error) =>
          deps.log.warn({ err: error }, "sync queue listener failed"),
        );
      }
      worker.start();
    },
    stop,
  };
}
