/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (never a
 * downloaded browser). When Chromium is missing, the tests are skipped with a visible message on a
 * developer machine and FAIL on CI (CI=true), so CI never passes without running them.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { type Browser, chromium, type Page } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/** Where screenshots go (gitignored). */
export const ARTIFACTS_DIR = path.resolve(__dirname, "../../test-artifacts");

const onCi = process.env.CI === "true" || process.env.CI === "1";

/** True when the browser tests can run here. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

if (!chromiumAvailable) {
  if (onCi) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH}; it is missing on CI.`);
  }
  console.warn(
    `SKIPPED: browser tests need Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH). They fail on CI.`,
  );
}

/** `describe` when Chromium is available, `describe.skip` otherwise (see the module comment). */
export const describeInBrowser: jest.Describe = chromiumAvailable ? describe : describe.skip;

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}

/** A page of the standard test size (a laptop screen), logging page errors to the console. */
export async function newTestPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.warn(`[page error] ${error.message}`));
  return page;
}

/** Saves a full-page screenshot as test-artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
