/**
 * The acceptance handshake when an answer is lost: the acceptor's retry gets the same answer
 * (both sides end with the same connection secret), while any other node is told the code
 * was used. The initiator is reached in-process (`injectFetch`).
 */
import { findConnection } from "../../../src/server/connections/connection-repository";
import { openConnectionSecret } from "../../../src/server/connections/connection-secret";
import type { HttpFetch } from "../../../src/server/transport/transport-context";
import { ROUTES } from "../../../src/shared/contracts/routes";
import { injectFetch } from "../../helpers/inject-fetch";
import { initiateBody, startTestNode, type TestNode } from "../../helpers/test-node";
import { BETA } from "../../helpers/transport-flow";
import { testDialects } from "../../helpers/with-store";

jest.setTimeout(60_000);

describe.each(testDialects())("acceptance handshake on %s", (dialect) => {
  let initiator: TestNode;
  let acceptor: TestNode;
  let other: TestNode;
  let loseNextAnswer = false;

  beforeAll(async () => {
    initiator = await startTestNode(dialect, { env: { PUBLIC_URL: "http://127.0.0.1:3011" } });
    const toInitiator = injectFetch(() => initiator.app);
    const lossy: HttpFetch = async (url, init) => {
      const response = await toInitiator(url, init);
      if (!loseNextAnswer) return response;
      loseNextAnswer = false;
      throw new TypeError("fetch failed: socket hang up");
    };
    acceptor = await startTestNode(dialect, {
      organization: "fabrikam",
      env: { PUBLIC_URL: "" },
      transport: { fetch: lossy },
    });
    other = await startTestNode(dialect, {
      organization: "tailspin",
      env: { PUBLIC_URL: "" },
      transport: { fetch: toInitiator },
    });
  });
  afterAll(async () => {
    await Promise.all([initiator?.close(), acceptor?.close(), other?.close()]);
  });

  async function post(node: TestNode, url: string, payload: object) {
    const headers = await node.adminHeaders();
    return node.app.inject({ method: "POST", url, headers, payload });
  }

  test("a lost redeem answer: the retry succeeds with the same secret; others get USED", async () => {
    const initiated = await post(
      initiator,
      ROUTES.connections,
      initiateBody({ destinationUrl: null }),
    );
    expect(initiated.statusCode).toBe(201);
    const { connection, invitation } = initiated.json();
    const body = { invitationCode: invitation.invitationCode, incomingProject: BETA };

    loseNextAnswer = true;
    const lost = await post(acceptor, ROUTES.invitationAccept, body);
    expect(lost.statusCode).toBe(502);
    expect(lost.json().code).toBe("SYNC_ERR_TRANSPORT_PEER_UNREACHABLE");
    expect(await findConnection(acceptor.store.db, connection.id)).toBeUndefined();
    expect((await findConnection(initiator.store.db, connection.id))?.status).toBe("active");

    const stranger = await post(other, ROUTES.invitationAccept, body);
    expect(stranger.json().code).toBe("SYNC_ERR_INVITATION_USED");
    expect(await findConnection(other.store.db, connection.id)).toBeUndefined();

    const retried = await post(acceptor, ROUTES.invitationAccept, body);
    expect(retried.statusCode).toBe(201);
    expect(retried.json().connection).toMatchObject({ status: "active", type: "private" });
    const mine = await findConnection(acceptor.store.db, connection.id);
    const theirs = await findConnection(initiator.store.db, connection.id);
    expect(theirs).toMatchObject({ remote_short_name: "fabrikam", status: "active" });
    expect(Buffer.from(openConnectionSecret(acceptor.box, mine!))).toEqual(
      Buffer.from(openConnectionSecret(initiator.box, theirs!)),
    );
    expect(mine!.secret_sealed).not.toContain(invitation.invitationCode.slice(-43));
  });
});
