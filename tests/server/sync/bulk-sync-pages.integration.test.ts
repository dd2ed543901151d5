/**
 * Bulk sync reads the trigger's work items in pages by id, so a trigger matching more than one
 * WIQL query returns (the service caps a flat result at 20000, VS402337) is sent whole, each
 * work item once, with `total` growing as pages arrive.
 */
import { eventsAfter } from "../../../src/server/queue/sync-queue";
import { BulkSyncService } from "../../../src/server/sync/bulk-sync-service";
import { testDialects } from "../../helpers/with-store";
import { createAsUser, useOneSide } from "./sync-harness";

jest.setTimeout(90_000);

const PAGE = 3;
const ITEMS = 8;

for (const dialect of testDialects()) {
  describe(`bulk sync pages on ${dialect}`, () => {
    const one = useOneSide({
      organization: "contoso",
      dialect,
      limits: { bulkSyncPageSize: PAGE },
    });

    test("every matching work item is sent once across pages; the others are left alone", async () => {
      const bugs: number[] = [];
      for (let n = 0; n < ITEMS; n++) {
        bugs.push((await createAsUser(one.side, "Bug", { "System.Title": `Old bug ${n}` })).id);
        await createAsUser(one.side, "Task", { "System.Title": `Old task ${n}` });
      }
      const trigger = await one.side.triggers.create(one.side.connectionId, {
        workItemType: "Bug",
        where: "",
      });
      const bulk = new BulkSyncService(one.side.context, one.side.triggers);
      const started = await bulk.start(one.side.connectionId, trigger.id);
      await bulk.idle();
      const job = await bulk.progress(one.side.connectionId, started.id);
      expect(job).toMatchObject({ state: "done", total: ITEMS, processed: ITEMS, sent: ITEMS });
      const events = await eventsAfter(one.side.store.db, one.side.connectionId, 0, 100);
      expect(events.map((event) => Number(event.workItemId))).toEqual(bugs);
    });
  });
}
