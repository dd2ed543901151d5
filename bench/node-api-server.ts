/**
 * Child process of the Node API row: one sync node app (`buildApp`, as main.ts builds it) on a
 * fresh SQLite store seeded with BENCH_CONNECTIONS connections, and in the same process a bare
 * Fastify route answering the same JSON (the baseline). Prints one JSON line
 * `{"node": url, "bare": url}` on stdout when both listen; stops on SIGTERM.
 *
 * Environment: the node's own (EXALATE_APP_SECRET, AZDO_ORG_URL, DATA_DIR, LOG_LEVEL...) plus
 * BENCH_CONNECTIONS, BENCH_APP_TOKEN and BENCH_ACCESS_TOKEN (to fetch the JSON once).
 */
import path from "node:path";

import Fastify from "fastify";
import pino from "pino";

import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { loadMasterKey } from "../src/server/crypto/master-key";
import { SecretBox } from "../src/server/crypto/secret-box";
import { openNodeStore } from "../src/server/node-store";
import { logOptions } from "../src/server/observability/log-options";
import { ACCESS_TOKEN_HEADER, ROUTES } from "../src/shared/contracts/routes";
import { seedConnections } from "./seed-connections";

/**
 * Rate limit far above what the bench sends: the node's default (600 per minute per address)
 * would answer 429 after the first second and the row would measure the limiter.
 */
const BENCH_RATE_LIMIT = { max: 100_000_000, timeWindowMs: 60_000 };

async function main(): Promise<void> {
  const config = loadConfig();
  const databaseUrl = `sqlite:${path.join(config.dataDir, "node.sqlite")}`;
  await seedConnections(databaseUrl, Number(process.env.BENCH_CONNECTIONS ?? "1000"));
  const store = openNodeStore(databaseUrl);
  await store.migrate();
  const secretBox = new SecretBox(await loadMasterKey(config.masterKey, config.dataDir));
  const logger = pino(logOptions(config.logLevel));
  const node = await buildApp({ config, store, secretBox, logger, rateLimit: BENCH_RATE_LIMIT });
  const nodeUrl = await node.listen({ port: 0, host: "127.0.0.1" });
  const response = await fetch(`${nodeUrl}${ROUTES.connections}`, {
    headers: {
      authorization: `Bearer ${process.env.BENCH_APP_TOKEN ?? ""}`,
      [ACCESS_TOKEN_HEADER]: process.env.BENCH_ACCESS_TOKEN ?? "",
    },
  });
  if (!response.ok) throw new Error(`listing connections answered ${response.status}`);
  const body: unknown = await response.json();
  const bare = Fastify({ logger: false });
  bare.get(ROUTES.connections, () => body);
  const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });
  process.stdout.write(`${JSON.stringify({ node: nodeUrl, bare: bareUrl })}\n`);
  process.once("SIGTERM", () => {
    void Promise.all([node.close(), bare.close()])
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
