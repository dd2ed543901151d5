/**
 * A public-private connection with two real nodes on loopback: A (contoso) public, B (fabrikam)
 * private. Initiate on A with a private destination, accept on B; events flow both ways; A never
 * opens a connection to B; kills, restarts and a 60 s outage lose and duplicate nothing.
 */
import { readSyncCursor } from "../../../src/server/queue/sync-queue";
import {
  deliveredExactly,
  hubConnection,
  initiateAndAccept,
  queueEvents,
} from "../../helpers/transport-flow";
import { startTransportPair, type TransportPair, waitFor } from "../../helpers/transport-pair";
import { testDialects } from "../../helpers/with-store";

jest.setTimeout(120_000);

describe.each(testDialects())("private connection on %s", (dialect) => {
  let pair: TransportPair;
  let id: string;

  beforeAll(async () => {
    pair = await startTransportPair(dialect);
  });
  afterAll(async () => {
    await pair?.dispose();
  });

  test("initiate on A (no URL), accept on B: both Active with each other's short names", async () => {
    const { a, b } = pair;
    const result = await initiateAndAccept(a, b, null);
    id = result.id;
    expect(result.accept.statusCode).toBe(201);
    expect(result.accept.body.connection).toMatchObject({
      status: "active",
      type: "private",
      localSide: "private",
      localShortName: "fabrikam",
      remoteShortName: "contoso",
      remoteUrl: pair.proxy.url,
    });
    expect(await hubConnection(a, id)).toMatchObject({
      status: "active",
      type: "private",
      localSide: "public",
      remoteShortName: "fabrikam",
      remoteUrl: null,
    });
    const lastContact = (await hubConnection(a, id)).lastContactAt;
    expect(typeof lastContact).toBe("string");
  });

  test("events flow both ways, each exactly once and in order", async () => {
    const { a, b } = pair;
    await queueEvents(a, id, 7, "from-a");
    await queueEvents(b, id, 5, "from-b");
    await waitFor("A's events on B", () => deliveredExactly(b, a, id, 7));
    await waitFor("B's events on A", () => deliveredExactly(a, b, id, 5));
    const replicas = await b.store.db
      .selectFrom("sync_requests")
      .select(["payload", "work_item_id"])
      .where("connection_id", "=", id)
      .orderBy("remote_seq")
      .execute();
    expect(JSON.parse(replicas[6]!.payload)).toEqual({ tag: "from-a", i: 6 });
    expect(replicas[6]!.work_item_id).toBe("from-a-0");
    expect((await hubConnection(b, id)).lastActivityAt).not.toBeNull();
  });

  test("the public node never connected to the private node", () => {
    expect(pair.a.outbound).toEqual([]);
    expect(pair.b.accepted).toBe(0);
    expect(pair.b.outbound.length).toBeGreaterThan(0);
    expect(pair.b.outbound.every((url) => url.startsWith(pair.proxy.url))).toBe(true);
  });

  test("killing and restarting either node mid-stream loses and duplicates nothing", async () => {
    const { a, b } = pair;
    const fromA = queueEvents(a, id, 40, "burst-a");
    const fromB = queueEvents(b, id, 40, "burst-b");
    await waitFor(
      "delivery under way",
      async () => (await readSyncCursor(a.store.db, id)).lastEventSeq > 12,
    );
    await pair.restartA();
    await Promise.all([fromA.catch(() => undefined), fromB]);
    const leftA = 47 - (await readSyncCursor(a.store.db, id)).lastEventSeq;
    await queueEvents(a, id, leftA, "after-restart-a");
    await pair.restartB();
    await queueEvents(b, id, 5, "after-restart-b");
    await waitFor("everything from A on B", () => deliveredExactly(b, a, id, 47));
    await waitFor("everything from B on A", () => deliveredExactly(a, b, id, 50));
    expect(pair.a.outbound).toEqual([]);
    expect(pair.b.accepted).toBe(0);
  });

  test("a 60 s outage turns B to error with the reason, then delivery resumes with no gap", async () => {
    const { a, b, proxy, clock } = pair;
    proxy.cut();
    const start = clock.sleptTotal();
    await queueEvents(a, id, 3, "outage-a");
    await queueEvents(b, id, 3, "outage-b");
    await waitFor(
      "60 s of failed contact",
      async () =>
        clock.sleptTotal() - start >= 60_000 && (await hubConnection(b, id)).status === "error",
    );
    expect((await hubConnection(b, id)).statusReason).toMatchObject({
      code: "SYNC_ERR_TRANSPORT_PEER_UNREACHABLE",
    });
    const contactBefore = (await hubConnection(b, id)).lastContactAt as string;
    proxy.restore();
    await waitFor("A's events after the outage", () => deliveredExactly(b, a, id, 50));
    await waitFor("B's events after the outage", () => deliveredExactly(a, b, id, 53));
    await waitFor("B active again", async () => (await hubConnection(b, id)).status === "active");
    const after = await hubConnection(b, id);
    expect(after.statusReason).toBeNull();
    expect(Date.parse(after.lastContactAt as string)).toBeGreaterThan(Date.parse(contactBefore));
  });
});
