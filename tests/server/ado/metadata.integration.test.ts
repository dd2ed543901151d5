import {
  getProject,
  listFields,
  listProjects,
  listWorkItemTypes,
  listWorkItemTypeStates,
} from "../../../src/server/ado/project-api";
import { queryWiql } from "../../../src/server/ado/wiql-api";
import { buildWatermarkQuery } from "../../../src/server/ado/wiql-watermark";
import { getWorkItem } from "../../../src/server/ado/work-item-api";
import { listUpdates, updatesByOthers } from "../../../src/server/ado/work-item-updates-api";
import { createWorkItem, updateWorkItem } from "../../../src/server/work-items/work-item-save";
import { type AdoFixture, startAdoFixture } from "../../helpers/ado-emulator-fixture";

describe("projects, process metadata, WIQL watermark and updates", () => {
  let fx: AdoFixture;
  beforeAll(async () => {
    fx = await startAdoFixture();
  });
  afterAll(() => fx.emulator.close());

  it("lists projects, types, states and fields", async () => {
    const projects = await listProjects(fx.http);
    expect(projects.map((p) => p.name)).toEqual(expect.arrayContaining(["Alpha", "Beta"]));
    expect((await getProject(fx.http, "Alpha")).id).toBe(
      projects.find((p) => p.name === "Alpha")?.id,
    );
    const types = await listWorkItemTypes(fx.http, "Alpha");
    expect(types.map((t) => t.name)).toEqual(
      expect.arrayContaining(["Bug", "Task", "User Story", "Epic", "Feature"]),
    );
    const states = await listWorkItemTypeStates(fx.http, "Alpha", "User Story");
    expect(states.length).toBeGreaterThan(1);
    expect(states[0]).toHaveProperty("category");
    const fields = await listFields(fx.http);
    expect(fields.map((f) => f.referenceName)).toEqual(
      expect.arrayContaining(["System.Title", "System.AssignedTo"]),
    );
  });

  it("finds only what changed after the watermark within the trigger", async () => {
    const before = await createWorkItem(fx.http, {
      project: "Alpha",
      type: "Bug",
      fields: { "System.Title": "old" },
    });
    const watermark = before.workItem.fields["System.ChangedDate"] as string;
    const bug = await createWorkItem(fx.http, {
      project: "Alpha",
      type: "Bug",
      fields: { "System.Title": "new bug" },
    });
    await createWorkItem(fx.http, {
      project: "Alpha",
      type: "Task",
      fields: { "System.Title": "new task" },
    });
    const query = buildWatermarkQuery({
      where: "[System.WorkItemType] = 'Bug' OR [System.WorkItemType] = 'Epic'",
      since: watermark,
      project: "Alpha",
    });
    const { ids } = await queryWiql(fx.http, query, { project: "Alpha" });
    expect(ids).toEqual([bug.workItem.id]);
  });

  it("tells the sync's own writes from a user's edits by revisedBy", async () => {
    const { workItem } = await createWorkItem(fx.http, {
      project: "Alpha",
      type: "Bug",
      fields: { "System.Title": "mine" },
    });
    await updateWorkItem(fx.userHttp, { id: workItem.id, fields: { "System.Title": "user edit" } });
    const updates = await listUpdates(fx.http, workItem.id);
    expect(updates.map((u) => u.rev)).toEqual([1, 2]);
    const others = updatesByOthers(updates, { id: fx.emulator.users.sync });
    expect(others.map((u) => u.rev)).toEqual([2]);
    expect((await listUpdates(fx.http, workItem.id, { afterRev: 1 })).map((u) => u.rev)).toEqual([
      2,
    ]);
    expect((await getWorkItem(fx.http, workItem.id)).rev).toBe(2);
  });
});
