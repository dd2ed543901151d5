/**
 * Builds a sync node app for tests on a fresh store of one dialect, with a fake Azure DevOps
 * organization and signed headers, and removes everything afterwards.
 */
import type { FastifyBaseLogger } from "fastify";

import { buildAppWithInternals, type RateLimitOptions } from "../../src/server/app";
import { loadConfig, type NodeConfig } from "../../src/server/config";
import { SecretBox } from "../../src/server/crypto/secret-box";
import type { NodeApp } from "../../src/server/http/node-app";
import type { NodeMetrics } from "../../src/server/observability/metrics";
import type { Store, StoreDialect } from "../../src/server/storage/store";
import type { TransportOptions } from "../../src/server/transport/transport";
import { APP_SECRET, PREVIOUS_APP_SECRET, signAppToken } from "./app-tokens";
import { ADMIN_TOKEN, type FakeAdo, startFakeAdo } from "./fake-ado-identity";
import { createTestStore } from "./with-store";

/** A running test node. */
export interface TestNode {
  app: NodeApp;
  store: Store;
  ado: FakeAdo;
  metrics: NodeMetrics;
  box: SecretBox;
  config: NodeConfig;
  /** Headers of an administrator's hub call (fresh app token). */
  adminHeaders(accessToken?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** Options of `startTestNode`. */
export interface TestNodeOptions {
  /** Environment overrides (PUBLIC_URL, ...). */
  env?: Record<string, string>;
  now?: () => number;
  rateLimit?: RateLimitOptions;
  logger?: FastifyBaseLogger;
  /** Organization name of the fake Azure DevOps (Default: contoso). */
  organization?: string;
  /** Node-to-node transport hooks (e.g. `injectFetch` to reach another test node). */
  transport?: TransportOptions;
}

/** Starts a node on a fresh `dialect` store with its own fake Azure DevOps. */
export async function startTestNode(
  dialect: StoreDialect,
  options: TestNodeOptions = {},
): Promise<TestNode> {
  const ado = await startFakeAdo(options.organization);
  const { store, dispose } = await createTestStore(dialect);
  const config = loadConfig({
    EXALATE_APP_SECRET: APP_SECRET,
    EXALATE_APP_SECRET_PREVIOUS: PREVIOUS_APP_SECRET,
    AZDO_ORG_URL: ado.url,
    PUBLIC_URL: "http://127.0.0.1:3011",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const box = new SecretBox(Buffer.alloc(32, 9));
  const { app, metrics } = await buildAppWithInternals({
    config,
    store,
    secretBox: box,
    now: options.now,
    rateLimit: options.rateLimit,
    logger: options.logger,
    transport: options.transport,
  });
  return {
    app,
    store,
    ado,
    metrics,
    box,
    config,
    adminHeaders: async (accessToken = ADMIN_TOKEN) => ({
      authorization: `Bearer ${await signAppToken()}`,
      "x-azdo-access-token": accessToken,
    }),
    close: async () => {
      await app.close();
      await dispose();
      await ado.close();
    },
  };
}

/** A valid Initiate connection body (override fields with `changes`). */
export function initiateBody(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    destinationUrl: "https://fabrikam-node.example",
    mode: "script",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
    description: "Bugs to the partner",
    incomingProject: { id: "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c", name: "Alpha" },
    ...changes,
  };
}

/** Every row of every table, for "nothing changed" assertions. */
export async function snapshotTables(store: Store): Promise<string> {
  const tables = ["connections", "invitations", "scripts", "node_settings"] as const;
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    rows[table] = await store.db.selectFrom(table).selectAll().orderBy(sortKey(table)).execute();
  }
  return JSON.stringify(rows);
}

function sortKey(table: string): "id" | "connection_id" | "key" {
  if (table === "scripts") return "connection_id";
  return table === "node_settings" ? "key" : "id";
}
