import { SyncNodeClient, type TokenProvider } from "../../src/client";
import { ACCESS_TOKEN_HEADER } from "../../src/shared/contracts/routes";
import {
  connection,
  createFakeBackend,
  type FakeBackend,
  type ServedFakeNode,
  serveFakeNode,
} from "../helpers/fake-node";

let backend: FakeBackend;
let node: ServedFakeNode;
let tokens: TokenProvider & { refreshes: number };
let client: SyncNodeClient;

beforeEach(async () => {
  backend = createFakeBackend();
  node = await serveFakeNode(backend);
  tokens = {
    refreshes: 0,
    getAppToken: async () => "app-token-1",
    getAccessToken: async () => "access-token-1",
  };
  client = new SyncNodeClient({ nodeUrl: `${node.url}/`, tokens });
});

afterEach(() => node.close());

const last = () => backend.requests[backend.requests.length - 1];

test("getNodeInfo sends no credentials and returns the node's self-description", async () => {
  const info = await client.getNodeInfo();
  expect(info.product).toBe("exalate-adnode-sync-node");
  expect(last().headers.authorization).toBeUndefined();
  expect(last().headers[ACCESS_TOKEN_HEADER]).toBeUndefined();
});

test("listConnections sends the app token and the user's access token", async () => {
  backend.connections.push(connection());
  const connections = await client.listConnections();
  expect(connections.map((c) => c.name)).toEqual(["contoso_to_fabrikam"]);
  expect(last().headers.authorization).toBe("Bearer app-token-1");
  expect(last().headers[ACCESS_TOKEN_HEADER]).toBe("access-token-1");
});

test("initiateConnection posts the wizard's fields and returns connection and invitation", async () => {
  const result = await client.initiateConnection({
    destinationUrl: null,
    mode: "script",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
    name: "contoso_to_fabrikam",
    description: "d",
    incomingProject: { id: "p-1", name: "Alpha" },
  });
  expect(result.connection.name).toBe("contoso_to_fabrikam");
  expect(result.invitation.invitationCode).toBe("INV-NEW-CODE-123");
  expect(last().method).toBe("POST");
  expect(last().headers["content-type"]).toBe("application/json");
  expect(last().body).toMatchObject({ destinationUrl: null, mode: "script", description: "d" });
});

test("connection actions use the connection's routes", async () => {
  backend.connections.push(
    connection({ id: "c 1", status: "pending" }),
    connection({ id: "c-1", status: "deactivated" }),
  );
  backend.invitationCodes.set("c 1", "INV-abc.def");
  expect((await client.getInvitation("c 1")).invitationCode).toBe("INV-abc.def");
  expect(last().path).toBe("/api/v1/connections/c%201/invitation");
  const fresh = await client.regenerateInvitation("c-1");
  expect(fresh.invitationCode).toBe(backend.invitationCodes.get("c-1"));
  expect(last().method).toBe("POST");
  expect((await client.activateConnection("c-1")).status).toBe("active");
  expect(last().path).toBe("/api/v1/connections/c-1/activate");
  expect((await client.deactivateConnection("c-1")).status).toBe("deactivated");
  await expect(client.deleteConnection("c-1")).resolves.toBeUndefined();
  expect(last()).toMatchObject({ method: "DELETE", path: "/api/v1/connections/c-1" });
});

test("inspectInvitation and acceptInvitation post the code", async () => {
  const preview = await client.inspectInvitation("INV-x");
  expect(preview).toMatchObject({ initiatorShortName: "fabrikam", mode: "basic" });
  expect(last().body).toEqual({ invitationCode: "INV-x" });
  const accepted = await client.acceptInvitation({
    invitationCode: "INV-x",
    incomingProject: { id: "p-2", name: "Beta" },
  });
  expect(accepted).toMatchObject({ status: "active", remoteShortName: "fabrikam" });
  expect(last().body).toMatchObject({ incomingProject: { id: "p-2" } });
});
