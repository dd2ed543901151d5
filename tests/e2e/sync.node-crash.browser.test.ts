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
import { type AdoWorkItem, emulatorRest, eventually } from "../helpers/product-api";

/** Two nodes, two emulators, a tsx start each and one restart: generous on 2 loaded cores. */
const TEST_TIMEOUT_MS = 300_000;
/** Waiting for the sync to arrive; not a timing assertion. */
const WAIT_MS = 120_000;
/** How long the emulator holds fabrikam's create before answering. */
const CREATE_DELAY_MS = 6_000;

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

const rest = (side: BenchSide) =>
  emulatorRest(side.emulator.url, () => side.emulator.issueAccessToken());

/** Waits until `probe` finds work items (a deadline, not a timed assertion). */
const found = (what: string, probe: () => Promise<AdoWorkItem[]>) =>
  eventually(
    what,
    async () => {
      const items = await probe();
      return items.length > 0 ? items : undefined;
    },
    WAIT_MS,
    500,
  );

/**
 * SIGKILL for the node process and any process it started (the node runs in the spawned
 * process itself; killing every process of it is the crash).
 */
async function crash(side: BenchSide): Promise<void> {
  const nodePid = side.node.child.pid!;
  const exited = new Promise((resolve) => side.node.child.once("exit", resolve));
  let children: string[] = [];
  try {
    children = execFileSync("pgrep", ["-P", String(nodePid)])
      .toString()
      .trim()
      .split("\n");
  } catch {
    // pgrep exits with 1 when the node has no child processes.
  }
  for (const pid of [...children.filter(Boolean).map(Number), nodePid]) {
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

    const source = await rest(contoso).ado<AdoWorkItem>(
      "POST",
      "Alpha/_apis/wit/workitems/$Task?api-version=7.1",
      [{ op: "add", path: "/fields/System.Title", value: "Crash test: boiler" }],
    );

    // The create is in flight on fabrikam: kill the node while Azure DevOps holds it.
    await eventually(
      "fabrikam's create reaches Azure DevOps",
      async () => (fabrikam.emulator.faults.hits().latency > 0 ? true : undefined),
      WAIT_MS,
      100,
    );
    await crash(fabrikam);
    await fabrikam.restart();

    const [twin] = await found("the twin on fabrikam", () =>
      rest(fabrikam).itemsTitled("Crash test"),
    );
    await rest(contoso).ado("PATCH", `_apis/wit/workitems/${source.id}?api-version=7.1`, [
      { op: "add", path: "/fields/System.Title", value: "Crash test: boiler, after restart" },
    ]);
    const renamed = await found("the rename on fabrikam", () =>
      rest(fabrikam).itemsTitled("after restart"),
    );
    expect(renamed.map((item) => item.id)).toEqual([twin!.id]);
    expect((await rest(fabrikam).itemsTitled("Crash test")).map((item) => item.id)).toEqual([
      twin!.id,
    ]);
  },
  TEST_TIMEOUT_MS,
);
