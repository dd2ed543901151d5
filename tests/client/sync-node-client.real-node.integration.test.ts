/**
 * The client against the real sync node (src/server buildApp) listening on loopback: the
 * contract both sides were written from, exercised end to end over HTTP.
 */
import { SyncNodeClient, type TokenProvider } from "../../src/client";
import { freePort } from "../../src/devhost/process/free-port";
import { isSyncError, type SyncError } from "../../src/shared/errors";
import { signAppToken } from "../helpers/app-tokens";
import { ADMIN_TOKEN, MEMBER_TOKEN, PROJECTS } from "../helpers/fake-ado-identity";
import { startTestNode, type TestNode } from "../helpers/test-node";

const [alphaId, betaId] = Object.keys(PROJECTS);

let contoso: TestNode;
let fabrikam: TestNode;
let contosoUrl: string;
let fabrikamUrl: string;

function tokens(accessToken = ADMIN_TOKEN): TokenProvider & { refreshed: number } {
  const provider = {
    refreshed: 0,
    getAppToken: async (refresh: boolean) => {
      if (refresh) provider.refreshed++;
      return signAppToken(undefined, { ttlSeconds: refresh ? 300 : -60 });
    },
    getAccessToken: async () => accessToken,
  };
  return provider;
}

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (isSyncError(error)) return error;
    throw error;
  }
  throw new Error("expected a SyncError");
}

beforeAll(async () => {
  // The initiator is the public side: the acceptor redeems the code at the initiator's
  // PUBLIC_URL, so that URL must be where the initiator really listens.
  const contosoPort = await freePort();
  contoso = await startTestNode("sqlite", {
    env: { PUBLIC_URL: `http://127.0.0.1:${contosoPort}` },
  });
  fabrikam = await startTestNode("sqlite", {
    organization: "fabrikam",
    env: { PUBLIC_URL: "" },
  });
  contosoUrl = await contoso.app.listen({ host: "127.0.0.1", port: contosoPort });
  fabrikamUrl = await fabrikam.app.listen({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await contoso?.close();
  await fabrikam?.close();
});

test("initiate on one node, inspect and accept on the other, then manage the connection", async () => {
  const initiator = new SyncNodeClient({ nodeUrl: contosoUrl, tokens: tokens() });
  expect((await initiator.getNodeInfo()).product).toBe("exalate-adnode-sync-node");

  const { connection, invitation } = await initiator.initiateConnection({
    destinationUrl: null,
    mode: "basic",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
    name: "contoso_to_fabrikam",
    description: "",
    incomingProject: { id: alphaId, name: PROJECTS[alphaId] },
  });
  expect(connection).toMatchObject({ status: "pending", remoteShortName: null, type: "private" });
  expect((await initiator.listConnections()).map((c) => c.id)).toContain(connection.id);
  expect((await initiator.getInvitation(connection.id)).invitationCode).toBe(
    invitation.invitationCode,
  );
  const fresh = await initiator.regenerateInvitation(connection.id);
  expect(fresh.invitationCode).not.toBe(invitation.invitationCode);

  const wrongNode = await failure(initiator.inspectInvitation(fresh.invitationCode));
  expect(wrongNode.code).toBe("SYNC_ERR_INVITATION_WRONG_NODE");

  const acceptor = new SyncNodeClient({ nodeUrl: fabrikamUrl, tokens: tokens() });
  const pasted = ` ${fresh.invitationCode.slice(0, 20)}\n${fresh.invitationCode.slice(20)} `;
  const preview = await acceptor.inspectInvitation(pasted);
  expect(preview).toMatchObject({ initiatorShortName: "contoso", mode: "basic" });
  const accepted = await acceptor.acceptInvitation({
    invitationCode: fresh.invitationCode,
    incomingProject: { id: betaId, name: PROJECTS[betaId] },
  });
  expect(accepted).toMatchObject({ status: "active", remoteShortName: "contoso" });
  expect((await failure(acceptor.inspectInvitation(fresh.invitationCode))).code).toBe(
    "SYNC_ERR_INVITATION_USED",
  );

  expect((await acceptor.deactivateConnection(accepted.id)).status).toBe("deactivated");
  expect((await acceptor.activateConnection(accepted.id)).status).toBe("active");
  await acceptor.deleteConnection(accepted.id);
  expect(await acceptor.listConnections()).toEqual([]);
  expect((await failure(acceptor.deleteConnection(accepted.id))).code).toBe(
    "SYNC_ERR_CONNECTION_NOT_FOUND",
  );
});

test("an expired app token is refreshed once and the call succeeds", async () => {
  const provider = tokens();
  const client = new SyncNodeClient({ nodeUrl: contosoUrl, tokens: provider });
  await expect(client.listConnections()).resolves.toEqual(expect.any(Array));
  expect(provider.refreshed).toBe(1);
});

test("a member who is not a Project Collection Administrator gets SYNC_ERR_AUTH_NOT_ADMIN", async () => {
  const client = new SyncNodeClient({ nodeUrl: contosoUrl, tokens: tokens(MEMBER_TOKEN) });
  expect((await failure(client.listConnections())).code).toBe("SYNC_ERR_AUTH_NOT_ADMIN");
});
