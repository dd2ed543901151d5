/**
 * `npm run bench`: measures the hub bundle, hub load, node API and sync rows, each against a
 * baseline measured in the same run, prints the table and writes bench/results.json.
 *
 * Flags (node:util parseArgs):
 *   --only <rows>  comma-separated subset of: bundle, hub-load, node-api, sync (Default: all)
 *   --runs <n>     measured runs per figure (Default 3; odd counts give a real middle value)
 * Exits 0 even when a budget fails (the verdict is informational); non-zero only on a crash.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { buildBaselineHub, measureBundle } from "./bundle-size";
import { measureHubLoad } from "./hub-load";
import { measureNodeApi } from "./node-api";
import { measureSync } from "./sync-latency";
import { type BenchRow, formatTable, notMeasured } from "./table";

const ROW_NAMES = ["bundle", "hub-load", "node-api", "sync"] as const;
type RowName = (typeof ROW_NAMES)[number];

/** 3 runs: the median survives one outlier, and all rows fit the 10-minute bound on 2 cores. */
const DEFAULT_RUNS = 3;

function parseFlags(): { only: RowName[]; runs: number } {
  const { values } = parseArgs({
    options: { only: { type: "string" }, runs: { type: "string" } },
  });
  const only = values.only ? values.only.split(",").map((s) => s.trim()) : [...ROW_NAMES];
  for (const name of only)
    if (!(ROW_NAMES as readonly string[]).includes(name))
      throw new Error(`--only: unknown row "${name}" (rows: ${ROW_NAMES.join(", ")})`);
  const runs = Number(values.runs ?? DEFAULT_RUNS);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
  return { only: only as RowName[], runs };
}

/** Runs one row group; a failure becomes a "not measured" row, so other rows still report. */
async function guarded(group: string, measure: () => Promise<BenchRow[]>): Promise<BenchRow[]> {
  const started = performance.now();
  try {
    return await measure();
  } catch (error) {
    console.error(`[bench] ${group} failed:`, error);
    return [notMeasured(group, "-", "-", `failed: ${String(error).split("\n")[0]}`)];
  } finally {
    console.log(`[bench] ${group}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

async function main(): Promise<void> {
  const { only, runs } = parseFlags();
  const rows: BenchRow[] = [];
  let baselineDir: string | undefined;
  if (only.includes("bundle"))
    rows.push(
      ...(await guarded("Hub bundle", async () => {
        const measured = await measureBundle();
        baselineDir = measured.baselineDir;
        return measured.rows;
      })),
    );
  if (only.includes("hub-load"))
    rows.push(
      ...(await guarded("Hub load", async () =>
        measureHubLoad(runs, baselineDir ?? (await buildBaselineHub())),
      )),
    );
  if (only.includes("node-api"))
    rows.push(...(await guarded("Node API", () => measureNodeApi(runs))));
  if (only.includes("sync")) rows.push(...(await guarded("Sync", () => measureSync(runs))));
  const table = formatTable(rows);
  console.log(`\n${table}\n`);
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg(), node: process.version },
    runs,
    rows,
  };
  writeFileSync(path.join(__dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`[bench] wrote bench/results.json`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
