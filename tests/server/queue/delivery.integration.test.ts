import {
  insertConnection,
  updateConnection,
} from "../../../src/server/connections/connection-repository";
import {
  acknowledgeEvents,
  enqueueSyncEvent,
  eventsAfter,
  readSyncCursor,
  receiveSyncRequests,
  type SyncEventEnvelope,
  waitForQueueSignal,
} from "../../../src/server/queue/sync-queue";
import { testConnectionRow } from "../../helpers/connection-row";
import { forEachDialect } from "../../helpers/with-store";

const envelope = (seq: number, workItemId = "7"): SyncEventEnvelope => ({
  eventId: `event-${seq}`,
  seq,
  workItemId,
  replica: { title: `change ${seq}` },
  createdAt: 1000 + seq,
});

forEachDialect((_dialect, getStore) => {
  test("events are numbered per connection, read in order and acknowledged forward only", async () => {
    const { db } = getStore();
    const a = testConnectionRow("queue-a");
    const b = testConnectionRow("queue-b");
    await insertConnection(db, a);
    await insertConnection(db, b);
    const seqs: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      seqs.push(
        (await enqueueSyncEvent(db, { connectionId: a.id, workItemId: "1", replica: { i } })).seq,
      );
    }
    const other = await db
      .transaction()
      .execute((tx) =>
        enqueueSyncEvent(tx, { connectionId: b.id, workItemId: "1", replica: null }),
      );
    expect(seqs).toEqual([1, 2, 3]);
    expect(other.seq).toBe(1);

    const after1 = await eventsAfter(db, a.id, 1, 10);
    expect(after1.map((event) => [event.seq, event.replica])).toEqual([
      [2, { i: 1 }],
      [3, { i: 2 }],
    ]);
    expect(await acknowledgeEvents(db, a.id, 2)).toBe(2);
    expect(await acknowledgeEvents(db, a.id, 1)).toBe(2);
    expect(await acknowledgeEvents(db, a.id, 99)).toBe(3);
    expect(await readSyncCursor(db, a.id)).toEqual({
      lastEventSeq: 3,
      ackedEventSeq: 3,
      receivedSeq: 0,
    });
  });

  test("a rolled-back enqueue leaves no event and no gap", async () => {
    const { db } = getStore();
    const row = testConnectionRow("queue-rollback");
    await insertConnection(db, row);
    await expect(
      db.transaction().execute(async (tx) => {
        await enqueueSyncEvent(tx, { connectionId: row.id, workItemId: "1", replica: {} });
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    const next = await enqueueSyncEvent(db, { connectionId: row.id, workItemId: "1", replica: {} });
    expect(next.seq).toBe(1);
    expect(await eventsAfter(db, row.id, 0, 10)).toHaveLength(1);
  });

  test("an enqueue that fails half-way (outside a transaction) leaves no gap", async () => {
    const { db } = getStore();
    const row = testConnectionRow("queue-half-way");
    await insertConnection(db, row);
    const notJson = { count: BigInt(1) };
    await expect(
      enqueueSyncEvent(db, { connectionId: row.id, workItemId: "1", replica: notJson }),
    ).rejects.toThrow(TypeError);
    const next = await enqueueSyncEvent(db, { connectionId: row.id, workItemId: "1", replica: {} });
    expect(next.seq).toBe(1);
  });

  test("receiving is idempotent and never acknowledges past a gap", async () => {
    const { db } = getStore();
    const row = testConnectionRow("queue-receive");
    await insertConnection(db, row);
    expect(await receiveSyncRequests(db, row.id, [envelope(2), envelope(1)])).toEqual({
      receivedSeq: 2,
      stored: 2,
    });
    expect(await receiveSyncRequests(db, row.id, [envelope(1), envelope(2)])).toEqual({
      receivedSeq: 2,
      stored: 0,
    });
    expect(await receiveSyncRequests(db, row.id, [envelope(3), envelope(5)])).toEqual({
      receivedSeq: 3,
      stored: 1,
    });
    const stored = await db
      .selectFrom("sync_requests")
      .select(["remote_seq", "state", "remote_event_id"])
      .where("connection_id", "=", row.id)
      .orderBy("remote_seq")
      .execute();
    expect(stored.map((request) => Number(request.remote_seq))).toEqual([1, 2, 3]);
    expect(stored.every((request) => request.state === "queued")).toBe(true);
  });

  test("an enqueue wakes a waiter for that connection", async () => {
    const { db } = getStore();
    const row = testConnectionRow("queue-signal");
    await insertConnection(db, row);
    const woken = waitForQueueSignal("event", row.id, 10_000);
    await enqueueSyncEvent(db, { connectionId: row.id, workItemId: "1", replica: {} });
    expect(await woken).toBe(true);
    expect(await waitForQueueSignal("event", row.id, 20)).toBe(false);
  });

  test("deleting a connection removes its queue", async () => {
    const { db } = getStore();
    const row = testConnectionRow("queue-delete");
    await insertConnection(db, row);
    await enqueueSyncEvent(db, { connectionId: row.id, workItemId: "1", replica: {} });
    await receiveSyncRequests(db, row.id, [envelope(1)]);
    await updateConnection(db, row.id, { status: "deactivated" });
    await db.deleteFrom("connections").where("id", "=", row.id).execute();
    const left = await db
      .selectFrom("sync_events")
      .select("id")
      .where("connection_id", "=", row.id)
      .execute();
    expect(left).toHaveLength(0);
    expect(await readSyncCursor(db, row.id)).toEqual({
      lastEventSeq: 0,
      ackedEventSeq: 0,
      receivedSeq: 0,
    });
  });
});
