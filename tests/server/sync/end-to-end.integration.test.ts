import {
  attachedFiles,
  downloadAttachment,
  uploadAttachment,
} from "../../../src/server/ado/attachment-api";
import { addComment, listComments } from "../../../src/server/ado/comment-api";
import { getWorkItem } from "../../../src/server/ado/work-item-api";
import { findTwinByRemoteId } from "../../../src/server/sync/twin-repository";
import { linkAttachment } from "../../../src/server/work-items/attachment-link";
import { testDialects } from "../../helpers/with-store";
import {
  createAsUser,
  INCOMING_WITH_STATE,
  settle,
  startPair,
  type SyncPair,
  updateAsUser,
} from "./sync-harness";

jest.setTimeout(90_000);

for (const dialect of testDialects()) {
  describe(`sync between two organizations on ${dialect}`, () => {
    let pair: SyncPair;
    let sourceId = 0;
    let twinId = 0;
    const readB = async () => getWorkItem(await pair.b.context.ado.client(), twinId);
    const readA = async () => getWorkItem(await pair.a.context.ado.client(), sourceId);

    beforeAll(async () => {
      pair = await startPair(dialect, { incoming: INCOMING_WITH_STATE });
      for (const side of [pair.a, pair.b]) {
        await side.triggers.create(side.connectionId, {
          workItemType: "Bug",
          where: "[System.State] <> 'Removed'",
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
      sourceId = created.id;
      const sent = await settle(pair);
      expect(sent).toEqual({ a: 1, b: 0 });
      const twin = await findTwinByRemoteId(pair.b.store.db, pair.b.connectionId, String(sourceId));
      expect(twin).toBeDefined();
      twinId = twin!.localId;
      const copy = await readB();
      expect(copy.fields["System.Title"]).toBe("Login fails");
      expect(copy.fields["System.Description"]).toBe("<p>Steps</p>");
      expect(String(copy.fields["System.Tags"])).toContain("urgent");
    });

    test("a work item that does not match the trigger is not sent", async () => {
      await createAsUser(pair.a, "Task", { "System.Title": "Not a bug" });
      expect(await settle(pair)).toEqual({ a: 0, b: 0 });
    });

    test("edits to title, description, state and tags propagate; revisions settle (no echo)", async () => {
      await updateAsUser(pair.a, sourceId, {
        "System.Title": "Login fails on Safari",
        "System.Description": "<p>Steps, again</p>",
        "System.State": "Active",
        "System.Tags": "web; safari",
      });
      expect(await settle(pair)).toEqual({ a: 1, b: 0 });
      const copy = await readB();
      expect(copy.fields["System.Title"]).toBe("Login fails on Safari");
      expect(copy.fields["System.Description"]).toBe("<p>Steps, again</p>");
      expect(copy.fields["System.State"]).toBe("Active");
      expect(String(copy.fields["System.Tags"])).toContain("safari");
      expect(String(copy.fields["System.Tags"])).not.toContain("urgent");
      const revs = { a: (await readA()).rev, b: copy.rev };
      expect(await settle(pair)).toEqual({ a: 0, b: 0 });
      expect({ a: (await readA()).rev, b: (await readB()).rev }).toEqual(revs);
    });

    test("a new comment and an attachment propagate, once", async () => {
      await addComment(pair.a.user, "Alpha", sourceId, {
        text: "Seen on **iOS** too",
        format: "markdown",
      });
      const upload = await uploadAttachment(
        pair.a.user,
        "Alpha",
        "trace.log",
        Buffer.from("stack trace"),
      );
      await linkAttachment(pair.a.user, {
        workItemId: sourceId,
        url: upload.url,
        name: "trace.log",
      });
      await settle(pair);
      const http = await pair.b.context.ado.client();
      const comments = await listComments(http, "Alpha", twinId);
      expect(comments.map((c) => c.text)).toEqual(["Seen on **iOS** too"]);
      expect(comments[0].format).toBe("markdown");
      const files = attachedFiles(await readB());
      expect(files.map((f) => f.attributes?.name)).toEqual(["trace.log"]);
      expect(Buffer.from(await downloadAttachment(http, files[0].url)).toString()).toBe(
        "stack trace",
      );
      expect(await settle(pair)).toEqual({ a: 0, b: 0 });
      expect(await listComments(await pair.a.context.ado.client(), "Alpha", sourceId)).toHaveLength(
        1,
      );
    });

    test("an edit on fabrikam flows back to contoso", async () => {
      await updateAsUser(pair.b, twinId, { "System.Title": "Login fails on Safari 17" });
      await addComment(pair.b.user, "Alpha", twinId, {
        text: "<p>Fixed in build 42</p>",
        format: "html",
      });
      expect(await settle(pair)).toEqual({ a: 0, b: 1 });
      expect((await readA()).fields["System.Title"]).toBe("Login fails on Safari 17");
      const comments = await listComments(await pair.a.context.ado.client(), "Alpha", sourceId);
      expect(comments.map((c) => c.text)).toEqual([
        "Seen on **iOS** too",
        "<p>Fixed in build 42</p>",
      ]);
      expect(await listComments(await pair.b.context.ado.client(), "Alpha", twinId)).toHaveLength(
        2,
      );
      expect(await settle(pair)).toEqual({ a: 0, b: 0 });
    });
  });
}
