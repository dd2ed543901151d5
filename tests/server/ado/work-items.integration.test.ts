import { getWorkItem, getWorkItems } from "../../../src/server/ado/work-item-api";
import { createWorkItem, updateWorkItem } from "../../../src/server/work-items/work-item-save";
import { isSyncError } from "../../../src/shared/errors";
import { type AdoFixture, startAdoFixture } from "../../helpers/ado-emulator-fixture";

describe("work items against the emulator", () => {
  let fx: AdoFixture;
  beforeAll(async () => {
    fx = await startAdoFixture();
  });
  afterAll(() => fx.emulator.close());

  it("creates with $Type and updates with a JSON Patch array (Work Items - Update)", async () => {
    const created = await createWorkItem(fx.http, {
      project: "Alpha",
      type: "User Story",
      fields: { "System.Title": "Story", "Microsoft.VSTS.Common.Priority": 2 },
    });
    expect(created.warnings).toEqual([]);
    expect(created.workItem.fields["System.WorkItemType"]).toBe("User Story");
    const updated = await updateWorkItem(fx.http, {
      project: "Alpha",
      id: created.workItem.id,
      rev: created.workItem.rev,
      fields: { "System.Title": "Story, renamed" },
    });
    expect(updated.workItem.rev).toBe(created.workItem.rev + 1);
    const read = await getWorkItem(fx.http, created.workItem.id);
    expect(read.fields["System.Title"]).toBe("Story, renamed");
    expect(read.fields["Microsoft.VSTS.Common.Priority"]).toBe(2);
  });

  it("saves a too-long title cut to 255 units with a warning", async () => {
    const title = `[fabrikam] ${"a".repeat(243)}😀 and more`;
    const created = await createWorkItem(fx.http, {
      project: "Alpha",
      type: "Bug",
      fields: { "System.Title": title },
    });
    const saved = created.workItem.fields["System.Title"] as string;
    expect(saved.length).toBeLessThanOrEqual(255);
    expect(saved.endsWith("a")).toBe(true);
    expect(created.warnings.map((w) => w.code)).toEqual(["TITLE_TRUNCATED"]);
  });

  it("saves every other field when the assignee is unknown, with a warning", async () => {
    const created = await createWorkItem(fx.http, {
      project: "Alpha",
      type: "Bug",
      fields: {
        "System.Title": "Assigned elsewhere",
        "System.AssignedTo": "ghost@fabrikam.example",
      },
    });
    expect(created.workItem.fields["System.Title"]).toBe("Assigned elsewhere");
    expect(created.workItem.fields["System.AssignedTo"]).toBeUndefined();
    expect(created.warnings).toEqual([
      expect.objectContaining({
        code: "IDENTITY_UNKNOWN",
        field: "System.AssignedTo",
        details: expect.objectContaining({ identity: "ghost@fabrikam.example" }),
      }),
    ]);
  });

  it("uses the configured fallback identity for an unknown assignee", async () => {
    const created = await createWorkItem(
      fx.http,
      {
        project: "Alpha",
        type: "Bug",
        fields: { "System.Title": "Fallback", "System.AssignedTo": "ghost@fabrikam.example" },
      },
      { identity: { fallback: "max@contoso.example" } },
    );
    const assignee = created.workItem.fields["System.AssignedTo"] as { uniqueName?: string };
    expect(assignee.uniqueName).toBe("max@contoso.example");
    expect(created.warnings[0]).toMatchObject({
      code: "IDENTITY_UNKNOWN",
      details: { fallback: "max@contoso.example" },
    });
  });

  it("reads batches in chunks of 200 and lists ids it could not return", async () => {
    const { workItem } = await createWorkItem(fx.http, {
      project: "Alpha",
      type: "Task",
      fields: { "System.Title": "t" },
    });
    const ids = [workItem.id, ...Array.from({ length: 250 }, (_, i) => 100_000 + i)];
    const result = await getWorkItems(fx.http, ids);
    expect(result.items.map((i) => i.id)).toEqual([workItem.id]);
    expect(result.missing).toHaveLength(250);
  });

  it("refuses a stale rev with SYNC_ERR_ADO_CONFLICT", async () => {
    const { workItem } = await createWorkItem(fx.http, {
      project: "Alpha",
      type: "Task",
      fields: { "System.Title": "t" },
    });
    await updateWorkItem(fx.userHttp, { id: workItem.id, fields: { "System.Title": "user edit" } });
    const error = await updateWorkItem(fx.http, {
      id: workItem.id,
      rev: workItem.rev,
      fields: { "System.Title": "x" },
    }).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe("SYNC_ERR_ADO_CONFLICT");
  });
});
