/**
 * Emulator work items: create and update with JSON Patch only (S1), test /rev conflicts (S7),
 * title limit (S3), unknown identities (S2), states, tags, paths, permissions, list and batch.
 */
import type { Emulator } from "../../src/devhost/emulator/emulator";
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

describe("JSON Patch only (case S1)", () => {
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

describe("update", () => {
  it("applies a test /rev at the current rev and refuses a stale one with 412 (case S7)", async () => {
    const item = await createItem(emulator, token, { "System.Title": "Rev" });
    const ok = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [
        { op: "test", path: "/rev", value: 1 },
        { op: "replace", path: "/fields/System.Title", value: "Rev 2" },
      ],
      token,
    );
    expect(ok.body.rev).toBe(2);
    expect(Date.parse(ok.body.fields["System.ChangedDate"])).toBeGreaterThan(
      Date.parse(item.fields["System.ChangedDate"]),
    );
    const stale = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [
        { op: "test", path: "/rev", value: 1 },
        { op: "replace", path: "/fields/System.Title", value: "lost" },
      ],
      token,
    );
    expect(stale.status).toBe(412);
    expect(stale.body.message).toMatch(/^TF26071/);
    const now = await call(emulator, "GET", `/_apis/wit/workitems/${item.id}`, { token });
    expect(now.body.fields["System.Title"]).toBe("Rev 2");
  });

  it("refuses a 256-character title with TF401324 and accepts 255 (case S3)", async () => {
    const item = await createItem(emulator, token, { "System.Title": "T" });
    const long = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [{ op: "add", path: "/fields/System.Title", value: "x".repeat(256) }],
      token,
    );
    expect(long.status).toBe(400);
    expect(long.body.message).toBe("TF401324: Value for field 'System.Title' is too long.");
    const max = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [{ op: "add", path: "/fields/System.Title", value: "x".repeat(255) }],
      token,
    );
    expect(max.status).toBe(200);
  });

  it("refuses an unknown assignee and saves nothing (case S2); resolves known ones by email or name", async () => {
    const item = await createItem(emulator, token, { "System.Title": "Assign" });
    const unknown = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [
        { op: "add", path: "/fields/System.Title", value: "changed" },
        { op: "add", path: "/fields/System.AssignedTo", value: "ghost@fabrikam.example" },
      ],
      token,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe(
      "The identity value 'ghost@fabrikam.example' for field 'Assigned To' is an unknown identity.",
    );
    const byName = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [{ op: "add", path: "/fields/System.AssignedTo", value: "Max Member <max@contoso.example>" }],
      token,
    );
    expect(byName.body.fields["System.AssignedTo"].id).toBe(emulator.users.max);
    expect(byName.body.fields["System.Title"]).toBe("Assign");
    const cleared = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [{ op: "add", path: "/fields/System.AssignedTo", value: "" }],
      token,
    );
    expect(cleared.body.fields["System.AssignedTo"]).toBeUndefined();
  });

  it("accepts only states of the type", async () => {
    const item = await createItem(emulator, token, { "System.Title": "States" }, "Task");
    const bad = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [{ op: "add", path: "/fields/System.State", value: "Resolved" }],
      token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Rule Error for field State/);
    const ok = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [{ op: "add", path: "/fields/System.State", value: "closed" }],
      token,
    );
    expect(ok.body.fields["System.State"]).toBe("Closed");
    expect(ok.body.fields["Microsoft.VSTS.Common.ClosedBy"].uniqueName).toBe("ada@contoso.example");
  });

  it("normalizes tags to '; ' separated, deduplicated", async () => {
    const item = await createItem(emulator, token, {
      "System.Title": "Tags",
      "System.Tags": "beta;Alpha; beta ;;",
    });
    expect(item.fields["System.Tags"]).toBe("Alpha; beta");
  });

  it("refuses writes to read-only fields and unknown fields", async () => {
    const item = await createItem(emulator, token, { "System.Title": "RO" });
    const ro = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [{ op: "add", path: "/fields/System.CreatedDate", value: "2020-01-01T00:00:00Z" }],
      token,
    );
    expect(ro.body.message).toMatch(/^TF401326/);
    const bypass = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}?bypassRules=true`,
      [{ op: "add", path: "/fields/System.CreatedDate", value: "2020-01-01T00:00:00Z" }],
      token,
    );
    expect(bypass.body.fields["System.CreatedDate"]).toBe("2020-01-01T00:00:00.000Z");
    const unknown = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}`,
      [{ op: "add", path: "/fields/Custom.Nope", value: 1 }],
      token,
    );
    expect(unknown.body.message).toBe("TF51535: Cannot find field Custom.Nope.");
  });

  it("validateOnly checks without saving", async () => {
    const item = await createItem(emulator, token, { "System.Title": "VO" });
    const answer = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${item.id}?validateOnly=true`,
      [{ op: "add", path: "/fields/System.Title", value: "not saved" }],
      token,
    );
    expect(answer.body.rev).toBe(1);
    const now = await call(emulator, "GET", `/_apis/wit/workitems/${item.id}`, { token });
    expect(now.body.fields["System.Title"]).toBe("VO");
  });

  it("refuses a reader's write with TF237111", async () => {
    const rita = await emulator.issueAccessToken(emulator.users.rita);
    const answer = await patch(
      emulator,
      "POST",
      "/Alpha/_apis/wit/workitems/$Bug",
      [{ op: "add", path: "/fields/System.Title", value: "x" }],
      rita,
    );
    expect(answer.status).toBe(403);
    expect(answer.body.message).toMatch(/^TF237111/);
  });

  it("adds, edits and removes relations", async () => {
    const parent = await createItem(emulator, token, { "System.Title": "Parent" }, "Feature");
    const child = await createItem(emulator, token, { "System.Title": "Child" }, "User Story");
    const linked = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${child.id}`,
      [
        {
          op: "add",
          path: "/relations/-",
          value: { rel: "System.LinkTypes.Hierarchy-Reverse", url: parent.url },
        },
        {
          op: "add",
          path: "/relations/-",
          value: { rel: "Hyperlink", url: "https://example.com/spec" },
        },
      ],
      token,
    );
    expect(linked.body.relations).toHaveLength(2);
    expect(linked.body.fields["System.Parent"]).toBe(parent.id);
    expect(linked.body.fields["System.HyperLinkCount"]).toBe(1);
    const edited = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${child.id}`,
      [{ op: "replace", path: "/relations/1/attributes/comment", value: "the spec" }],
      token,
    );
    expect(edited.body.relations[1].attributes.comment).toBe("the spec");
    const removed = await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${child.id}`,
      [{ op: "remove", path: "/relations/0" }],
      token,
    );
    expect(removed.body.relations).toHaveLength(1);
    expect(removed.body.fields["System.Parent"]).toBeUndefined();
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
