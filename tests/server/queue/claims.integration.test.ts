import {
  insertConnection,
  updateConnection,
} from "../../../src/server/connections/connection-repository";
import {
  claimSyncRequests,
  completeSyncRequest,
  failSyncRequest,
  listSyncErrors,
  receiveSyncRequests,
  resolveSyncItem,
  retrySyncItem,
  type SyncEventEnvelope,
  syncQueueCounts,
} from "../../../src/server/queue/sync-queue";
import type { Store } from "../../../src/server/storage/store";
import { testConnectionRow } from "../../helpers/connection-row";
import { forEachDialect } from "../../helpers/with-store";

const LEASE_MS = 30_000;
const T0 = 1_000_000;

const envelope = (seq: number, workItemId: string): SyncEventEnvelope => ({
  eventId: `event-${seq}`,
  seq,
  workItemId,
  replica: { seq },
  createdAt: seq,
});

/** A connection with requests 1..n whose work items are `workItems[i]`. */
async function connectionWith(store: Store, name: string, workItems: string[]): Promise<string> {
  const row = testConnectionRow(name);
  await insertConnection(store.db, row);
  await receiveSyncRequests(
    store.db,
    row.id,
    workItems.map((workItem, index) => envelope(index + 1, workItem)),
    T0,
  );
  return row.id;
}

const seqs = (rows: { remote_seq: number }[]): number[] =>
  rows.map((row) => Number(row.remote_seq));

forEachDialect((_dialect, getStore) => {
  test("claims the oldest request of each twin; later ones wait for it", async () => {
    const store = getStore();
    const id = await connectionWith(store, "claims-order", ["A", "B", "A", "C", "B"]);
    const options = { workerId: "w1", leaseMs: LEASE_MS, limit: 10, connectionId: id, now: T0 };
    const first = await claimSyncRequests(store.db, options);
    expect(seqs(first)).toEqual([1, 2, 4]);
    expect(first.every((row) => row.state === "running" && row.attempts === 1)).toBe(true);
    expect(seqs(await claimSyncRequests(store.db, options))).toEqual([]);

    expect(await completeSyncRequest(store.db, first[0]!.id, { workerId: "w1", now: T0 })).toBe(
      true,
    );
    expect(seqs(await claimSyncRequests(store.db, options))).toEqual([3]);
    expect(await completeSyncRequest(store.db, first[0]!.id, { now: T0 })).toBe(false);
  });

  test("an expired lease is reclaimed by another worker; the old holder cannot finish it", async () => {
    const store = getStore();
    const id = await connectionWith(store, "claims-lease", ["A"]);
    const base = { leaseMs: LEASE_MS, limit: 10, connectionId: id };
    const [held] = await claimSyncRequests(store.db, { ...base, workerId: "w1", now: T0 });
    expect(await claimSyncRequests(store.db, { ...base, workerId: "w2", now: T0 + 1000 })).toEqual(
      [],
    );
    const [taken] = await claimSyncRequests(store.db, {
      ...base,
      workerId: "w2",
      now: T0 + LEASE_MS,
    });
    expect(taken?.id).toBe(held!.id);
    expect(taken?.attempts).toBe(2);
    expect(await completeSyncRequest(store.db, held!.id, { workerId: "w1" })).toBe(false);
    expect(await completeSyncRequest(store.db, held!.id, { workerId: "w2" })).toBe(true);
  });

  test("a retry waits for run_at; a permanent failure blocks its twin until resolved", async () => {
    const store = getStore();
    const id = await connectionWith(store, "claims-fail", ["A", "A", "B"]);
    const options = { workerId: "w", leaseMs: LEASE_MS, limit: 10, connectionId: id, now: T0 };
    const [a1, b] = await claimSyncRequests(store.db, options);
    const failure = { code: "SYNC_ERR_ADO_THROTTLED", message: "slow down" };
    await failSyncRequest(store.db, a1!.id, failure, { retryAt: T0 + 5000 }, { now: T0 });
    await failSyncRequest(
      store.db,
      b!.id,
      { ...failure, details: { line: 3 } },
      { permanent: true },
    );
    expect(seqs(await claimSyncRequests(store.db, { ...options, now: T0 + 4999 }))).toEqual([]);
    const [again] = await claimSyncRequests(store.db, { ...options, now: T0 + 5000 });
    expect(seqs([again!])).toEqual([1]);
    await failSyncRequest(store.db, again!.id, failure, { permanent: true }, { now: T0 + 5000 });

    const errors = await listSyncErrors(store.db, id, 10);
    expect(seqs(errors)).toEqual([1, 3]);
    expect(errors[1]!.last_error_details).toBe(JSON.stringify({ line: 3 }));
    expect(seqs(await claimSyncRequests(store.db, { ...options, now: T0 + 9000 }))).toEqual([]);

    expect(await resolveSyncItem(store.db, again!.id)).toBe(true);
    expect(await retrySyncItem(store.db, b!.id, T0 + 9000)).toBe(true);
    expect(await retrySyncItem(store.db, b!.id)).toBe(false);
    const next = await claimSyncRequests(store.db, { ...options, now: T0 + 9000 });
    expect(seqs(next)).toEqual([2, 3]);
    const counts = await syncQueueCounts(store.db, id);
    expect(counts.incoming).toMatchObject({ running: 2, resolved: 1, failed: 0, queued: 0 });
  });

  test("requests of a deactivated connection stay queued", async () => {
    const store = getStore();
    const id = await connectionWith(store, "claims-inactive", ["A"]);
    await updateConnection(store.db, id, { status: "deactivated" });
    const options = { workerId: "w", leaseMs: LEASE_MS, limit: 10, connectionId: id, now: T0 };
    expect(await claimSyncRequests(store.db, options)).toEqual([]);
    await updateConnection(store.db, id, { status: "active" });
    expect(seqs(await claimSyncRequests(store.db, options))).toEqual([1]);
  });

  test("concurrent workers never claim the same request", async () => {
    const store = getStore();
    const workItems = Array.from({ length: 40 }, (_, index) => `item-${index}`);
    const id = await connectionWith(store, "claims-concurrent", workItems);
    const claimAll = async (workerId: string): Promise<string[]> => {
      const ids: string[] = [];
      for (;;) {
        const rows = await claimSyncRequests(store.db, {
          workerId,
          leaseMs: LEASE_MS,
          limit: 3,
          connectionId: id,
          now: T0,
        });
        if (rows.length === 0) return ids;
        ids.push(...rows.map((row) => row.id));
      }
    };
    const claimed = (await Promise.all(["w1", "w2", "w3", "w4"].map(claimAll))).flat();
    expect(claimed).toHaveLength(40);
    expect(new Set(claimed).size).toBe(40);
  });
});
