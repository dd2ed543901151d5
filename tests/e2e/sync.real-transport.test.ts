/**
 * The sync over the real product path: two sync nodes as `npm start` runs them (child
 * processes: contoso public, fabrikam private), a private connection made through the hub API,
 * a Task trigger on contoso, and the long-poll transport between them. A Task created on
 * contoso's organization appears on fabrikam's; a title edit follows. Fabrikam has a Task trigger
 * too, so the sync's own writes there would flow back if the no-echo rule failed: contoso's
 * revision must stay where the user left it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { type BenchSide, connect, hubCall, startSides, stopSides } from "../../bench/sync-nodes";
import { routePath, ROUTES } from "../../src/shared/contracts/routes";

/** Two nodes, two emulators, and a tsx start each: generous on a loaded 2-core machine. */
const SETUP_TIMEOUT_MS = 240_000;
/** Change detection polls every 5 s; the private side long-polls. Not a timing assertion. */
const SYNC_WAIT_MS = 90_000;

interface AdoWorkItem {
  id: number;
  rev: number;
  fields: Record<string, unknown>;
}

let dataDir: string;
let sides: [BenchSide, BenchSide];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "sync-e2e-"));
  sides = await startSides(dataDir);
}, SETUP_TIMEOUT_MS);

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
      "content-type":
        method === "POST" && url.includes("wiql")
          ? "application/json"
          : "application/json-patch+json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function findByTitle(side: BenchSide, title: string): Promise<AdoWorkItem | undefined> {
  const result = (await ado(side, "POST", "/Alpha/_apis/wit/wiql?api-version=7.1", {
    query: `SELECT [System.Id] FROM WorkItems WHERE [System.Title] = '${title}'`,
  })) as { workItems: Array<{ id: number }> };
  const id = result.workItems[0]?.id;
  return id === undefined
    ? undefined
    : ((await ado(side, "GET", `/_apis/wit/workitems/${id}?api-version=7.1`)) as AdoWorkItem);
}

async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + SYNC_WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("the change did not arrive on the other side");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test(
  "a Task created and then renamed on contoso arrives on fabrikam over the long-poll transport, without echo",
  async () => {
    const [contoso, fabrikam] = sides;
    const id = await connect(contoso, fabrikam);
    await hubCall(fabrikam, "POST", routePath(ROUTES.connectionTriggers, { id }), {
      workItemType: "Task",
      where: "",
    });

    const created = (await ado(
      contoso,
      "POST",
      "/Alpha/_apis/wit/workitems/$Task?api-version=7.1",
      [
        { op: "add", path: "/fields/System.Title", value: "Printer on fire" },
        { op: "add", path: "/fields/System.Description", value: "<p>Third floor</p>" },
      ],
    )) as AdoWorkItem;

    const twin = await eventually(() => findByTitle(fabrikam, "Printer on fire"));
    expect(twin.fields["System.WorkItemType"]).toBe("Task");
    expect(String(twin.fields["System.Description"])).toContain("Third floor");

    const renamed = (await ado(
      contoso,
      "PATCH",
      `/_apis/wit/workitems/${created.id}?api-version=7.1`,
      [{ op: "add", path: "/fields/System.Title", value: "Printer on fire, again" }],
    )) as AdoWorkItem;
    const updated = await eventually(async () => {
      const item = (await ado(
        fabrikam,
        "GET",
        `/_apis/wit/workitems/${twin.id}?api-version=7.1`,
      )) as AdoWorkItem;
      return item.fields["System.Title"] === "Printer on fire, again" ? item : undefined;
    });
    expect(updated.id).toBe(twin.id);
    expect(await findByTitle(fabrikam, "Printer on fire, again")).toMatchObject({ id: twin.id });

    // No echo: give fabrikam's change detection (5 s interval) a few rounds to see the sync's
    // own writes there, then check nothing came back to contoso's work item.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    const source = (await ado(
      contoso,
      "GET",
      `/_apis/wit/workitems/${created.id}?api-version=7.1`,
    )) as AdoWorkItem;
    expect(source.rev).toBe(renamed.rev);
  },
  SETUP_TIMEOUT_MS,
);
