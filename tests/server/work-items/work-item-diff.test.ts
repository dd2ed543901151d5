/**
 * diffWorkItem and the field mapping (pure functions, no worker pool). Field changes are
 * checked as the JSON Patch operations they are saved as (fieldOperations).
 */
import { diffWorkItem } from "../../../src/server/work-items/work-item-diff";
import { toScriptWorkItem } from "../../../src/server/work-items/work-item-fields";
import { emptyScriptWorkItem } from "../../../src/shared/contracts/replica";
import { diffAsJsonPatch, sampleWorkItem } from "../sandbox/sandbox-fixtures";

describe("diffWorkItem on an existing work item", () => {
  test("no change gives no operations", () => {
    expect(diffAsJsonPatch(sampleWorkItem(), sampleWorkItem())).toEqual({
      patch: [],
      comments: [],
      attachments: [],
      create: null,
    });
  });

  test("named properties become field reference names with Azure DevOps values", () => {
    const after = sampleWorkItem({
      summary: "New title",
      status: "Resolved",
      priority: 1,
      assignee: { email: "max@fabrikam.example", displayName: "Max Member" },
      labels: ["web", "p1"],
      areaPath: "Alpha\\Mobile",
    });
    expect(diffAsJsonPatch(sampleWorkItem(), after).patch).toEqual([
      { op: "add", path: "/fields/System.Title", value: "New title" },
      { op: "add", path: "/fields/System.State", value: "Resolved" },
      { op: "add", path: "/fields/Microsoft.VSTS.Common.Priority", value: 1 },
      { op: "add", path: "/fields/System.AssignedTo", value: "max@fabrikam.example" },
      { op: "add", path: "/fields/System.Tags", value: "web; p1" },
      { op: "add", path: "/fields/System.AreaPath", value: "Alpha\\Mobile" },
    ]);
  });

  test("cleared fields are removed", () => {
    const after = sampleWorkItem({ description: null, assignee: null, labels: [] });
    expect(diffAsJsonPatch(sampleWorkItem(), after).patch).toEqual([
      { op: "remove", path: "/fields/System.Description" },
      { op: "remove", path: "/fields/System.AssignedTo" },
      { op: "remove", path: "/fields/System.Tags" },
    ]);
  });

  test("custom and raw fields by reference name; named beats customFields beats fields", () => {
    const before = sampleWorkItem();
    const after = sampleWorkItem({
      summary: "Named wins",
      customFields: { "Custom.Team": "Blue" },
      fields: {
        ...before.fields,
        "System.Title": "raw title loses",
        "Custom.Team": "Green",
        "Microsoft.VSTS.TCM.ReproSteps": "<p>1. open</p>",
        "System.ChangedDate": "2030-01-01T00:00:00Z",
        "System.AssignedTo": { displayName: "Max", uniqueName: "max@fabrikam.example" },
      },
    });
    expect(diffAsJsonPatch(before, after).patch).toEqual([
      { op: "add", path: "/fields/System.Title", value: "Named wins" },
      { op: "add", path: "/fields/Custom.Team", value: "Blue" },
      { op: "add", path: "/fields/Microsoft.VSTS.TCM.ReproSteps", value: "<p>1. open</p>" },
      { op: "add", path: "/fields/System.AssignedTo", value: "max@fabrikam.example" },
    ]);
  });

  test("comments and attachments without an id are the ones to add", () => {
    const before = sampleWorkItem();
    const after = sampleWorkItem({
      comments: [
        ...before.comments,
        {
          id: null,
          remoteId: "77",
          author: null,
          body: "**hi**",
          format: "markdown",
          created: null,
          updated: null,
        },
      ],
      attachments: [
        ...before.attachments,
        {
          id: null,
          remoteId: "r9",
          filename: "log.txt",
          mimeType: "text/plain",
          size: 3,
          created: null,
          contentRef: "ref:r9",
        },
      ],
    });
    const changes = diffAsJsonPatch(before, after);
    expect(changes.patch).toEqual([]);
    expect(changes.comments).toEqual([
      { body: "**hi**", format: "markdown", remoteId: "77", author: null },
    ]);
    expect(changes.attachments).toEqual([
      {
        remoteId: "r9",
        filename: "log.txt",
        mimeType: "text/plain",
        size: 3,
        contentRef: "ref:r9",
      },
    ]);
  });

  test("changing project or type of an existing item is a field operation (a move)", () => {
    const after = sampleWorkItem({ projectKey: "Beta", type: "Task" });
    expect(diffAsJsonPatch(sampleWorkItem(), after).patch).toEqual([
      { op: "add", path: "/fields/System.WorkItemType", value: "Task" },
      { op: "add", path: "/fields/System.TeamProject", value: "Beta" },
    ]);
  });
});

describe("diffWorkItem on a field name that is not a reference name", () => {
  test("is refused as a script result error naming the field", () => {
    const before = sampleWorkItem();
    const after = sampleWorkItem({ fields: { ...before.fields, "Assigned To": "max" } });
    expect(() => diffWorkItem(before, after)).toThrow(
      expect.objectContaining({
        code: "SYNC_ERR_SCRIPT_RESULT",
        message: expect.stringContaining('"Assigned To"'),
      }),
    );
  });
});

describe("diffWorkItem on first sync", () => {
  test("project and type go to `create`; empty fields give no operations", () => {
    const after = {
      ...emptyScriptWorkItem(),
      projectKey: "Beta",
      type: "Bug",
      summary: "T",
      description: null,
    };
    expect(diffAsJsonPatch(emptyScriptWorkItem(), after)).toEqual({
      patch: [{ op: "add", path: "/fields/System.Title", value: "T" }],
      comments: [],
      attachments: [],
      create: { projectKey: "Beta", type: "Bug" },
    });
  });
});

describe("toScriptWorkItem", () => {
  test("maps a REST work item's fields to the script work item", () => {
    const item = toScriptWorkItem({
      id: 42,
      fields: {
        "System.Id": 42,
        "System.Title": "T",
        "System.WorkItemType": "Bug",
        "System.State": "New",
        "System.TeamProject": "Alpha",
        "System.AreaPath": "Alpha",
        "System.IterationPath": "Alpha\\Sprint 1",
        "System.Tags": "web; auth",
        "System.CreatedDate": "2026-11-01T10:00:00Z",
        "System.AssignedTo": { displayName: "Ada Admin", uniqueName: "ada@contoso.example" },
        "System.CreatedBy": "Max Member <max@contoso.example>",
        "Microsoft.VSTS.Common.Priority": 2,
        "Custom.Team": "Red",
      },
    });
    expect(item).toMatchObject({
      id: 42,
      key: "42",
      summary: "T",
      description: null,
      type: "Bug",
      status: "New",
      priority: 2,
      assignee: { email: "ada@contoso.example", displayName: "Ada Admin" },
      reporter: { email: "max@contoso.example", displayName: "Max Member" },
      labels: ["web", "auth"],
      projectKey: "Alpha",
      created: "2026-11-01T10:00:00Z",
      customFields: { "Custom.Team": "Red" },
    });
    expect(item.fields["System.Id"]).toBe(42);
    expect(diffAsJsonPatch(item, structuredClone(item)).patch).toEqual([]);
  });
});
