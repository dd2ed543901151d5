import { listProjects } from "../../../src/server/ado/project-api";
import { queryWiql } from "../../../src/server/ado/wiql-api";
import { getWorkItem } from "../../../src/server/ado/work-item-api";
import { createWithMarker } from "../../../src/server/work-items/work-item-create-marker";
import { createWorkItem } from "../../../src/server/work-items/work-item-save";
import { isSyncError } from "../../../src/shared/errors";
import { type AdoFixture, startAdoFixture } from "../../helpers/ado-emulator-fixture";

describe("rate limits and lost answers against the emulator", () => {
  let fx: AdoFixture;
  beforeAll(async () => {
    fx = await startAdoFixture({}, { product: "services" });
  });
  afterAll(() => fx.emulator.close());
  afterEach(() => fx.emulator.faults.clear());

  it("uses a 200 with Retry-After, waits before the next request, retries 429s", async () => {
    fx.emulator.faults.add({
      kind: "retryAfterOn200",
      path: "/_apis/projects",
      retryAfterSeconds: 5,
    });
    const projects = await listProjects(fx.http);
    expect(projects.map((p) => p.name)).toEqual(expect.arrayContaining(["Alpha", "Beta"]));
    const before = fx.clock.sleptTotal();

    fx.emulator.faults.add({ kind: "throttle", path: "/_apis/projects", retryAfterSeconds: 10 });
    fx.emulator.faults.add({ kind: "throttle", path: "/_apis/projects" });
    const again = await listProjects(fx.http);
    expect(again).toHaveLength(projects.length);
    expect(fx.clock.slept[0]).toBeGreaterThanOrEqual(5000);
    expect(fx.clock.slept[1]).toBeGreaterThanOrEqual(10_000);
    expect(fx.clock.slept[2]).toBeGreaterThan(0);
    expect(fx.clock.sleptTotal() - before).toBeGreaterThanOrEqual(15_000);
    expect(fx.emulator.faults.hits().throttle).toBe(2);
  });

  it("retries 5xx on reads and reports SYNC_ERR_ADO_UNREACHABLE once attempts run out", async () => {
    fx.emulator.faults.add({ kind: "serverError", path: "/_apis/projects", status: 503, count: 5 });
    const error = await listProjects(fx.http).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe("SYNC_ERR_ADO_UNREACHABLE");
    expect(isSyncError(error) && error.details).toMatchObject({ status: 503, attempts: 5 });
    expect(fx.emulator.faults.hits().serverError).toBe(5);
  });

  it("a retried create never makes a second item (dropped answer)", async () => {
    fx.emulator.faults.add({
      kind: "dropAfterApply",
      method: "POST",
      path: "/_apis/wit/workitems/$",
    });
    const marker = { kind: "tag" as const, tag: "exalate:fabrikam:4711" };
    const result = await createWithMarker(fx.http, {
      project: "Alpha",
      type: "Bug",
      fields: { "System.Title": "Made once" },
      marker,
    });
    expect(result.adopted).toBe(true);
    expect(fx.emulator.faults.hits().dropAfterApply).toBe(1);
    const again = await createWithMarker(
      fx.http,
      { project: "Alpha", type: "Bug", fields: { "System.Title": "Made once" }, marker },
      { lookupFirst: true },
    );
    expect(again).toMatchObject({ adopted: true, workItem: { id: result.workItem.id } });
    const read = await getWorkItem(fx.http, result.workItem.id);
    expect(read.fields["System.Tags"]).toContain("exalate:fabrikam:4711");
  });

  it("a create refused with 503 is looked up, found missing, and made exactly once", async () => {
    fx.emulator.faults.add({
      kind: "serverError",
      method: "POST",
      path: "/_apis/wit/workitems/$",
      status: 503,
    });
    const marker = { kind: "tag" as const, tag: "exalate:fabrikam:5000" };
    const result = await createWithMarker(fx.http, {
      project: "Alpha",
      type: "Task",
      fields: { "System.Title": "After a 503" },
      marker,
    });
    expect(result.adopted).toBe(false);
    const { ids } = await queryWiql(
      fx.http,
      "SELECT [System.Id] FROM WorkItems WHERE [System.Tags] CONTAINS 'exalate:fabrikam:5000'",
    );
    expect(ids).toEqual([result.workItem.id]);
  });

  it("a create throttled with 429 is retried by the client itself (the service did not run it)", async () => {
    fx.emulator.faults.add({
      kind: "throttle",
      method: "POST",
      path: "/_apis/wit/workitems/$",
      retryAfterSeconds: 2,
    });
    const before = fx.clock.sleptTotal();
    const { workItem } = await createWorkItem(fx.http, {
      project: "Alpha",
      type: "Task",
      fields: { "System.Title": "After a 429" },
    });
    expect(workItem.fields["System.Title"]).toBe("After a 429");
    expect(fx.clock.sleptTotal() - before).toBeGreaterThanOrEqual(2000);
    const { ids } = await queryWiql(
      fx.http,
      "SELECT [System.Id] FROM WorkItems WHERE [System.Title] = 'After a 429'",
    );
    expect(ids).toHaveLength(1);
  });
});
