/**
 * Sync and Memory rows: two real nodes (bench/sync-nodes.ts) over the long-poll transport.
 * A burst of work item creates on contoso's emulator (public side); each is applied on fabrikam
 * (private side), which records it as a twin (`twins.created_at`, the node's clock = ours).
 * - latency p50/p99: twin created on fabrikam - create answered on contoso, per work item;
 * - throughput: applied changes / (last applied - burst start);
 * - baseline: the emulator's own write rate and write latency for the same creates;
 * - memory: peak RSS (VmHWM) of each node during the burst; baseline: its RSS before the burst.
 * One burst is one run: `runs` bursts would not fit the 10-minute bound, so the burst is run
 * once and its per-change latencies give the percentiles.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { openNodeStore } from "../src/server/node-store";
import { treePeakRssMb, treeRssMb } from "./process-memory";
import { type BenchSide, connect, startSides, stopSides } from "./sync-nodes";
import { type BenchRow, percentile, rowOf } from "./table";

/** Changes in the burst (the issue's figure); BENCH_SYNC_CHANGES narrows it for a quick try. */
const BURST = Number(process.env.BENCH_SYNC_CHANGES ?? 1000);
/** 4 writers: a team editing at once; more would measure the emulator's queueing. */
const WRITERS = 4;
/** The burst must be applied within 180 s (keeps the bench under 10 min); what is missing then is reported as "N of 1000 applied", not waited for. */
const APPLY_TIMEOUT_MS = 180_000;
/** Twins are read and memory sampled every 250 ms (the latency's resolution is the node's). */
const SAMPLE_MS = 250;

interface Write {
  id: number;
  answeredAt: number;
  ms: number;
}

async function createTask(side: BenchSide, token: string, title: string): Promise<Write> {
  const started = Date.now();
  const response = await fetch(
    `${side.emulator.url}/Alpha/_apis/wit/workitems/$Task?api-version=7.1`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json-patch+json" },
      body: JSON.stringify([{ op: "add", path: "/fields/System.Title", value: title }]),
    },
  );
  if (!response.ok) throw new Error(`create answered ${response.status}: ${await response.text()}`);
  const { id } = (await response.json()) as { id: number };
  const answeredAt = Date.now();
  return { id, answeredAt, ms: answeredAt - started };
}

async function burst(side: BenchSide, token: string): Promise<Write[]> {
  const writes: Write[] = [];
  let next = 0;
  const writer = async () => {
    while (next < BURST) writes.push(await createTask(side, token, `bench change ${next++}`));
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  return writes;
}

/** Applied times on fabrikam by contoso work item id. */
async function appliedTimes(
  databaseUrl: string,
  connectionId: string,
): Promise<Map<number, number>> {
  const store = openNodeStore(databaseUrl);
  try {
    const rows = await store.db
      .selectFrom("twins")
      .select(["remote_id", "created_at"])
      .where("connection_id", "=", connectionId)
      .execute();
    return new Map(rows.map((r) => [Number(r.remote_id), Number(r.created_at)]));
  } finally {
    await store.close();
  }
}

async function waitApplied(fabrikam: BenchSide, connectionId: string, ids: Set<number>) {
  const deadline = Date.now() + APPLY_TIMEOUT_MS;
  let applied = new Map<number, number>();
  while (Date.now() < deadline) {
    applied = await appliedTimes(fabrikam.databaseUrl, connectionId);
    if ([...ids].every((id) => applied.has(id))) break;
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  }
  return applied;
}

/** Measures the burst; returns the Sync rows and the Memory rows. */
export async function measureSync(_runs: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-sync-"));
  const sides = await startSides(dataDir);
  try {
    const [contoso, fabrikam] = sides;
    const connectionId = await connect(contoso, fabrikam);
    const idle = sides.map((s) => treeRssMb(s.node.child.pid!));
    const token = await contoso.emulator.issueAccessToken();
    const started = Date.now();
    const writes = await burst(contoso, token);
    const writeSeconds = (Math.max(...writes.map((w) => w.answeredAt)) - started) / 1000;
    const applied = await waitApplied(fabrikam, connectionId, new Set(writes.map((w) => w.id)));
    const peaks = sides.map((s) => treePeakRssMb(s.node.child.pid!));
    const latencies = writes.flatMap((w) => {
      const at = applied.get(w.id);
      return at === undefined ? [] : [at - w.answeredAt];
    });
    const lastApplied = Math.max(...writes.map((w) => applied.get(w.id) ?? 0));
    return syncRows({
      latencies,
      writes,
      writeSeconds,
      applySeconds: (lastApplied - started) / 1000,
      idle,
      peaks,
    });
  } finally {
    await stopSides(sides);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface SyncFigures {
  latencies: number[];
  writes: Write[];
  writeSeconds: number;
  applySeconds: number;
  idle: number[];
  peaks: number[];
}

function syncRows(f: SyncFigures): BenchRow[] {
  const writeMs = f.writes.map((w) => w.ms);
  const complete = `${f.latencies.length} of ${BURST} changes applied`;
  const rows: BenchRow[] = [
    rowOf(
      {
        group: "Sync",
        name: "throughput (burst)",
        unit: "changes/s",
        note: `${complete}; baseline: emulator write rate`,
      },
      [f.latencies.length / f.applySeconds],
      [f.writes.length / f.writeSeconds],
    ),
  ];
  if (f.latencies.length > 0) {
    rows.push(
      rowOf(
        {
          group: "Sync",
          name: "end-to-end latency p50",
          unit: "ms",
          note: "baseline: emulator create p50",
        },
        [percentile(f.latencies, 50)],
        [percentile(writeMs, 50)],
      ),
      rowOf(
        {
          group: "Sync",
          name: "end-to-end latency p99",
          unit: "ms",
          note: "baseline: emulator create p99",
        },
        [percentile(f.latencies, 99)],
        [percentile(writeMs, 99)],
      ),
    );
  }
  const names = ["contoso (public)", "fabrikam (private)"];
  names.forEach((name, i) =>
    rows.push(
      rowOf(
        {
          group: "Memory",
          name: `peak RSS ${name} node`,
          unit: "MB",
          note: "VmHWM; baseline: RSS idle before the burst",
        },
        [f.peaks[i]!],
        [f.idle[i]!],
      ),
    ),
  );
  return rows;
}
