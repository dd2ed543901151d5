/**
 * One local product per test file for the browser tests: random ports and a temporary data
 * folder, removed afterwards. The hub must be built first (`npm test` builds it; the dev
 * environment rebuilds it when stale).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import {
  type DevEnvironment,
  type DevEnvironmentOptions,
  startDevEnvironment,
} from "../../src/devhost/dev-environment";

/** A started environment and its temporary data folder. */
export interface TestEnvironment {
  env: DevEnvironment;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the product on random ports with fresh data. */
export async function startTestEnvironment(
  options: Omit<DevEnvironmentOptions, "basePort" | "dataDir"> = {},
): Promise<TestEnvironment> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "devhost-e2e-"));
  const env = await startDevEnvironment({ basePort: 0, dataDir, log: () => undefined, ...options });
  return {
    env,
    dataDir,
    async stop() {
      await env.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
