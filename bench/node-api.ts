/**
 * Node API row: requests per second and p50/p99 latency of `GET /api/v1/connections` with 1,000
 * stored connections, with a valid app token and access token, under a fixed concurrency on
 * loopback (autocannon). Baseline: a bare Fastify route answering the same JSON, in the same
 * child process. Runs alternate node and baseline so that machine noise hits both alike.
 *
 * The node checks the access token against Azure DevOps (here the emulator) once and then serves
 * repeats from its admin-check cache: the figure is the cached path, which is what a hub session
 * makes after its first call.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import autocannon, { type AutocannonResult } from "autocannon";

import { startEmulator } from "../src/devhost/emulator/emulator";
import { DEV_APP_SECRET, mintAppToken } from "../src/devhost/host-page/app-token";
import { ACCESS_TOKEN_HEADER, ROUTES } from "../src/shared/contracts/routes";
import { startBenchChild } from "./child-process";
import { type BenchRow, rowOf } from "./table";

/** Connections stored on the node (the issue's figure). */
export const STORED_CONNECTIONS = 1000;
/** 10 concurrent connections: a busy node behind a proxy, not a flood; fixed across runs. */
const CONCURRENCY = 10;
/** 4 s per run: long enough for thousands of requests, short enough for the 10-minute bound. */
const RUN_SECONDS = 4;
/** 1 s warm-up per target (JIT, admin-check cache, SQLite page cache) not counted. */
const WARMUP_SECONDS = 1;

const GROUP = "Node API";

interface Servers {
  node: string;
  bare: string;
}

async function load(url: string, headers: Record<string, string>, seconds: number) {
  const result: AutocannonResult = await autocannon({
    url: `${url}${ROUTES.connections}`,
    connections: CONCURRENCY,
    duration: seconds,
    headers,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

/** Measures `runs` alternating runs against the node and the bare route. */
export async function measureNodeApi(runs: number): Promise<BenchRow[]> {
  const emulator = await startEmulator({ organization: "contoso", port: 0 });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-node-api-"));
  const headers = {
    authorization: `Bearer ${await mintAppToken({ userId: emulator.users.ada!, tenantId: "00000000-0000-4000-8000-000000000001", audience: "bench" })}`,
    [ACCESS_TOKEN_HEADER]: await emulator.issueAccessToken(),
  };
  const child = await startBenchChild<Servers>(path.join(__dirname, "node-api-server.ts"), {
    DATA_DIR: dataDir,
    EXALATE_APP_SECRET: DEV_APP_SECRET,
    AZDO_ORG_URL: emulator.url,
    PUBLIC_URL: "http://127.0.0.1:3011",
    // warn: request logs off on both sides, so the figure is the node's work, not log I/O.
    LOG_LEVEL: "warn",
    BENCH_CONNECTIONS: String(STORED_CONNECTIONS),
    BENCH_APP_TOKEN: headers.authorization.slice("Bearer ".length),
    BENCH_ACCESS_TOKEN: headers[ACCESS_TOKEN_HEADER],
  });
  try {
    const { node, bare } = child.ready;
    await load(node, headers, WARMUP_SECONDS);
    await load(bare, headers, WARMUP_SECONDS);
    const nodeRuns: AutocannonResult[] = [];
    const bareRuns: AutocannonResult[] = [];
    for (let i = 0; i < runs; i++) {
      nodeRuns.push(await load(node, headers, RUN_SECONDS));
      bareRuns.push(await load(bare, headers, RUN_SECONDS));
    }
    return rowsOf(nodeRuns, bareRuns);
  } finally {
    await child.stop();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function rowsOf(nodeRuns: AutocannonResult[], bareRuns: AutocannonResult[]): BenchRow[] {
  const note = `${STORED_CONNECTIONS} connections, ${CONCURRENCY} concurrent, ${RUN_SECONDS} s/run, admin check cached`;
  const pick = (runs: AutocannonResult[], f: (r: AutocannonResult) => number) => runs.map(f);
  return [
    rowOf(
      { group: GROUP, name: "list connections throughput", unit: "req/s", note },
      pick(nodeRuns, (r) => r.requests.average),
      pick(bareRuns, (r) => r.requests.average),
    ),
    rowOf(
      { group: GROUP, name: "list connections latency p50", unit: "ms" },
      pick(nodeRuns, (r) => r.latency.p50),
      pick(bareRuns, (r) => r.latency.p50),
    ),
    rowOf(
      { group: GROUP, name: "list connections latency p99", unit: "ms" },
      pick(nodeRuns, (r) => r.latency.p99),
      pick(bareRuns, (r) => r.latency.p99),
    ),
  ];
}
