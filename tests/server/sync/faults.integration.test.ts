/**
 * Azure DevOps faults (throttling, lost answers, rev conflicts, title and attachment limits,
 * unknown identities) and crashes, on two emulated organizations with the emulator's fault
 * injection, through the real sync queue (see sync-harness.ts for how events move between
 * the nodes).
 */
import { attachedFiles, uploadAttachment } from "../../../src/server/ado/attachment-api";
import { addComment, listComments } from "../../../src/server/ado/comment-api";
import { queryWiql } from "../../../src/server/ado/wiql-api";
import { getWorkItem } from "../../../src/server/ado/work-item-api";
import { saveScripts } from "../../../src/server/connections/script-repository";
import { defaultScripts } from "../../../src/server/sandbox/default-scripts";
import { applySyncRequest } from "../../../src/server/sync/incoming-apply";
import { SyncStatusService } from "../../../src/server/sync/sync-status-service";
import { findTwinByRemoteId } from "../../../src/server/sync/twin-repository";
import { linkAttachment } from "../../../src/server/work-items/attachment-link";
import { testDialects } from "../../helpers/with-store";
import {
  createAsUser,
  deliver,
  INCOMING_WITH_STATE,
  settle,
  startPair,
  type SyncPair,
  type SyncSide,
  updateAsUser,
} from "./sync-harness";

jest.setTimeout(120_000);

/** 300 ms lease: a "killed" worker's request is taken over quickly in these tests. */
const LEASE_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stores `incoming` as the side's incoming script, with the default outgoing one. */
async function setIncomingScript(side: SyncSide, incoming: string): Promise<void> {
  const { outgoing } = defaultScripts("script");
  await saveScripts(side.store.db, side.connectionId, { outgoing, incoming }, Date.now());
}

async function idsWithTitle(side: SyncSide, title: string): Promise<number[]> {
  const http = await side.context.ado.client();
  const escaped = title.replace(/'/g, "''");
  const { ids } = await queryWiql(
    http,
    `SELECT [System.Id] FROM WorkItems WHERE [System.Title] = '${escaped}'`,
  );
  return ids;
}

async function twinOf(pair: SyncPair, sourceId: number): Promise<number> {
  const twin = await findTwinByRemoteId(pair.b.store.db, pair.b.connectionId, String(sourceId));
  if (!twin) throw new Error(`no twin of ${sourceId} on fabrikam`);
  return twin.localId;
}

for (const dialect of testDialects()) {
  describe(`sync faults on ${dialect}`, () => {
    let pair: SyncPair;
    beforeAll(async () => {
      pair = await startPair(dialect, { incoming: INCOMING_WITH_STATE, leaseMs: LEASE_MS });
      for (const side of [pair.a, pair.b]) {
        await side.triggers.create(side.connectionId, { workItemType: "Bug", where: "" });
      }
    });
    afterAll(async () => {
      await pair?.dispose();
    });

    test("a worker killed after the Azure DevOps create loses and duplicates nothing", async () => {
      const source = await createAsUser(pair.a, "Bug", { "System.Title": "Crash during create" });
      await pair.a.engine.pollOnce();
      await deliver(pair.a, pair.b);
      const [claimed] = await pair.b.context.queue.claimSyncRequests("doomed-worker", 1);
      const killed = applySyncRequest(pair.b.context, claimed, {
        afterAdoWrite: async () => {
          throw new Error("worker killed");
        },
      });
      await expect(killed).rejects.toThrow("worker killed");
      expect(await idsWithTitle(pair.b, "Crash during create")).toHaveLength(1);
      await sleep(LEASE_MS + 100); // the dead worker's lease runs out
      await settle(pair);
      expect(await idsWithTitle(pair.b, "Crash during create")).toHaveLength(1);
      expect(await twinOf(pair, source.id)).toBe(
        (await idsWithTitle(pair.b, "Crash during create"))[0],
      );
    });

    test("a worker killed after adding a comment adds it only once after restart", async () => {
      const source = await createAsUser(pair.a, "Bug", { "System.Title": "Crash during comment" });
      await settle(pair);
      await addComment(pair.a.user, "Alpha", source.id, { text: "only once", format: "html" });
      await updateAsUser(pair.a, source.id, { "System.Title": "Crash during comment, edited" });
      await pair.a.engine.pollOnce();
      await deliver(pair.a, pair.b);
      const [claimed] = await pair.b.context.queue.claimSyncRequests("doomed-worker", 1);
      await expect(
        applySyncRequest(pair.b.context, claimed, {
          afterAdoWrite: async () => {
            throw new Error("worker killed");
          },
        }),
      ).rejects.toThrow("worker killed");
      await sleep(LEASE_MS + 100);
      expect(await settle(pair)).toEqual({ a: 0, b: 0 });
      const twinId = await twinOf(pair, source.id);
      const comments = await listComments(await pair.b.context.ado.client(), "Alpha", twinId);
      expect(comments.map((c) => c.text)).toEqual(["only once"]);
      const copy = await getWorkItem(await pair.b.context.ado.client(), twinId);
      expect(copy.fields["System.Title"]).toBe("Crash during comment, edited");
    });

    test("throttled and dropped creates make exactly one work item", async () => {
      pair.b.emulator.faults.add({
        kind: "throttle",
        method: "POST",
        path: "/_apis/wit/workitems/$",
        retryAfterSeconds: 1,
      });
      pair.b.emulator.faults.add({
        kind: "dropAfterApply",
        method: "POST",
        path: "/_apis/wit/workitems/$",
      });
      await createAsUser(pair.a, "Bug", { "System.Title": "Throttled create" });
      await settle(pair);
      expect(await idsWithTitle(pair.b, "Throttled create")).toHaveLength(1);
      expect(pair.b.emulator.faults.hits().dropAfterApply).toBeGreaterThan(0);
      expect(pair.b.emulator.faults.hits().throttle).toBeGreaterThan(0);
    });

    test("a concurrent edit of another field survives; only the event's fields are re-applied", async () => {
      const source = await createAsUser(pair.a, "Bug", {
        "System.Title": "Concurrent",
        "System.Description": "<p>one</p>",
      });
      await settle(pair);
      const twinId = await twinOf(pair, source.id);
      pair.b.emulator.faults.add({
        kind: "concurrentEdit",
        method: "PATCH",
        workItemId: twinId,
        fields: { "Microsoft.VSTS.Common.Priority": 1 },
      });
      await updateAsUser(pair.a, source.id, { "System.Title": "Concurrent, renamed" });
      await settle(pair);
      const copy = await getWorkItem(await pair.b.context.ado.client(), twinId);
      expect(pair.b.emulator.faults.hits().concurrentEdit).toBe(1);
      expect(copy.fields["System.Title"]).toBe("Concurrent, renamed");
      expect(copy.fields["Microsoft.VSTS.Common.Priority"]).toBe(1);
    });

    test("a script error stops that work item only, names script and line, and can be retried after the fix", async () => {
      const failing = `if (replica.summary === "boom") {\n  throw new Error("no booms here");\n}\n${INCOMING_WITH_STATE}`;
      await setIncomingScript(pair.b, failing);
      const boom = await createAsUser(pair.a, "Bug", { "System.Title": "boom" });
      await createAsUser(pair.a, "Bug", { "System.Title": "fine" });
      await settle(pair);
      expect(await idsWithTitle(pair.b, "fine")).toHaveLength(1);
      expect(await idsWithTitle(pair.b, "boom")).toHaveLength(0);
      const status = new SyncStatusService(pair.b.context);
      const errors = await status.errors(pair.b.connectionId);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        direction: "incoming",
        remoteWorkItemId: String(boom.id),
        code: "SYNC_ERR_SCRIPT_RUNTIME",
        script: "incoming",
        scriptLine: 2,
      });
      expect(errors[0].message).toContain("no booms here");
      expect((await status.statistics(pair.b.connectionId)).incoming.failed).toBe(1);
      await setIncomingScript(pair.b, INCOMING_WITH_STATE);
      const retried = await status.retry(pair.b.connectionId);
      expect(retried.results).toEqual([{ id: errors[0].id, status: "done" }]);
      await settle(pair);
      expect(await idsWithTitle(pair.b, "boom")).toHaveLength(1);
      expect(await status.errors(pair.b.connectionId)).toEqual([]);
    });

    test("a title cut to the limit after a prefix saves, without splitting a surrogate pair", async () => {
      const prefixing = INCOMING_WITH_STATE.replace(
        "workItem.summary = replica.summary;",
        'workItem.summary = "[contoso] " + replica.summary;',
      );
      await setIncomingScript(pair.b, prefixing);
      const title = `${"x".repeat(243)}😀😀😀😀😀😀`;
      expect(title.length).toBe(255);
      const source = await createAsUser(pair.a, "Bug", { "System.Title": title });
      await settle(pair);
      const copy = await getWorkItem(
        await pair.b.context.ado.client(),
        await twinOf(pair, source.id),
      );
      const saved = String(copy.fields["System.Title"]);
      expect(saved.length).toBeLessThanOrEqual(255);
      expect(saved.startsWith("[contoso] xxx")).toBe(true);
      expect(/[\uD800-\uDBFF]$/.test(saved)).toBe(false);
      const history = await new SyncStatusService(pair.b.context).history(
        pair.b.connectionId,
        copy.id,
      );
      const created = history.entries.find((entry) => entry.direction === "incoming");
      expect(created?.outcome).toBe("created");
      expect(created?.warnings.join(" ")).toMatch(/title/i);
    });

    test("an assignee unknown on the other side is left out; the rest saves with a warning", async () => {
      const withAssignee = `${INCOMING_WITH_STATE}\nworkItem.assignee = replica.assignee;\n`;
      await setIncomingScript(pair.b, withAssignee);
      const source = await createAsUser(pair.a, "Bug", {
        "System.Title": "Assigned on contoso",
        "System.AssignedTo": "ada@contoso.example",
      });
      await settle(pair);
      const copy = await getWorkItem(
        await pair.b.context.ado.client(),
        await twinOf(pair, source.id),
      );
      expect(copy.fields["System.Title"]).toBe("Assigned on contoso");
      expect(copy.fields["System.AssignedTo"]).toBeUndefined();
      const history = await new SyncStatusService(pair.b.context).history(
        pair.b.connectionId,
        copy.id,
      );
      const created = history.entries.find((entry) => entry.direction === "incoming");
      expect(created?.warnings.join(" ")).toContain("ada@contoso.example");
    });

    test("an attachment over the size limit is skipped with a warning; the work item and the rest sync", async () => {
      const limits = pair.a.context.limits;
      (pair.a.context as { limits: typeof limits }).limits = { ...limits, maxAttachmentBytes: 10 };
      try {
        const source = await createAsUser(pair.a, "Bug", { "System.Title": "With files" });
        for (const [name, text] of [
          ["small.txt", "tiny"],
          ["big.txt", "far too large"],
        ]) {
          const upload = await uploadAttachment(pair.a.user, "Alpha", name, Buffer.from(text));
          await linkAttachment(pair.a.user, { workItemId: source.id, url: upload.url, name });
        }
        await settle(pair);
        const copy = await getWorkItem(
          await pair.b.context.ado.client(),
          await twinOf(pair, source.id),
        );
        expect(attachedFiles(copy).map((file) => file.attributes?.name)).toEqual(["small.txt"]);
        const sent = await new SyncStatusService(pair.a.context).history(
          pair.a.connectionId,
          source.id,
        );
        expect(sent.entries.flatMap((entry) => entry.warnings).join(" ")).toContain("big.txt");
        expect(await settle(pair)).toEqual({ a: 0, b: 0 });
      } finally {
        (pair.a.context as { limits: typeof limits }).limits = limits;
      }
    });
  });
}
