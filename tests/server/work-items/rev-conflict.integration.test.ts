import { getWorkItem } from "../../../src/server/ado/work-item-api";
import {
  setFieldsPlan,
  updateOwnedFields,
} from "../../../src/server/work-items/work-item-rev-retry";
import { createWorkItem } from "../../../src/server/work-items/work-item-save";
import { isSyncError } from "../../../src/shared/errors";
import { type AdoFixture, startAdoFixture } from "../../helpers/ado-emulator-fixture";

describe("rev-conflict retries", () => {
  let fx: AdoFixture;
  beforeAll(async () => {
    fx = await startAdoFixture();
  });
  afterAll(() => fx.emulator.close());
  afterEach(() => fx.emulator.faults.clear());

  async function newItem() {
    const { workItem } = await createWorkItem(fx.http, {
      project: "Alpha",
      type: "Bug",
      fields: { "System.Title": "Original", "System.Description": "<p>original</p>" },
    });
    return workItem;
  }

  it("re-reads and re-applies only its own fields; the user's edit survives", async () => {
    const item = await newItem();
    const read = await getWorkItem(fx.http, item.id); // the node read rev N ...
    fx.emulator.faults.add({
      kind: "concurrentEdit",
      workItemId: item.id,
      fields: { "System.Description": "<p>user's edit</p>" }, // ... a user saves rev N+1
    });
    const result = await updateOwnedFields(
      fx.http,
      item.id,
      setFieldsPlan({ "System.Title": "From the other side" }),
      {
        current: read,
      },
    );
    expect(result.status).toBe("updated");
    expect(result.conflicts).toBe(1);
    const after = await getWorkItem(fx.http, item.id);
    expect(after.fields["System.Title"]).toBe("From the other side");
    expect(after.fields["System.Description"]).toBe("<p>user's edit</p>");
    expect(fx.emulator.faults.hits().concurrentEdit).toBe(1);
  });

  it("gives up after 3 re-reads with SYNC_ERR_ADO_CONFLICT", async () => {
    const item = await newItem();
    fx.emulator.faults.add({ kind: "concurrentEdit", workItemId: item.id, count: 10 });
    const error = await updateOwnedFields(
      fx.http,
      item.id,
      setFieldsPlan({ "System.Title": "Never" }),
    ).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe("SYNC_ERR_ADO_CONFLICT");
    expect(fx.emulator.faults.hits().concurrentEdit).toBeGreaterThanOrEqual(4);
    expect((await getWorkItem(fx.http, item.id)).fields["System.Title"]).toBe("Original");
  });

  it("writes nothing when the fields already hold the values", async () => {
    const item = await newItem();
    const result = await updateOwnedFields(
      fx.http,
      item.id,
      setFieldsPlan({ "System.Title": "Original" }),
    );
    expect(result.status).toBe("unchanged");
    expect((await getWorkItem(fx.http, item.id)).rev).toBe(item.rev);
  });

  it("survives a lost update answer: the value lands once and nothing is applied twice", async () => {
    const item = await newItem();
    fx.emulator.faults.add({
      kind: "dropAfterApply",
      method: "PATCH",
      path: `/workitems/${item.id}`,
    });
    const result = await updateOwnedFields(
      fx.http,
      item.id,
      setFieldsPlan({ "System.Title": "Landed once" }),
      {
        current: item,
      },
    );
    const after = await getWorkItem(fx.http, item.id);
    expect(after.fields["System.Title"]).toBe("Landed once");
    expect(after.rev).toBe(item.rev + 1);
    expect(result.workItem.rev).toBe(after.rev);
    expect(fx.emulator.faults.hits().dropAfterApply).toBe(1);
  });
});
