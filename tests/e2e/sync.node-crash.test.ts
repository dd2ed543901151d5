/**
 * Rule 1 ("nothing is lost") with real processes: fabrikam's sync node is killed with SIGKILL
 * while its create of the twin hangs in Azure DevOps (the emulator's latency fault), then
 * started again on the same database. The sync request it had claimed is applied again once
 * its lease runs out, and the create marker makes the repeat adopt a create that did land:
 * exactly one twin on fabrikam, and later changes reach that same twin.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { type BenchSide, connect, startSides, stopSides } from "../../bench/sync-nodes";

/** Two nodes, two emulators, a tsx start each and one restart: generous on 2 loaded cores. */
const TEST_TIMEOUT_MS = 300_000;
/** Waiting for the sync to arrive; not a timing assertion. */
const SYNC_WAIT_MS = 120_000;
/** How long the emulator holds fabrikam's create before answering. */
const CREATE_DELAY_MS = 6_000;

interface AdoWorkItem {
  id: number;
  rev: number;
  fields: Record<string, unknown>;
}

let dataDir: string;
let sides: [BenchSide, BenchSide];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "sync-crash-"));
  // A short lease so the restarted node takes the killed node's claim over within seconds.
  sides = await startSides(dataDir, { SYNC_POLL_SECONDS: "1", SYNC_LEASE_SECONDS: "5" });
}, TEST_TIMEOUT_MS);

afterAll(async () => {
  if (sides) await stopSides(sides);
  rmSync(dataDir, { recursive: true, force: true });
});

async function ado(side: BenchSide, method: string, url: string, body?: unknown) {
  const token = await side.emulator.issueAccessToken();
  const response = await fetch(`${side.emulator.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": url.includes("wiql") ? "application/json" : "application/json-patch+json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status}`);
  return response.json();
}

async function itemsTitled(side: BenchSide, prefix: string): Promise<AdoWorkItem[]> {
  const result = (await ado(side, "POST", "/Alpha/_apis/wit/wiql?api-version=7.1", {
    query: `SELECT [System.Id] FROM WorkItems WHERE [System.Title] CONTAINS '${prefix}'`,
  })) as { workItems: Array<{ id: number }> };
  const items: AdoWorkItem[] = [];
  for (const { id } of result.workItems) {
    items.push(
      (await ado(side, "GET", `/_apis/wit/workitems/${id}?api-version=7.1`)) as AdoWorkItem,
    );
  }
  return items;
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + SYNC_WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * SIGKILL for the node itself: `tsx` runs it in a child process of its own, which a kill of
 * the tsx parent would leave running; killing the innermost process is the crash.
 */
async function crash(side: BenchSide): Promise<void> {
  const tsxPid = side.node.child.pid!;
  const exited = new Promise((resolve) => side.node.child.once("exit", resolve));
  const children = execFileSync("pgrep", ["-P", String(tsxPid)])
    .toString()
    .trim()
    .split("\n");
  for (const pid of [...children.filter(Boolean).map(Number), tsxPid]) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await exited;
}

test(
  "a node killed while creating a twin creates it exactly once after restart; later edits reach it",
  async () => {
    const [contoso, fabrikam] = sides;
    await connect(contoso, fabrikam);
    fabrikam.emulator.faults.add({
      kind: "latency",
      method: "POST",
      path: "re:/_apis/wit/workitems/\\$Task",
      delayMs: CREATE_DELAY_MS,
    });

    const source = (await ado(contoso, "POST", "/Alpha/_apis/wit/workitems/$Task?api-version=7.1", [
      { op: "add", path: "/fields/System.Title", value: "Crash test: boiler" },
    ])) as AdoWorkItem;

    // The create is in flight on fabrikam: kill the node while Azure DevOps holds it.
    await eventually("fabrikam's create reaches Azure DevOps", async () =>
      fabrikam.emulator.faults.hits().latency > 0 ? true : undefined,
    );
    await crash(fabrikam);
    await fabrikam.restart();

    const [twin] = await eventually("the twin on fabrikam", async () => {
      const found = await itemsTitled(fabrikam, "Crash test");
      return found.length > 0 ? found : undefined;
    });
    await ado(contoso, "PATCH", `/_apis/wit/workitems/${source.id}?api-version=7.1`, [
      { op: "add", path: "/fields/System.Title", value: "Crash test: boiler, after restart" },
    ]);
    const renamed = await eventually("the rename on fabrikam", async () => {
      const found = await itemsTitled(fabrikam, "after restart");
      return found.length > 0 ? found : undefined;
    });
    expect(renamed.map((item) => item.id)).toEqual([twin!.id]);
    expect((await itemsTitled(fabrikam, "Crash test")).map((item) => item.id)).toEqual([twin!.id]);
  },
  TEST_TIMEOUT_MS,
);
