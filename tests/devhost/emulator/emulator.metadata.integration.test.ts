/** Work item types, states, fields, relation types and classification nodes. */
import type { Emulator } from "../../../src/devhost/emulator/emulator";
import { call, startTestEmulator } from "./emulator-helpers";

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  ({ emulator, token } = await startTestEmulator());
});
afterAll(() => emulator.close());

describe("types and fields", () => {
  it("lists the five types and each type's states", async () => {
    const types = await call(emulator, "GET", "/Alpha/_apis/wit/workitemtypes", { token });
    expect(types.body.value.map((t: { name: string }) => t.name)).toEqual([
      "Bug",
      "Task",
      "User Story",
      "Epic",
      "Feature",
    ]);
    const states = await call(emulator, "GET", "/Alpha/_apis/wit/workitemtypes/Task/states", {
      token,
    });
    expect(states.body.value.map((s: { name: string }) => s.name)).toEqual([
      "New",
      "Active",
      "Closed",
      "Removed",
    ]);
    const story = await call(emulator, "GET", "/Alpha/_apis/wit/workitemtypes/User%20Story", {
      token,
    });
    expect(story.body.referenceName).toBe("Microsoft.VSTS.WorkItemTypes.UserStory");
    expect(story.body.transitions.New.map((t: { to: string }) => t.to)).toContain("Active");
  });

  it("lists fields and gets one by reference name", async () => {
    const fields = await call(emulator, "GET", "/_apis/wit/fields", { token });
    expect(fields.body.value.map((f: { referenceName: string }) => f.referenceName)).toContain(
      "System.Tags",
    );
    const title = await call(emulator, "GET", "/_apis/wit/fields/System.Title", { token });
    expect(title.body).toMatchObject({ name: "Title", type: "string", readOnly: false });
    const missing = await call(emulator, "GET", "/_apis/wit/fields/Custom.X", { token });
    expect(missing.status).toBe(400);
  });

  it("lists relation types", async () => {
    const answer = await call(emulator, "GET", "/_apis/wit/workitemrelationtypes", { token });
    expect(answer.body.value.map((r: { referenceName: string }) => r.referenceName)).toContain(
      "AttachedFile",
    );
  });
});

describe("classification nodes", () => {
  it("answers the area root with children at depth 1", async () => {
    const answer = await call(
      emulator,
      "GET",
      "/Alpha/_apis/wit/classificationnodes/areas?$depth=1",
      { token },
    );
    expect(answer.body.name).toBe("Alpha");
    expect(answer.body.path).toBe("\\Alpha\\Area");
    expect(answer.body.children.map((c: { name: string }) => c.name)).toEqual(["Web", "Mobile"]);
  });

  it("answers an iteration by path with its dates, and the roots list", async () => {
    const sprint = await call(
      emulator,
      "GET",
      "/Beta/_apis/wit/classificationnodes/iterations/Sprint%202",
      { token },
    );
    expect(sprint.body.path).toBe("\\Beta\\Iteration\\Sprint 2");
    expect(typeof sprint.body.attributes.startDate).toBe("string");
    const roots = await call(emulator, "GET", "/Beta/_apis/wit/classificationnodes", { token });
    expect(roots.body.value.map((n: { structureType: string }) => n.structureType)).toEqual([
      "area",
      "iteration",
    ]);
  });

  it("adds a child area that work items can then use", async () => {
    const added = await call(emulator, "POST", "/Alpha/_apis/wit/classificationnodes/areas/Web", {
      token,
      body: { name: "Checkout" },
    });
    expect(added.status).toBe(201);
    expect(added.body.path).toBe("\\Alpha\\Area\\Web\\Checkout");
    const missing = await call(
      emulator,
      "GET",
      "/Alpha/_apis/wit/classificationnodes/areas/Nowhere",
      { token },
    );
    expect(missing.status).toBe(404);
  });
});
