import { SyncNodeClient, type TokenProvider } from "../../src/client";
import { type ErrorCode, isSyncError, type SyncError } from "../../src/shared/errors";
import {
  connection,
  createFakeBackend,
  errorAnswer,
  type FakeBackend,
  type ServedFakeNode,
  serveFakeNode,
} from "../helpers/fake-node";

let backend: FakeBackend;
let node: ServedFakeNode;

beforeEach(async () => {
  backend = createFakeBackend();
  backend.connections.push(connection());
  node = await serveFakeNode(backend);
});

afterEach(() => node.close());

/** A token provider whose app token changes when refreshed, like `SDK.getAppToken()` later on. */
function rotatingTokens(afterRefresh = "app-token-2") {
  const calls: boolean[] = [];
  const provider: TokenProvider = {
    getAppToken: async (refresh) => {
      calls.push(refresh);
      return calls.some(Boolean) ? afterRefresh : "app-token-expired";
    },
    getAccessToken: async () => "access-token-1",
  };
  return { provider, calls };
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

test("a 401 refreshes the app token once and retries; the caller sees no error", async () => {
  backend.validAppTokens.add("app-token-2");
  const { provider, calls } = rotatingTokens();
  const client = new SyncNodeClient({ nodeUrl: node.url, tokens: provider });
  const connections = await client.listConnections();
  expect(connections).toHaveLength(1);
  expect(calls).toEqual([false, true]);
  const auth = backend.requests.map((r) => r.headers.authorization);
  expect(auth).toEqual(["Bearer app-token-expired", "Bearer app-token-2"]);
});

test("a second 401 after the refresh reaches the caller with the node's code", async () => {
  const { provider, calls } = rotatingTokens("still-bad");
  const client = new SyncNodeClient({ nodeUrl: node.url, tokens: provider });
  const error = await failure(client.listConnections());
  expect(error.code).toBe("SYNC_ERR_AUTH_APP_TOKEN_EXPIRED");
  expect(calls).toEqual([false, true]);
  expect(backend.requests).toHaveLength(2);
});

const okTokens: TokenProvider = {
  getAppToken: async () => "app-token-1",
  getAccessToken: async () => "access-token-1",
};

test.each<ErrorCode>([
  "SYNC_ERR_AUTH_NOT_ADMIN",
  "SYNC_ERR_INVITATION_EXPIRED",
  "SYNC_ERR_CONNECTION_NAME_TAKEN",
  "SYNC_ERR_INTERNAL",
])("an ErrorBody with %s becomes a SyncError with that code and request id", async (code) => {
  const answer = errorAnswer(code, "node says so", { field: "x" });
  const body = { ...(answer.body as object), requestId: "req-42" };
  backend.failures.set("POST /api/v1/invitations/inspect", { ...answer, body });
  const client = new SyncNodeClient({ nodeUrl: node.url, tokens: okTokens });
  const error = await failure(client.inspectInvitation("code"));
  expect(error).toMatchObject({ code, message: "node says so", requestId: "req-42" });
  expect(error.details).toEqual({ field: "x" });
  expect(backend.requests).toHaveLength(1);
});

test("a non-JSON error page becomes SYNC_ERR_CLIENT_BAD_RESPONSE with the status", async () => {
  backend.failures.set("GET /api/v1/connections", {
    status: 502,
    text: "<html>Bad gateway</html>",
  });
  const client = new SyncNodeClient({ nodeUrl: node.url, tokens: okTokens });
  const error = await failure(client.listConnections());
  expect(error.code).toBe("SYNC_ERR_CLIENT_BAD_RESPONSE");
  expect(error.details).toEqual({ status: 502 });
});

test("a 200 with the wrong shape becomes SYNC_ERR_CLIENT_BAD_RESPONSE", async () => {
  backend.failures.set("GET /api/v1/connections", { status: 200, body: { items: [] } });
  const client = new SyncNodeClient({ nodeUrl: node.url, tokens: okTokens });
  expect((await failure(client.listConnections())).code).toBe("SYNC_ERR_CLIENT_BAD_RESPONSE");
});

test("a 200 that is not JSON becomes SYNC_ERR_CLIENT_BAD_RESPONSE", async () => {
  backend.failures.set("GET /api/v1/node", { status: 200, text: "hello" });
  const client = new SyncNodeClient({ nodeUrl: node.url, tokens: okTokens });
  expect((await failure(client.getNodeInfo())).code).toBe("SYNC_ERR_CLIENT_BAD_RESPONSE");
});

test("a server that is not a sync node fails the node check", async () => {
  backend.failures.set("GET /api/v1/node", {
    status: 200,
    body: { product: "other", version: "1" },
  });
  const client = new SyncNodeClient({ nodeUrl: node.url, tokens: okTokens });
  expect((await failure(client.getNodeInfo())).code).toBe("SYNC_ERR_CLIENT_BAD_RESPONSE");
});

test("no answer within the timeout becomes SYNC_ERR_CLIENT_TIMEOUT", async () => {
  backend.failures.set("GET /api/v1/connections", { status: 200, body: {}, delayMs: 1_000 });
  const client = new SyncNodeClient({ nodeUrl: node.url, tokens: okTokens, timeoutMs: 50 });
  const error = await failure(client.listConnections());
  expect(error.code).toBe("SYNC_ERR_CLIENT_TIMEOUT");
  expect(error.retryable).toBe(true);
});

test("an unreachable node becomes SYNC_ERR_CLIENT_NETWORK", async () => {
  const url = node.url;
  await node.close();
  const client = new SyncNodeClient({ nodeUrl: url, tokens: okTokens });
  const error = await failure(client.listConnections());
  expect(error.code).toBe("SYNC_ERR_CLIENT_NETWORK");
  node = await serveFakeNode(backend);
});
