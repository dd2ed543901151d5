/**
 * Bulk sync reads the trigger's work items in pages by id, so a trigger matching more than one
 * WIQL query returns (the service caps a flat result at 20000, VS402337) is sent whole, each
 * work item once, with `total` growing as pages arrive.
 */
import { randomUUID } from "node:crypto";

import { eventsAfter } from "../../src/server/queue/sync-queue";
import { createScriptRunner, type ScriptRunner } from "../../src/server/sandbox/script-runner";
import { BulkSyncService } from "../../src/server/sync/bulk-sync-service";
import { testDialects } from "../helpers/with-store";
import { createAsUser, startSide, type SyncSide } from "./sync-harness";

jest.setTimeout(90_000);

const PAGE = 3;
const ITEMS = 8;

for (const dialect of testDialects()) {
  describe(`bulk sync pages on ${dialect}`, () => {
    let scripts: ScriptRunner;
    let side: SyncSide;

    beforeAll(async () => {
      scripts = createScriptRunner({ threads: 1 });
      side = await startSide({
        organization: "contoso",
        dialect,
        connectionId: randomUUID(),
        localShortName: "contoso",
        remoteShortName: "fabrikam",
        scripts,
        limits: { bulkSyncPageSize: PAGE },
      });
    });
    afterAll(async () => {
      await side?.dispose();
      await scripts?.close();
    });

    test("every matching work item is sent once across pages; the others are left alone", async () => {
      const bugs: number[] = [];
      for (let n = 0; n < ITEMS; n++) {
        bugs.push((await createAsUser(side, "Bug", { "System.Title": `Old bug ${n}` })).id);
        await createAsUser(side, "Task", { "System.Title": `Old task ${n}` });
      }
      const trigger = await side.triggers.create(side.connectionId, {
        workItemType: "Bug",
        where: "",
      });
      const bulk = new BulkSyncService(side.context, side.triggers);
      const started = await bulk.start(side.connectionId, trigger.id);
      await bulk.idle();
      const job = await bulk.progress(side.connectionId, started.id);
      expect(job).toMatchObject({ state: "done", total: ITEMS, processed: ITEMS, sent: ITEMS });
      const events = await eventsAfter(side.store.db, side.connectionId, 0, 100);
      expect(events.map((event) => Number(event.workItemId))).toEqual(bugs);
    });
  });
}
