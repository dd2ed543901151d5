/**
 * Node-to-node transport (docs/architecture.md#trust-model, #sync-model): the `/transport/v1`
 * event routes and the worker that pushes, long-polls and drives the handshake confirmation.
 * It carries events over a link; the connection lifecycle (handshake, secret) lives in
 * connections/ and reaches the transport only through `TransportConnections`.
 *
 * Wiring (app.ts / main.ts): `createTransport(deps, options)`; give
 * `connectionLifecycle(transport.context)` to the `ConnectionContext`;
 * `await transport.register(app, registerHandshakeRoutes)` before `app.ready()`; after
 * `listen`, `await transport.start()`. Closing the app aborts long-polls (preClose) and stops
 * the worker and the PostgreSQL listener (onClose).
 */
import type { FastifyBaseLogger } from "fastify";

import type { SecretBox } from "../crypto/secret-box";
import type { NodeApp } from "../http/node-app";
import type { IssuerContext } from "../node-settings/node-identity";
import { startSignalListener } from "../queue/sync-queue";
import type { Store } from "../storage/store";
import { proxyAwareFetch } from "./transport-client";
import type { TransportConnections } from "./transport-connections";
import {
  DEFAULT_TRANSPORT_SETTINGS,
  type HttpFetch,
  realSleep,
  type Sleep,
  type TransportContext,
  type TransportSettings,
} from "./transport-context";
import { TRANSPORT_PREFIX } from "./transport-contract";
import { keepRawJsonBodies, registerTransportRoutes } from "./transport-routes";
import { TransportWorker } from "./transport-worker";

/** What the transport needs from the node. */
export interface TransportDeps {
  store: Store;
  box: SecretBox;
  issuer: IssuerContext;
  /** Connection lookups and secrets (connections/connection-links.ts). */
  connections: TransportConnections;
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
  /**
   * Registers the `/transport/v1` routes and the shutdown hooks on `app`. `mount` adds more
   * routes under the same prefix, with the raw bodies that tokens cover (the connections
   * slice's handshake routes).
   */
  register(
    app: NodeApp,
    mount?: (scope: NodeApp, context: TransportContext) => void,
  ): Promise<void>;
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
    connections: deps.connections,
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
    register: async (app, mount) => {
      await app.register(
        async (scope) => {
          keepRawJsonBodies(scope);
          mount?.(scope, context);
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
