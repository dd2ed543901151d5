/**
 * Emulator work item updates: test /rev conflicts (tfsaggregator/aggregator-cli#128), the title
 * limit (TF401324, microsoft/onefuzz#3015), unknown identities (bluebasher/WorkItemUpdater#78),
 * states, tags, read-only fields, validateOnly, permissions, relations.
 */
import type { Emulator } from "../../../src/devhost/emulator/emulator";
import { call, createItem, patch, startTestEmulator } from "./emulator-helpers";

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  ({ emulator, token } = await startTestEmulator());
});
afterAll(() => emulator.close());

describe("update", () => {
  it("applies a test /rev at the current rev and refuses a stale one with 412", async () => {
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

  it("refuses a 256-character title with TF401324 and accepts 255", async () => {
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

  it("refuses an unknown assignee and saves nothing; resolves known ones by email or name", async () => {
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
