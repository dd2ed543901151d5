/**
 * Hub load row: in headless Chromium on the dev host, the time from the hub iframe's navigation
 * start to the connection list rendered with 200 connections (the table shows the newest one).
 * Baseline: the same host page framing a page that only completes the SDK handshake (React 16 +
 * SDK, bench/baseline-hub) and renders one line. Both are timed inside the frame with
 * `performance.now()` (0 = the frame's navigation start), by a MutationObserver installed before
 * any frame script runs. Every run uses a fresh browser context (cold cache).
 *
 * The host always frames `<hub origin>/hub.html`; in baseline runs playwright forwards that
 * request (and baseline.js) to a static server of the baseline build, in hub runs it forwards it
 * unchanged, so both pay the same interception hop.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { type Browser, chromium, type Page } from "playwright-core";

import { buildHubStaticServer } from "../src/devhost/hub-origin/hub-static-server";
import { startDevEnvironment } from "../src/devhost/process/dev-environment";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/helpers/chromium";
import { seedConnections } from "./seed-connections";
import { type BenchRow, rowOf } from "./table";

/** Connections stored on the public node (the figure). */
export const HUB_CONNECTIONS = 200;
/** A load that takes longer than 60 s is broken, not slow: give up on it. */
const LOAD_TIMEOUT_MS = Number(process.env.BENCH_LOAD_TIMEOUT_MS ?? 60_000);

type Target = "hub" | "baseline";

declare global {
  interface Window {
    __benchRendered?: number;
  }
}

/**
 * Runs in every frame before its scripts: records when the awaited content first appears. A
 * string, not a function: tsx (esbuild keepNames) wraps functions in a `__name` helper that
 * does not exist in the page.
 */
const MARK_WHEN_RENDERED = `(() => {
  const done = () =>
    document.querySelector("#baseline-ready") !== null ||
    (document.body?.textContent ?? "").includes("contoso to partner 0000");
  const observer = new MutationObserver(() => {
    if (window.__benchRendered === undefined && done()) {
      window.__benchRendered = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

async function loadOnce(
  browser: Browser,
  pageUrl: string,
  hubOrigin: string,
  baselineOrigin: string,
  target: Target,
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
  try {
    await context.addInitScript(MARK_WHEN_RENDERED);
    await context.route(`${hubOrigin}/hub.html`, (route) =>
      target === "hub"
        ? route.continue()
        : route.continue({ url: `${baselineOrigin}/baseline.html` }),
    );
    await context.route(`${hubOrigin}/baseline.js`, (route) =>
      route.continue({ url: `${baselineOrigin}/baseline.js` }),
    );
    const page = await context.newPage();
    await page.goto(pageUrl);
    return await renderedAt(page);
  } finally {
    await context.close();
  }
}

async function renderedAt(page: Page): Promise<number> {
  const frameElement = await page.waitForSelector("iframe.external-content-host", {
    timeout: LOAD_TIMEOUT_MS,
  });
  const frame = await frameElement.contentFrame();
  if (!frame) throw new Error("the host page has no hub frame");
  const handle = await frame
    .waitForFunction(() => window.__benchRendered, undefined, { timeout: LOAD_TIMEOUT_MS })
    .catch(async (error: unknown) => {
      const text = await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "");
      throw new Error(`${String(error)}\nframe text: ${text.slice(0, 500)}`);
    });
  return (await handle.jsonValue()) as number;
}

/**
 * Starts the dev host on random ports with 200 connections on contoso's node and measures
 * `runs` alternating hub and baseline loads (after one unmeasured warm-up of each).
 * @param baselineDir the baseline build (bundle-size.ts `buildBaselineHub`)
 */
export async function measureHubLoad(runs: number, baselineDir: string): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-hub-load-"));
  const env = await startDevEnvironment({ basePort: 0, dataDir, log: () => undefined });
  const baseline = buildHubStaticServer(baselineDir);
  let browser: Browser | undefined;
  try {
    const nodeDb = `sqlite:${path.join(dataDir, "contoso/node/node.sqlite")}`;
    await seedConnections(nodeDb, HUB_CONNECTIONS);
    const baselineOrigin = await baseline.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    const pageUrl = env.organizations.contoso.hubPageUrl;
    const once = (target: Target) =>
      loadOnce(browser!, pageUrl, env.hubOrigin, baselineOrigin, target);
    await once("hub");
    await once("baseline");
    const hub: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < runs; i++) {
      hub.push(await once("hub"));
      base.push(await once("baseline"));
    }
    const note = `${HUB_CONNECTIONS} connections; frame navigation start -> list shown; cold cache`;
    return [
      rowOf({ group: "Hub load", name: "connection list rendered", unit: "ms", note }, hub, base),
    ];
  } finally {
    await browser?.close();
    await baseline.close();
    await env.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
