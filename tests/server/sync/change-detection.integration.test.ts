/**
 * Change detection's cursor: more work items sharing one `System.ChangedDate` than one poll
 * reads (a migration import with bypassRules, a bulk edit) are all sent, each once, page by
 * page; a trigger deactivated and activated again starts a fresh cursor.
 */
import type { AdoWorkItem } from "../../../src/server/ado/ado-types";
import { patchWorkItem } from "../../../src/server/ado/work-item-api";
import { findTrigger } from "../../../src/server/triggers/trigger-repository";
import { testDialects } from "../../helpers/with-store";
import { type SyncSide, useOneSide } from "./sync-harness";

jest.setTimeout(90_000);

const PAGE = 3;
const SHARED_DATE_ITEMS = 7;

for (const dialect of testDialects()) {
  describe(`change detection cursor on ${dialect}`, () => {
    let triggerId = "";
    const one = useOneSide(
      { organization: "contoso", dialect, limits: { pollPageSize: PAGE } },
      async (side) => {
        triggerId = (
          await side.triggers.create(side.connectionId, { workItemType: "Bug", where: "" })
        ).id;
      },
    );

    const sentIds = async () =>
      (await one.side.engine.pollOnce())
        .filter((r) => r.outcome === "sent")
        .map((r) => r.workItemId);

    test("items sharing one ChangedDate beyond a page are all sent, each once, in id order", async () => {
      const changedDate = new Date(Date.now() - 5_000).toISOString();
      const created: number[] = [];
      for (let n = 0; n < SHARED_DATE_ITEMS; n++) {
        const item = await importWorkItem(one.side, `Imported ${n}`, changedDate);
        expect(new Date(String(item.fields["System.ChangedDate"])).toISOString()).toBe(changedDate);
        created.push(item.id);
      }
      const polls: number[][] = [];
      for (let poll = 0; poll < 4; poll++) polls.push(await sentIds());
      expect(polls.map((ids) => ids.length)).toEqual([3, 3, 1, 0]);
      expect(polls.flat()).toEqual([...created].sort((x, y) => x - y));
      const trigger = await findTrigger(one.side.store.db, one.side.connectionId, triggerId);
      expect(trigger?.watermark).toBe(changedDate);
      expect(trigger?.watermark_id).toBe(Math.max(...created));
    });

    test("a later change to one of them is sent again; the others are not", async () => {
      const [first] = (await one.side.triggers.list(one.side.connectionId)).map((t) => t.id);
      expect(first).toBe(triggerId);
      const ids = (await one.side.engine.pollOnce()).map((r) => r.workItemId);
      expect(ids).toEqual([]);
      const trigger = await findTrigger(one.side.store.db, one.side.connectionId, triggerId);
      const target = trigger!.watermark_id!;
      await patchWorkItem(one.side.user, {
        id: target,
        operations: [{ op: "add", path: "/fields/System.Title", value: "Edited after import" }],
      });
      expect(await sentIds()).toEqual([target]);
      expect(await sentIds()).toEqual([]);
    });

    test("reactivating a trigger clears the tie-breaking id with the new start watermark", async () => {
      await one.side.triggers.setActive(one.side.connectionId, triggerId, false);
      await one.side.triggers.setActive(one.side.connectionId, triggerId, true);
      const trigger = await findTrigger(one.side.store.db, one.side.connectionId, triggerId);
      expect(trigger?.watermark_id).toBeNull();
      expect(trigger?.watermark).not.toBeNull();
    });
  });
}

/** Creates a Bug as a migration tool does: `bypassRules=true` with its own ChangedDate. */
async function importWorkItem(side: SyncSide, title: string, changedDate: string) {
  const response = await side.user.send<AdoWorkItem>({
    method: "POST",
    path: "Alpha/_apis/wit/workitems/$Bug",
    query: { bypassRules: "true" },
    body: {
      kind: "patch",
      operations: [
        { op: "add", path: "/fields/System.Title", value: title },
        { op: "add", path: "/fields/System.ChangedDate", value: changedDate },
      ],
    },
  });
  return response.data;
}
