/**
 * Emulator work items: create, JSON Patch only (Work Items - Update, wit 7.1; devopshq/tfs#39),
 * reads (get, list, batch).
 */
import type { Emulator } from "../../../src/devhost/emulator/emulator";
import { call, createItem, patch, startTestEmulator } from "./emulator-helpers";

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  ({ emulator, token } = await startTestEmulator());
});
afterAll(() => emulator.close());

describe("create", () => {
  it("creates a work item with the system fields and defaults", async () => {
    const item = await createItem(emulator, token, { "System.Title": "First bug" });
    expect(item.rev).toBe(1);
    expect(item.fields["System.TeamProject"]).toBe("Alpha");
    expect(item.fields["System.AreaPath"]).toBe("Alpha");
    expect(item.fields["System.IterationPath"]).toBe("Alpha");
    expect(item.fields["System.State"]).toBe("New");
    expect(item.fields["System.CreatedBy"].uniqueName).toBe("ada@contoso.example");
    expect(item.fields["System.ChangedDate"]).toBe(item.fields["System.CreatedDate"]);
    expect(item.url).toBe(`${emulator.url}/_apis/wit/workItems/${item.id}`);
  });

  it("refuses an unknown type and a missing title, and creates nothing", async () => {
    const before = await call(emulator, "POST", "/_apis/wit/wiql", {
      token,
      body: { query: "SELECT [System.Id] FROM WorkItems" },
    });
    const unknownType = await patch(
      emulator,
      "POST",
      "/Alpha/_apis/wit/workitems/$Incident",
      [{ op: "add", path: "/fields/System.Title", value: "x" }],
      token,
    );
    expect(unknownType.status).toBe(404);
    const noTitle = await patch(
      emulator,
      "POST",
      "/Alpha/_apis/wit/workitems/$Task",
      [{ op: "add", path: "/fields/System.Description", value: "x" }],
      token,
    );
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.message).toMatch(/^TF401320: Rule Error for field Title/);
    const after = await call(emulator, "POST", "/_apis/wit/wiql", {
      token,
      body: { query: "SELECT [System.Id] FROM WorkItems" },
    });
    if (before.status === 200)
      expect(after.body.workItems).toHaveLength(before.body.workItems.length);
  });

  it("puts the work item in the named area and iteration, and refuses a path that does not exist", async () => {
    const item = await createItem(
      emulator,
      token,
      {
        "System.Title": "Pathed",
        "System.AreaPath": "alpha\\web",
        "System.IterationPath": "Alpha\\Sprint 2",
      },
      "Task",
    );
    expect(item.fields["System.AreaPath"]).toBe("Alpha\\Web");
    expect(item.fields["System.IterationPath"]).toBe("Alpha\\Sprint 2");
    const bad = await patch(
      emulator,
      "POST",
      "/Alpha/_apis/wit/workitems/$Task",
      [
        { op: "add", path: "/fields/System.Title", value: "x" },
        { op: "add", path: "/fields/System.AreaPath", value: "Alpha\\Nowhere" },
      ],
      token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^TF401347/);
  });
});

describe("JSON Patch only", () => {
  let id: number;
  beforeAll(async () => {
    id = (await createItem(emulator, token, { "System.Title": "Patch target" })).id;
  });

  it("refuses Content-Type application/json with 415", async () => {
    const answer = await call(emulator, "PATCH", `/_apis/wit/workitems/${id}`, {
      token,
      body: [{ op: "add", path: "/fields/System.Title", value: "y" }],
    });
    expect(answer.status).toBe(415);
    expect(answer.body.typeKey).toBe("VssRequestContentTypeNotSupportedException");
  });

  it("refuses an object body and a single operation", async () => {
    const object = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${id}`,
      { fields: { "System.Title": "y" } },
      token,
    );
    expect(object.status).toBe(400);
    expect(object.body.message).toBe(
      "You must pass a valid patch document in the body of the request.",
    );
    const single = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${id}`,
      { op: "add", path: "/fields/System.Title", value: "y" },
      token,
    );
    expect(single.status).toBe(400);
    const item = await call(emulator, "GET", `/_apis/wit/workitems/${id}`, { token });
    expect(item.body.rev).toBe(1);
  });

  it("refuses create with application/json too", async () => {
    const answer = await call(emulator, "POST", "/Alpha/_apis/wit/workitems/$Bug", {
      token,
      body: [{ op: "add", path: "/fields/System.Title", value: "y" }],
    });
    expect(answer.status).toBe(415);
  });
});

describe("read", () => {
  it("gets with $expand=relations, fields=, list ?ids= and batch", async () => {
    const a = await createItem(emulator, token, { "System.Title": "A" });
    const b = await createItem(emulator, token, { "System.Title": "B" });
    const one = await call(
      emulator,
      "GET",
      `/Alpha/_apis/wit/workitems/${a.id}?$expand=relations`,
      { token },
    );
    expect(one.body.relations).toEqual([]);
    const some = await call(
      emulator,
      "GET",
      `/_apis/wit/workitems/${a.id}?fields=System.Title,System.Id`,
      { token },
    );
    expect(some.body.fields).toEqual({ "System.Title": "A", "System.Id": a.id });
    const list = await call(emulator, "GET", `/_apis/wit/workitems?ids=${a.id},${b.id}`, { token });
    expect(list.body.value.map((w: { id: number }) => w.id)).toEqual([a.id, b.id]);
    const batch = await call(emulator, "POST", "/_apis/wit/workitemsbatch", {
      token,
      body: { ids: [b.id, 99999], fields: ["System.Title"], errorPolicy: "Omit" },
    });
    expect(batch.body.value[0].fields["System.Title"]).toBe("B");
    expect(batch.body.value[1]).toBeNull();
  });

  it("404s an unknown work item with TF401232 and refuses more than 200 ids", async () => {
    const missing = await call(emulator, "GET", "/_apis/wit/workitems/424242", { token });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/^TF401232/);
    const ids = Array.from({ length: 201 }, (_, i) => i + 1);
    const many = await call(emulator, "POST", "/_apis/wit/workitemsbatch", {
      token,
      body: { ids, errorPolicy: "omit" },
    });
    expect(many.status).toBe(400);
  });
});
