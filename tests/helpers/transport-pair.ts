/**
 * Two real sync nodes on loopback for transport tests, each with its own database (same
 * dialect), fake Azure DevOps organization and port:
 *
 * - A (contoso) is public: its PUBLIC_URL is a `TcpProxy` in front of it, so a test can cut
 *   the link and restart A on a new port behind the same URL.
 * - B (fabrikam) is private: no PUBLIC_URL. Its port is never given to A; the test counts the
 *   TCP connections B's server accepts (none expected) and records A's outbound requests.
 *
 * Both share a simulated clock (sim-clock.ts) for tokens and backoff.
 */
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";

import pino from "pino";

import { buildAppWithInternals } from "../../src/server/app";
import { loadConfig } from "../../src/server/config";
import { SecretBox } from "../../src/server/crypto/secret-box";
import type { NodeApp } from "../../src/server/http/node-app";
import { openNodeStore } from "../../src/server/node-store";
import type { Store, StoreDialect } from "../../src/server/storage/store";
import type { Transport } from "../../src/server/transport/transport";
import { proxyAwareFetch } from "../../src/server/transport/transport-client";
import type { TransportSettings } from "../../src/server/transport/transport-context";
import { APP_SECRET, signAppToken } from "./app-tokens";
import { ADMIN_TOKEN, type FakeAdo, startFakeAdo } from "./fake-ado-identity";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";
import { TestClock } from "./test-clock";
import { createTestDatabase } from "./with-store";

/**
 * Short waits keep the tests quick: a 1.5 s long-poll (25 s in production), and the worker
 * re-reads its connections every 100 ms.
 */
export const TEST_TRANSPORT_SETTINGS: Partial<TransportSettings> = {
  longPollMs: 1_500,
  recheckMs: 100,
  superviseMs: 100,
  errorAfterFailures: 3,
  requestTimeoutMs: 5_000,
};

/** One running node of the pair. */
export interface PairNode {
  readonly name: string;
  store: Store;
  app: NodeApp;
  transport: Transport;
  port: number;
  box: SecretBox;
  /** Every URL this node's transport requested, across restarts. */
  readonly outbound: string[];
  /** TCP connections its server accepted, across restarts. */
  accepted: number;
  /** A hub API call as an administrator (in-process: no TCP connection). */
  hub(method: "GET" | "POST" | "DELETE", url: string, payload?: object): Promise<HubAnswer>;
}

/** Status code and JSON body of a hub call. */
export interface HubAnswer {
  statusCode: number;
  body: Record<string, unknown>;
}

interface NodeSetup {
  name: string;
  databaseUrl: string;
  publicUrl: string | null;
  ado: FakeAdo;
  clock: TestClock;
}

async function startNode(setup: NodeSetup, node?: PairNode): Promise<PairNode> {
  const config = loadConfig({
    EXALATE_APP_SECRET: APP_SECRET,
    AZDO_ORG_URL: setup.ado.url,
    DATABASE_URL: setup.databaseUrl,
    PUBLIC_URL: setup.publicUrl ?? "",
    LOG_LEVEL: "silent",
  });
  const store = openNodeStore(setup.databaseUrl);
  await store.migrate();
  const box = new SecretBox(createHash("sha256").update(setup.name).digest());
  const outbound = node?.outbound ?? [];
  const { app, transport } = await buildAppWithInternals({
    config,
    store,
    secretBox: box,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    now: setup.clock.now,
    transport: {
      fetch: (url, init) => {
        outbound.push(url);
        return proxyAwareFetch(url, init);
      },
      sleep: setup.clock.sleep,
      settings: TEST_TRANSPORT_SETTINGS,
    },
  });
  const current: PairNode = node ?? {
    name: setup.name,
    outbound,
    accepted: 0,
    hub: async (method, url, payload) => {
      const response = await current.app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${await signAppToken()}`,
          "x-azdo-access-token": ADMIN_TOKEN,
        },
        ...(payload ? { payload } : {}),
      });
      return { statusCode: response.statusCode, body: response.body ? response.json() : {} };
    },
    store,
    app,
    transport,
    port: 0,
    box,
  };
  Object.assign(current, { store, app, transport, box });
  app.server.on("connection", () => {
    current.accepted += 1;
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  current.port = (app.server.address() as AddressInfo).port;
  await transport.start();
  return current;
}

/** Stops a node abruptly: open connections are dropped, then the app and store close. */
async function killNode(node: PairNode): Promise<void> {
  node.app.server.closeAllConnections();
  await node.app.close();
  await node.store.close();
}

/** The pair and its controls. */
export interface TransportPair {
  a: PairNode;
  b: PairNode;
  proxy: TcpProxy;
  clock: TestClock;
  /** Kills A and starts it again on its database, behind the same URL. */
  restartA(): Promise<void>;
  /** Kills B and starts it again on its database. */
  restartB(): Promise<void>;
  /** Kills a node (it stays down until `restart*`). */
  killA(): Promise<void>;
  killB(): Promise<void>;
  dispose(): Promise<void>;
}

/** Starts the pair on fresh `dialect` databases. */
export async function startTransportPair(dialect: StoreDialect): Promise<TransportPair> {
  const clock = TestClock.fromRealTime();
  const [dbA, dbB] = await Promise.all([createTestDatabase(dialect), createTestDatabase(dialect)]);
  const [adoA, adoB] = await Promise.all([startFakeAdo("contoso"), startFakeAdo("fabrikam")]);
  const proxy = await startTcpProxy(1);
  const setupA: NodeSetup = {
    name: "contoso",
    databaseUrl: dbA.databaseUrl,
    publicUrl: proxy.url,
    ado: adoA,
    clock,
  };
  const setupB: NodeSetup = {
    name: "fabrikam",
    databaseUrl: dbB.databaseUrl,
    publicUrl: null,
    ado: adoB,
    clock,
  };
  const a = await startNode(setupA);
  proxy.setTarget(a.port);
  const b = await startNode(setupB);
  const down = new Set<PairNode>();
  const kill = async (node: PairNode): Promise<void> => {
    if (down.has(node)) return;
    down.add(node);
    await killNode(node);
  };
  const restart = async (node: PairNode, setup: NodeSetup): Promise<void> => {
    await kill(node);
    await startNode(setup, node);
    down.delete(node);
    if (node === a) proxy.setTarget(a.port);
  };
  return {
    a,
    b,
    proxy,
    clock,
    restartA: () => restart(a, setupA),
    restartB: () => restart(b, setupB),
    killA: () => kill(a),
    killB: () => kill(b),
    dispose: async () => {
      await Promise.all([kill(a), kill(b)]);
      await proxy.close();
      await Promise.all([adoA.close(), adoB.close(), dbA.drop(), dbB.drop()]);
    },
  };
}

/** Polls `check` every 50 ms until it returns true. @throws after `timeoutMs` */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 45_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
