/**
 * Starts one sync node: configuration -> master key -> storage -> migrations -> app -> listen.
 * Shuts down cleanly on SIGTERM/SIGINT (close-with-grace): stops accepting requests, lets
 * in-flight ones finish, closes the database.
 */
import closeWithGrace from "close-with-grace";
import pino from "pino";

import { buildAppWithInternals } from "./app";
import { loadConfig } from "./config";
import { loadMasterKey } from "./crypto/master-key";
import { SecretBox } from "./crypto/secret-box";
import { openNodeStore } from "./node-store";
import { logOptions } from "./observability/log-options";

/**
 * 10 s to finish in-flight requests on shutdown: longer than any hub API call (Azure DevOps
 * checks time out after 5 s), shorter than a typical orchestrator's kill timeout (30 s).
 */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino(logOptions(config.logLevel));
  const secretBox = new SecretBox(await loadMasterKey(config.masterKey, config.dataDir));
  const store = openNodeStore(config.databaseUrl, (err) =>
    logger.warn({ err }, "a pooled database connection broke; the next query opens a new one"),
  );
  await store.migrate();
  const { app, transport, sync } = await buildAppWithInternals({
    config,
    store,
    secretBox,
    logger,
  });
  closeWithGrace({ delay: SHUTDOWN_GRACE_MS, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, "shutting down after an error");
    else logger.info({ signal }, "shutting down");
    await app.close();
    await store.close();
  });
  await app.listen({ port: config.port, host: config.host });
  await transport.start();
  sync.start();
  logger.info(
    {
      publicUrl: config.publicUrl,
      database: store.dialect,
      organizationUrl: config.organizationUrl,
    },
    "sync node started",
  );
}

main().catch((error: unknown) => {
  // Startup failed (bad configuration, database unreachable): say why and exit non-zero.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
