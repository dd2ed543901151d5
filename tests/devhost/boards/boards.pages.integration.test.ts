/**
 * The dev host's Boards pages over real HTTP against a real emulator: list, create (HTML form),
 * edit title/state/assignee/tags/description, and comment; the changes land in the emulated
 * organization (read back through its REST API).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import {
  type DevEnvironment,
  startDevEnvironment,
} from "../../../src/devhost/process/dev-environment";

let env: DevEnvironment;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "devhost-boards-"));
  env = await startDevEnvironment({
    basePort: 0,
    dataDir,
    startNodes: false,
    buildHub: false,
    log: () => undefined,
  });
});

afterAll(async () => {
  await env?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
  redirect: "manual" as const,
});

async function readWorkItem(id: number) {
  const token = await fetch(`${env.hostUrl}/_devhost/api/contoso/access-token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({}),
  }).then(async (r) => ((await r.json()) as { token: string }).token);
  const response = await fetch(
    `${env.organizations.contoso.emulatorUrl}/_apis/wit/workitems/${id}?api-version=7.1`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  return (await response.json()) as { rev: number; fields: Record<string, unknown> };
}

describe("Boards pages", () => {
  it("list a project's work items with the create form", async () => {
    const page = await fetch(env.organizations.contoso.boardsUrl);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("<h1>Work items</h1>");
    expect(html).toMatch(/<option selected>Alpha<\/option>/);
    expect(html).toContain("<option>Bug</option>");
  });

  it("create, edit and comment a work item, as Ada Admin", async () => {
    const created = await fetch(
      `${env.hostUrl}/contoso/_boards/create`,
      form({
        project: "Alpha",
        type: "Bug",
        title: "Printer on fire",
        description: "<p>hot</p>",
        assignedTo: "",
        tags: "urgent",
      }),
    );
    expect(created.status).toBe(303);
    const id = Number(created.headers.get("location")?.split("/").pop());
    expect(id).toBeGreaterThan(0);

    const edited = await fetch(
      `${env.hostUrl}/contoso/_boards/${id}`,
      form({
        title: "Printer on fire (edited)",
        state: "Active",
        assignedTo: "Max Member <max@contoso.example>",
        tags: "urgent; printer",
        description: "<p>very hot</p>",
      }),
    );
    expect(edited.status).toBe(303);
    const commented = await fetch(
      `${env.hostUrl}/contoso/_boards/${id}/comments`,
      form({ text: "Called the <b>fire</b> department<script>alert(1)</script>" }),
    );
    expect(commented.status).toBe(303);

    const item = await readWorkItem(id);
    expect(item.fields["System.Title"]).toBe("Printer on fire (edited)");
    expect(item.fields["System.State"]).toBe("Active");
    expect(item.fields["System.Tags"]).toMatch(/printer/);
    expect(JSON.stringify(item.fields["System.AssignedTo"])).toMatch(/Max Member/);
    expect(JSON.stringify(item.fields["System.ChangedBy"])).toMatch(/Ada Admin/);

    const page = await (await fetch(`${env.hostUrl}/contoso/_boards/${id}`)).text();
    expect(page).toContain("Printer on fire (edited)");
    expect(page).toContain("Called the <b>fire</b> department");
    expect(page).not.toContain("<script>alert(1)</script>");
  });

  it("answer 404 for an organization that is not emulated", async () => {
    const page = await fetch(`${env.hostUrl}/nowhere/_boards`);
    expect(page.status).toBe(404);
  });
});
