/**
 * One local product per test file for the browser tests: random ports and a temporary data
 * folder, removed afterwards. The hub must be built first (`npm test` builds it; the dev
 * environment rebuilds it when stale).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Browser } from "playwright-core";

import {
  type DevEnvironment,
  type DevEnvironmentOptions,
  startDevEnvironment,
} from "../../src/devhost/process/dev-environment";
import { launchChromium } from "./browser";

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

/** A browser test file's product and Chromium, both set in `beforeAll`. */
export interface BrowserEnvironment {
  test: TestEnvironment;
  browser: Browser;
}

/**
 * Starts one product (random ports, fresh data) and Chromium for the calling test file in
 * `beforeAll`, then `setUp` (e.g. a connection over the API); stops both in `afterAll`.
 * @param setupTimeoutMs budget of the whole start (a stale hub is rebuilt first)
 * @returns the fixture, whose fields are set once `beforeAll` has run
 */
export function useBrowserEnvironment(
  setupTimeoutMs: number,
  setUp?: (started: BrowserEnvironment) => Promise<void>,
): BrowserEnvironment {
  const fixture = {} as BrowserEnvironment;
  beforeAll(async () => {
    fixture.test = await startTestEnvironment();
    fixture.browser = await launchChromium();
    await setUp?.(fixture);
  }, setupTimeoutMs);
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.test?.stop();
  });
  return fixture;
}
