/**
 * Hub bundle row: builds the hub when stale (webpack.config.js, production) and a baseline page with only
 * React 16 and the SDK (bench/baseline-hub) with webpack's Node API, then measures each file
 * minified and gzipped (zlib level 9). First load = hub.js (CSS is inside it via style-loader)
 * + hub.html; each lazy chunk in chunks/ gets its own row. Sizes are deterministic, so one
 * build is one run.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

import webpack, { type Configuration } from "webpack";

import { ensureHubBuilt } from "../src/devhost/hub-origin/hub-build";
import { type BenchRow, rowOf } from "./table";

/** Budget of the issue: first load under 150 KB gzipped. */
export const FIRST_LOAD_BUDGET_KB = 150;

const ROOT = path.resolve(__dirname, "..");
const GROUP = "Hub bundle";

/** Gzipped size in KB (1 KB = 1024 bytes) at zlib level 9, the size a CDN would send. */
export function gzipKb(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length / 1024;
}

type ConfigFactory = (env: unknown, argv: { mode: string }) => Configuration;

function hubConfig(): Configuration {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
  return { ...factory(undefined, { mode: "production" }), context: ROOT };
}

/** The baseline: same loaders, minifier and SDK alias as the hub, another entry and folder. */
function baselineConfig(outDir: string): Configuration {
  const hub = hubConfig();
  return {
    ...hub,
    entry: { baseline: path.join(__dirname, "baseline-hub/index.tsx") },
    output: { ...hub.output, path: outDir },
    plugins: [],
  };
}

/** Runs one webpack compilation. @throws Error with webpack's messages when it fails */
export function compile(config: Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve();
    });
  });
}

/** Builds the baseline page into a temp dir (baseline.html + baseline.js); returns the dir. */
export async function buildBaselineHub(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "bench-baseline-hub-"));
  await compile(baselineConfig(outDir));
  writeFileSync(
    path.join(outDir, "baseline.html"),
    readFileSync(path.join(__dirname, "baseline-hub/baseline.html")),
  );
  return outDir;
}

function firstLoadKb(dir: string, html: string, script: string): number {
  return gzipKb(readFileSync(path.join(dir, html))) + gzipKb(readFileSync(path.join(dir, script)));
}

/**
 * Builds both bundles and returns the rows: first load with the budget verdict, then one row
 * per lazy chunk (ratio against the baseline's whole first load, to show its weight).
 * @returns rows plus the baseline build dir (the Hub load row frames that page)
 */
export async function measureBundle(): Promise<{ rows: BenchRow[]; baselineDir: string }> {
  // The hub is rebuilt only when stale (same rule as the dev host): a build takes minutes here.
  await ensureHubBuilt(ROOT, (line) => console.log(line));
  const baselineDir = await buildBaselineHub();
  const hubDir = path.join(ROOT, "dist/hub");
  const hub = firstLoadKb(hubDir, "hub.html", "hub.js");
  const base = firstLoadKb(baselineDir, "baseline.html", "baseline.js");
  const pass = hub < FIRST_LOAD_BUDGET_KB;
  const rows: BenchRow[] = [
    {
      ...rowOf({ group: GROUP, name: "first load (html+js+css, gzip)", unit: "KB" }, [hub], [base]),
      verdict: `${pass ? "PASS" : "FAIL"} budget < ${FIRST_LOAD_BUDGET_KB} KB`,
      note: "deterministic: 1 build",
    },
  ];
  const chunkDir = path.join(hubDir, "chunks");
  for (const chunk of readdirSync(chunkDir)
    .filter((f) => f.endsWith(".js"))
    .sort()) {
    const kb = gzipKb(readFileSync(path.join(chunkDir, chunk)));
    rows.push(rowOf({ group: GROUP, name: `lazy chunk ${chunk}`, unit: "KB" }, [kb], [base]));
  }
  return { rows, baselineDir };
}
