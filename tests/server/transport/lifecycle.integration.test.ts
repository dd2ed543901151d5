/**
 * Connection lifecycle across the two nodes: a private initiator completes the handshake by
 * calling the public acceptor; deactivate on either side stops delivery while events keep
 * queuing, activate resumes in order; delete tells the partner (or it learns on next contact).
 */
import { readSyncCursor } from "../../../src/server/queue/sync-queue";
import { routePath, ROUTES } from "../../../src/shared/contracts/routes";
import {
  deliveredExactly,
  hubConnection,
  initiateAndAccept,
  queueEvents,
  receivedSeqs,
} from "../../helpers/transport-flow";
import { startTransportPair, type TransportPair, waitFor } from "../../helpers/transport-pair";
import { testDialects } from "../../helpers/with-store";

jest.setTimeout(120_000);

const statusOf = async (node: TransportPair["a"], id: string) =>
  (await hubConnection(node, id)).status;

describe.each(testDialects())("connection lifecycle on %s", (dialect) => {
  let pair: TransportPair;

  beforeAll(async () => {
    pair = await startTransportPair(dialect);
  });
  afterAll(async () => {
    await pair?.dispose();
  });

  test("a private initiator confirms with the public acceptor: both Active, events flow", async () => {
    const { a, b } = pair;
    const { id, accept } = await initiateAndAccept(b, a, pair.proxy.url, "fabrikam_to_contoso");
    expect(accept.statusCode).toBe(201);
    expect(accept.body.connection).toMatchObject({ role: "acceptor", localSide: "public" });
    await waitFor(
      "both Active",
      async () => (await statusOf(a, id)) === "active" && (await statusOf(b, id)) === "active",
    );
    expect(await hubConnection(b, id)).toMatchObject({
      remoteShortName: "fabrikam",
      localSide: "private",
    });
    expect(await hubConnection(a, id)).toMatchObject({
      remoteShortName: "contoso",
      remoteUrl: null,
    });
    await queueEvents(a, id, 3, "a");
    await queueEvents(b, id, 4, "b");
    await waitFor("A to B", () => deliveredExactly(b, a, id, 3));
    await waitFor("B to A", () => deliveredExactly(a, b, id, 4));
    expect(pair.a.outbound).toEqual([]);
    expect(pair.b.accepted).toBe(0);
  });

  test("deactivate on the private side stops delivery; activate resumes in order", async () => {
    const { a, b } = pair;
    const { id } = await initiateAndAccept(a, b, null, "pause_private");
    await pair.b.hub("POST", routePath(ROUTES.connectionDeactivate, { id }));
    await queueEvents(a, id, 5, "queued-a");
    await queueEvents(b, id, 5, "queued-b");
    // Give the loops time to (wrongly) deliver: 20 long-poll rechecks.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await receivedSeqs(b, id)).toEqual([]);
    expect(await receivedSeqs(a, id)).toEqual([]);
    expect((await readSyncCursor(b.store.db, id)).lastEventSeq).toBe(5);
    await pair.b.hub("POST", routePath(ROUTES.connectionActivate, { id }));
    await waitFor("A to B after activate", () => deliveredExactly(b, a, id, 5));
    await waitFor("B to A after activate", () => deliveredExactly(a, b, id, 5));
  });

  test("deactivate on the public side: the private side shows why; activate resumes", async () => {
    const { a, b } = pair;
    const { id } = await initiateAndAccept(a, b, null, "pause_public");
    await pair.a.hub("POST", routePath(ROUTES.connectionDeactivate, { id }));
    await queueEvents(a, id, 2, "queued-a");
    await queueEvents(b, id, 2, "queued-b");
    await waitFor("B in error", async () => (await statusOf(b, id)) === "error");
    expect((await hubConnection(b, id)).statusReason).toMatchObject({
      code: "SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE",
    });
    expect(await receivedSeqs(a, id)).toEqual([]);
    await pair.a.hub("POST", routePath(ROUTES.connectionActivate, { id }));
    await waitFor("A to B after activate", () => deliveredExactly(b, a, id, 2));
    await waitFor("B to A after activate", () => deliveredExactly(a, b, id, 2));
    await waitFor("B active again", async () => (await statusOf(b, id)) === "active");
  });

  test("delete on the private side tells the public side", async () => {
    const { a, b } = pair;
    const { id } = await initiateAndAccept(a, b, null, "delete_private");
    const deleted = await b.hub("DELETE", routePath(ROUTES.connection, { id }));
    expect(deleted.statusCode).toBe(204);
    expect(await hubConnection(a, id)).toMatchObject({
      status: "error",
      statusReason: { code: "SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND" },
    });
  });

  test("delete on the public side: the private side learns it on its next request", async () => {
    const { a, b } = pair;
    const { id } = await initiateAndAccept(a, b, null, "delete_public");
    const deleted = await a.hub("DELETE", routePath(ROUTES.connection, { id }));
    expect(deleted.statusCode).toBe(204);
    await waitFor("B in error", async () => (await statusOf(b, id)) === "error");
    expect((await hubConnection(b, id)).statusReason).toMatchObject({
      code: "SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND",
    });
    expect(pair.a.outbound).toEqual([]);
  });

  test("the public side shows an error when its private partner goes silent", async () => {
    const { a, b } = pair;
    const { id } = await initiateAndAccept(a, b, null, "silent_partner");
    await waitFor("first poll", async () => (await statusOf(a, id)) === "active");
    await pair.killB();
    await pair.clock.sleep(6 * 60_000, new AbortController().signal);
    await waitFor("A in error", async () => (await statusOf(a, id)) === "error");
    const reason = (await hubConnection(a, id)).statusReason as { code: string; message: string };
    expect(reason.code).toBe("SYNC_ERR_TRANSPORT_PEER_UNREACHABLE");
    expect(reason.message).toContain("private side has not connected");
    await pair.restartB();
    await waitFor("A active again", async () => (await statusOf(a, id)) === "active");
    expect(pair.a.outbound).toEqual([]);
  });
});
