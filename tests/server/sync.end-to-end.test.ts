import { getWorkItem } from "../../src/server/ado/work-item-api";
import { findTwinByRemoteId } from "../../src/server/storage/twin-repository";
import { testDialects } from "../helpers/with-store";
import {
  createAsUser,
  INCOMING_WITH_STATE,
  settle,
  startPair,
  type SyncPair,
  updateAsUser,
} from "./sync-harness";

jest.setTimeout(60_000);

for (const dialect of testDialects()) {
  describe(`sync between two organizations on ${dialect}`, () => {
    let pair: SyncPair;
    beforeAll(async () => {
      pair = await startPair(dialect, { incoming: INCOMING_WITH_STATE });
      for (const side of [pair.a, pair.b]) {
        await side.triggers.create(side.connectionId, {
          workItemType: "Bug",
          where: "[System.State] <> 'Closed'",
        });
      }
    });
    afterAll(async () => {
      await pair?.dispose();
    });

    test("a work item created on contoso that matches the trigger appears on fabrikam", async () => {
      const created = await createAsUser(pair.a, "Bug", {
        "System.Title": "Login fails",
        "System.Description": "<p>Steps</p>",
        "System.Tags": "web; urgent",
      });
      const sent = await settle(pair);
      expect(sent.a).toBe(1);
      const twin = await findTwinByRemoteId(
        pair.b.store.db,
        pair.b.connectionId,
        String(created.id),
      );
      expect(twin).toBeDefined();
      const http = await pair.b.context.ado.client();
      const copy = await getWorkItem(http, twin!.localId);
      expect(copy.fields["System.Title"]).toBe("Login fails");
      expect(copy.fields["System.Description"]).toBe("<p>Steps</p>");
      expect(String(copy.fields["System.Tags"])).toContain("urgent");
    });
  });
}
