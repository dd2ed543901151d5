/**
 * Transport requests the receiver must refuse, each with its catalogued code and nothing
 * stored: tampered (body, signature, wrong secret), expired, replayed, unsigned, for an
 * unknown connection, and for a deactivated one.
 */
import { randomBytes } from "node:crypto";

import { findConnection } from "../../../src/server/connections/connection-repository";
import { openConnectionSecret } from "../../../src/server/connections/connection-secret";
import { loadNodeIdentity } from "../../../src/server/node-settings/node-identity";
import { signTransportToken } from "../../../src/server/transport/transport-token";
import { routePath, ROUTES } from "../../../src/shared/contracts/routes";
import { initiateAndAccept, receivedSeqs } from "../../helpers/transport-flow";
import { startTransportPair, type TransportPair } from "../../helpers/transport-pair";
import { testDialects } from "../../helpers/with-store";

jest.setTimeout(60_000);

interface Sent {
  status: number;
  code?: string;
}

describe.each(testDialects())("transport request checks on %s", (dialect) => {
  let pair: TransportPair;
  let id: string;
  let secret: Uint8Array;
  let nodeId: string;

  beforeAll(async () => {
    pair = await startTransportPair(dialect);
    ({ id } = await initiateAndAccept(pair.a, pair.b, null));
    const row = await findConnection(pair.b.store.db, id);
    secret = openConnectionSecret(pair.b.box, row!);
    nodeId = (await loadNodeIdentity(pair.b.store.db, pair.b.box, Date.now())).nodeId;
    await pair.killB();
  });
  afterAll(async () => {
    await pair?.dispose();
  });

  const eventsPath = (connectionId = id, query = "") =>
    `/transport/v1/connections/${connectionId}/events${query}`;
  const batch = (seq: number) => ({
    events: [{ eventId: `e${seq}`, seq, workItemId: "42", replica: { seq }, createdAt: 1 }],
  });

  /** Signs (method, path, signedBody) and sends (method, path, sentBody ?? signedBody). */
  async function send(options: {
    method?: "GET" | "POST";
    path?: string;
    signedBody?: object;
    sentBody?: object;
    now?: number;
    key?: Uint8Array;
    token?: string;
    connectionId?: string;
  }): Promise<Sent & { token: string }> {
    const method = options.method ?? "POST";
    const path = options.path ?? eventsPath();
    const signed = options.signedBody
      ? Buffer.from(JSON.stringify(options.signedBody))
      : Buffer.alloc(0);
    const sent = options.sentBody ? Buffer.from(JSON.stringify(options.sentBody)) : signed;
    const token =
      options.token ??
      (await signTransportToken(
        { connectionId: options.connectionId ?? id, method, pathAndQuery: path, body: signed },
        nodeId,
        options.key ?? secret,
        options.now ?? pair.clock.now(),
      ));
    const response = await fetch(pair.proxy.url + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(sent.length > 0 ? { "content-type": "application/json" } : {}),
      },
      body: sent.length > 0 ? sent : undefined,
    });
    const body = (await response.json()) as { code?: string };
    return { status: response.status, code: body.code, token };
  }

  test("a correctly signed push is stored; the same request again is a replay", async () => {
    const first = await send({ signedBody: batch(1) });
    expect(first.status).toBe(200);
    const again = await send({ signedBody: batch(1), token: first.token });
    expect(again).toMatchObject({ status: 401, code: "SYNC_ERR_TRANSPORT_REPLAYED" });
    expect(await receivedSeqs(pair.a, id)).toEqual([1]);
  });

  test("tampered requests are refused and store nothing", async () => {
    const changedBody = await send({ signedBody: batch(2), sentBody: batch(3) });
    expect(changedBody).toMatchObject({ status: 401, code: "SYNC_ERR_TRANSPORT_TOKEN_INVALID" });
    const otherKey = await send({ signedBody: batch(2), key: randomBytes(32) });
    expect(otherKey).toMatchObject({ status: 401, code: "SYNC_ERR_TRANSPORT_TOKEN_INVALID" });
    const valid = await signTransportToken(
      {
        connectionId: id,
        method: "POST",
        pathAndQuery: eventsPath(),
        body: Buffer.from(JSON.stringify(batch(2))),
      },
      nodeId,
      secret,
      pair.clock.now(),
    );
    const target = valid.at(-3) === "A" ? "B" : "A";
    const flipped = valid.slice(0, -3) + target + valid.slice(-2);
    expect(flipped).not.toBe(valid);
    const badSignature = await send({ signedBody: batch(2), token: flipped });
    expect(badSignature).toMatchObject({ status: 401, code: "SYNC_ERR_TRANSPORT_TOKEN_INVALID" });
    const otherPath = await send({
      signedBody: batch(2),
      token: valid,
      path: eventsPath(id, "?x=1"),
    });
    expect(otherPath).toMatchObject({ status: 401, code: "SYNC_ERR_TRANSPORT_TOKEN_INVALID" });
    const unsigned = await fetch(pair.proxy.url + eventsPath(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(batch(2)),
    });
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { code: string }).code).toBe(
      "SYNC_ERR_TRANSPORT_TOKEN_INVALID",
    );
    expect(await receivedSeqs(pair.a, id)).toEqual([1]);
  });

  test("an expired token is refused", async () => {
    const expired = await send({ signedBody: batch(2), now: pair.clock.now() - 5 * 60_000 });
    expect(expired).toMatchObject({ status: 401, code: "SYNC_ERR_TRANSPORT_TOKEN_EXPIRED" });
    expect(await receivedSeqs(pair.a, id)).toEqual([1]);
  });

  test("an unknown (or deleted) connection answers NOT_FOUND", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const answer = await send({
      signedBody: batch(1),
      path: eventsPath(unknown),
      connectionId: unknown,
    });
    expect(answer).toMatchObject({ status: 404, code: "SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND" });
  });

  test("a deactivated connection answers INACTIVE to a signed poll and push", async () => {
    const deactivate = await pair.a.hub("POST", routePath(ROUTES.connectionDeactivate, { id }));
    expect(deactivate.statusCode).toBe(200);
    const poll = await send({ method: "GET", path: eventsPath(id, "?after=1&waitMs=0") });
    expect(poll).toMatchObject({ status: 409, code: "SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE" });
    const push = await send({ signedBody: batch(2) });
    expect(push).toMatchObject({ status: 409, code: "SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE" });
    await pair.a.hub("POST", routePath(ROUTES.connectionActivate, { id }));
    const after = await send({ method: "GET", path: eventsPath(id, "?after=1&waitMs=0") });
    expect(after.status).toBe(200);
    expect(await receivedSeqs(pair.a, id)).toEqual([1]);
  });
});
