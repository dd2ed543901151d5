/**
 * The sync over the real product path: two sync nodes as `npm start` runs them (child
 * processes: contoso public, fabrikam private), a private connection made through the hub API,
 * a Task trigger on contoso, and the long-poll transport between them. A Task created on
 * contoso's organization appears on fabrikam's; a title edit follows. Fabrikam has a Task trigger
 * too, so the sync's own writes there would flow back if the no-echo rule failed: contoso's
 * revision must stay where the user left it. With an incoming script on fabrikam that also
 * applies state, a state change, a comment and an attachment travel the same way.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { type BenchSide, connect, hubCall, startSides, stopSides } from "../../bench/sync-nodes";
import { AdoHttp } from "../../src/server/ado/ado-http";
import {
  attachedFiles,
  downloadAttachment,
  uploadAttachment,
} from "../../src/server/ado/attachment-api";
import { addComment, listComments } from "../../src/server/ado/comment-api";
import { linkAttachment } from "../../src/server/work-items/attachment-link";
import { routePath, ROUTES } from "../../src/shared/contracts/routes";
import { type AdoWorkItem, emulatorRest, eventually } from "../helpers/product-api";
import { INCOMING_WITH_STATE } from "../server/sync/sync-harness";

/** Two nodes, two emulators, and a tsx start each: generous on a loaded 2-core machine. */
const SETUP_TIMEOUT_MS = 240_000;
/** Change detection polls every 5 s; the private side long-polls. Not a timing assertion. */
const SYNC_WAIT_MS = 90_000;

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

let connectionId = "";

const rest = (side: BenchSide) =>
  emulatorRest(side.emulator.url, () => side.emulator.issueAccessToken());

test(
  "a Task created and then renamed on contoso arrives on fabrikam over the long-poll transport, without echo",
  async () => {
    const [contoso, fabrikam] = sides;
    const id = await connect(contoso, fabrikam);
    connectionId = id;
    await hubCall(fabrikam, "POST", routePath(ROUTES.connectionTriggers, { id }), {
      workItemType: "Task",
      where: "",
    });

    const created = await rest(contoso).ado<AdoWorkItem>(
      "POST",
      "Alpha/_apis/wit/workitems/$Task?api-version=7.1",
      [
        { op: "add", path: "/fields/System.Title", value: "Printer on fire" },
        { op: "add", path: "/fields/System.Description", value: "<p>Third floor</p>" },
      ],
    );

    const twin = await eventually(
      "the twin on fabrikam",
      () => rest(fabrikam).findByTitle("Printer on fire"),
      SYNC_WAIT_MS,
      500,
    );
    expect(twin.fields["System.WorkItemType"]).toBe("Task");
    expect(String(twin.fields["System.Description"])).toContain("Third floor");

    const renamed = await rest(contoso).ado<AdoWorkItem>(
      "PATCH",
      `_apis/wit/workitems/${created.id}?api-version=7.1`,
      [{ op: "add", path: "/fields/System.Title", value: "Printer on fire, again" }],
    );
    const updated = await eventually(
      "the rename on fabrikam",
      async () => {
        const item = await rest(fabrikam).workItem(twin.id);
        return item.fields["System.Title"] === "Printer on fire, again" ? item : undefined;
      },
      SYNC_WAIT_MS,
      500,
    );
    expect(updated.id).toBe(twin.id);
    expect(await rest(fabrikam).findByTitle("Printer on fire, again")).toMatchObject({
      id: twin.id,
    });

    // No echo: give fabrikam's change detection (5 s interval) a few rounds to see the sync's
    // own writes there, then check nothing came back to contoso's work item.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    expect((await rest(contoso).workItem(created.id)).rev).toBe(renamed.rev);
  },
  SETUP_TIMEOUT_MS,
);

test(
  "with a script applying state: a state change, a comment and an attachment arrive on fabrikam",
  async () => {
    expect(connectionId).not.toBe("");
    const [contoso, fabrikam] = sides;
    const scripts = routePath(ROUTES.connectionScripts, { id: connectionId });
    const current = (await hubCall(fabrikam, "GET", scripts)) as { outgoing: string };
    const saved = await fetch(`${fabrikam.node.url}${scripts}`, {
      method: "PUT",
      headers: fabrikam.headers,
      body: JSON.stringify({ outgoing: current.outgoing, incoming: INCOMING_WITH_STATE }),
    });
    expect(saved.status).toBe(200);

    const user = new AdoHttp({
      organizationUrl: contoso.emulator.url,
      credential: { kind: "bearer", token: await contoso.emulator.issueAccessToken() },
    });
    const source = await rest(contoso).ado<AdoWorkItem>(
      "POST",
      "Alpha/_apis/wit/workitems/$Task?api-version=7.1",
      [{ op: "add", path: "/fields/System.Title", value: "Boiler leaks" }],
    );
    const twin = await eventually(
      "the twin on fabrikam",
      () => rest(fabrikam).findByTitle("Boiler leaks"),
      SYNC_WAIT_MS,
      500,
    );

    await rest(contoso).ado("PATCH", `_apis/wit/workitems/${source.id}?api-version=7.1`, [
      { op: "add", path: "/fields/System.State", value: "Active" },
    ]);
    await addComment(user, "Alpha", source.id, { text: "Plumber **booked**", format: "markdown" });
    const upload = await uploadAttachment(user, "Alpha", "photo.txt", Buffer.from("drip drip"));
    await linkAttachment(user, { workItemId: source.id, url: upload.url, name: "photo.txt" });

    const fabrikamHttp = new AdoHttp({
      organizationUrl: fabrikam.emulator.url,
      credential: { kind: "bearer", token: await fabrikam.emulator.issueAccessToken() },
    });
    const arrived = await eventually(
      "state, comment and attachment on fabrikam",
      async () => {
        const item = await rest(fabrikam).ado<AdoWorkItem & { relations?: unknown[] }>(
          "GET",
          `_apis/wit/workitems/${twin.id}?$expand=relations&api-version=7.1`,
        );
        const comments = await listComments(fabrikamHttp, "Alpha", twin.id);
        const files = attachedFiles(item as Parameters<typeof attachedFiles>[0]);
        const done =
          item.fields["System.State"] === "Active" && comments.length === 1 && files.length === 1;
        return done ? { item, comments, files } : undefined;
      },
      SYNC_WAIT_MS,
      500,
    );
    expect(arrived.comments[0]!.text).toContain("Plumber **booked**");
    expect(arrived.comments[0]!.format).toBe("markdown");
    expect(arrived.files.map((file) => file.attributes?.name)).toEqual(["photo.txt"]);
    const bytes = await downloadAttachment(fabrikamHttp, arrived.files[0]!.url);
    expect(Buffer.from(bytes).toString()).toBe("drip drip");
  },
  SETUP_TIMEOUT_MS,
);
