/**
 * Entry point of a sync node started by the dev host (`sync-node-process.ts`):
 * `node --import tsx sync-node-entry.ts <path of src/server/main.ts>`.
 *
 * It runs the node exactly as `npm run node` does, and stops it when the dev host is gone (even
 * after a `kill -9` of the dev host, which cannot stop its children itself): it sends itself
 * SIGTERM, so the node shuts down gracefully as on any SIGTERM. A node that received a signal
 * already is left to finish that shutdown, since a second signal would cut it short.
 */
import { constants } from "node:os";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { watchParent } from "./parent-watch";

/** After the parent is gone, the longest the node may take to stop before it exits, in ms. */
const ORPHAN_EXIT_MS = 15_000;
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

let signalled = false;
for (const signal of STOP_SIGNALS)
  process.on(signal, () => {
    signalled = true;
    // Only this listener: the node has not installed its own shutdown yet (still starting), so
    // do what the signal would have done without a listener.
    if (process.listenerCount(signal) === 1) process.exit(128 + constants.signals[signal]);
  });

watchParent(() => {
  setTimeout(() => process.exit(1), ORPHAN_EXIT_MS).unref();
  if (!signalled) process.kill(process.pid, "SIGTERM");
});

const { positionals } = parseArgs({ allowPositionals: true });
const main = positionals[0];
if (!main) {
  console.error("usage: sync-node-entry.ts <path of src/server/main.ts>");
  process.exit(2);
}
void import(pathToFileURL(main).href);
