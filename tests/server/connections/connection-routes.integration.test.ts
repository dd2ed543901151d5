import { routePath, ROUTES } from "../../../src/shared/contracts/routes";
import { isErrorCode } from "../../../src/shared/errors";
import { MEMBER_TOKEN } from "../../helpers/fake-ado-identity";
import { initiateBody, startTestNode, type TestNode } from "../../helpers/test-node";
import { testDialects } from "../../helpers/with-store";

describe.each(testDialects())("connections API on %s", (dialect) => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode(dialect);
  });
  afterAll(() => node.close());

  async function call(
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) {
    const headers = await node.adminHeaders();
    return node.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  }

  async function initiate(changes: Record<string, unknown> = {}) {
    const response = await call("POST", ROUTES.connections, initiateBody(changes));
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  test("initiate returns a Pending connection with its invitation code and default name", async () => {
    const body = await initiate({ localShortName: "north", remoteShortName: "south" });
    expect(body.connection).toMatchObject({
      name: "north_to_south",
      localShortName: "north",
      remoteShortName: null,
      status: "pending",
      role: "initiator",
      type: "public",
      localSide: "public",
      mode: "script",
      remoteUrl: "https://fabrikam-node.example",
      incomingProject: { id: "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c", name: "Alpha" },
      lastActivityAt: null,
    });
    expect(body.invitation.invitationCode).toMatch(
      /^SN1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/,
    );
    const expiresInDays = (Date.parse(body.invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(6.9);
    expect(expiresInDays).toBeLessThanOrEqual(7);

    const list = await call("GET", ROUTES.connections);
    expect(list.statusCode).toBe(200);
    expect(list.json().connections.map((c: { id: string }) => c.id)).toContain(body.connection.id);
  });

  test("a private destination makes a private connection; names are unique ignoring case", async () => {
    const body = await initiate({ destinationUrl: null, name: "Private Pair" });
    expect(body.connection).toMatchObject({
      type: "private",
      localSide: "public",
      remoteUrl: null,
    });
    const clash = await call("POST", ROUTES.connections, initiateBody({ name: "PRIVATE PAIR" }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe("SYNC_ERR_CONNECTION_NAME_TAKEN");
  });

  test("names may use letters of any script, and emoji may not", async () => {
    const body = await initiate({ destinationUrl: null, name: "Café Ünïcode Синхронизация" });
    expect(body.connection.name).toBe("Café Ünïcode Синхронизация");
    const emoji = await call("POST", ROUTES.connections, initiateBody({ name: "sync 🚀" }));
    expect(emoji.json().code).toBe("SYNC_ERR_CONNECTION_NAME_INVALID");
  });

  test.each([
    [{ localShortName: "-bad" }, "SYNC_ERR_CONNECTION_SHORT_NAME_INVALID"],
    [{ remoteShortName: "x".repeat(33) }, "SYNC_ERR_CONNECTION_SHORT_NAME_INVALID"],
    [{ name: " leading space" }, "SYNC_ERR_CONNECTION_NAME_INVALID"],
    [{ name: "semi;colon" }, "SYNC_ERR_CONNECTION_NAME_INVALID"],
    [{ destinationUrl: "ftp://node.example" }, "SYNC_ERR_CONNECTION_URL_INVALID"],
    [{ destinationUrl: "https://user:pw@node.example" }, "SYNC_ERR_CONNECTION_URL_INVALID"],
    [{ destinationUrl: "https://node.example/?q=1" }, "SYNC_ERR_CONNECTION_URL_INVALID"],
    [{ destinationUrl: "https://node.example/#frag" }, "SYNC_ERR_CONNECTION_URL_INVALID"],
    [{ destinationUrl: "node.example" }, "SYNC_ERR_CONNECTION_URL_INVALID"],
    [{ destinationUrl: 42 }, "SYNC_ERR_CONNECTION_URL_INVALID"],
    [{ mode: "fancy" }, "SYNC_ERR_REQUEST_INVALID"],
    [{ description: "nul \u0000 inside" }, "SYNC_ERR_REQUEST_INVALID"],
    [{ extra: true }, "SYNC_ERR_REQUEST_INVALID"],
    [
      { incomingProject: { id: "00000000-dead-beef-0000-000000000000", name: "Gone" } },
      "SYNC_ERR_CONNECTION_PROJECT_INVALID",
    ],
  ])("initiate rejects %j with %s and stores nothing", async (changes, code) => {
    const before = (await call("GET", ROUTES.connections)).json().connections.length;
    const response = await call("POST", ROUTES.connections, initiateBody(changes));
    expect(response.json().code).toBe(code);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect((await call("GET", ROUTES.connections)).json().connections.length).toBe(before);
  });

  test("validation errors name the field", async () => {
    const response = await call(
      "POST",
      ROUTES.connections,
      initiateBody({ localShortName: "a b" }),
    );
    expect(response.json().details).toMatchObject({ field: "localShortName", location: "body" });
    const missing = await call("POST", ROUTES.connections, { mode: "script" });
    expect(missing.json()).toMatchObject({ code: "SYNC_ERR_REQUEST_INVALID", statusCode: 400 });
    expect(typeof missing.json().details.field).toBe("string");
  });

  test("get, patch, activate rules, deactivate and delete", async () => {
    const { connection } = await initiate({ name: "Lifecycle" });
    const url = routePath(ROUTES.connection, { id: connection.id });
    expect((await call("GET", url)).json().name).toBe("Lifecycle");

    const patched = await call("PATCH", url, {
      name: "Lifecycle renamed",
      description: "new",
      incomingProject: { id: "2a7c2f8e-14b1-4c1a-9c3e-0b1f6d0b4e11", name: "whatever" },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: "Lifecycle renamed",
      description: "new",
      incomingProject: { id: "2a7c2f8e-14b1-4c1a-9c3e-0b1f6d0b4e11", name: "Beta" },
    });

    const activate = await call(
      "POST",
      routePath(ROUTES.connectionActivate, { id: connection.id }),
    );
    expect(activate.statusCode).toBe(409);
    expect(activate.json().code).toBe("SYNC_ERR_CONNECTION_STATE");

    expect((await call("DELETE", url)).statusCode).toBe(204);
    const gone = await call("GET", url);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe("SYNC_ERR_CONNECTION_NOT_FOUND");
    expect((await call("DELETE", url)).json().code).toBe("SYNC_ERR_CONNECTION_NOT_FOUND");
  });

  test("invitation code can be shown again while Pending and regenerated", async () => {
    const { connection, invitation } = await initiate({ name: "Codes" });
    const url = routePath(ROUTES.connectionInvitation, { id: connection.id });
    const again = await call("GET", url);
    expect(again.statusCode).toBe(200);
    expect(again.json().invitationCode).toBe(invitation.invitationCode);
    const regenerated = await call("POST", url);
    expect(regenerated.statusCode).toBe(200);
    expect(regenerated.json().invitationCode).not.toBe(invitation.invitationCode);
    expect((await call("GET", url)).json().invitationCode).toBe(regenerated.json().invitationCode);
    const rows = await node.store.db
      .selectFrom("invitations")
      .select("state")
      .where("connection_id", "=", connection.id)
      .execute();
    expect(rows.map((row) => row.state).sort()).toEqual(["active", "revoked"]);
  });

  test("scripts: defaults, save in Script mode, locked in Basic mode", async () => {
    const script = await initiate({ name: "Scripted" });
    const url = routePath(ROUTES.connectionScripts, { id: script.connection.id });
    const defaults = (await call("GET", url)).json();
    expect(defaults.outgoing).toContain("replica");
    const saved = await call("PUT", url, { outgoing: "replica.a = 1;", incoming: "" });
    expect(saved.statusCode).toBe(200);
    expect((await call("GET", url)).json()).toEqual({ outgoing: "replica.a = 1;", incoming: "" });

    const broken = await call("PUT", url, { outgoing: "replica.a = 1;", incoming: "\nif (x {" });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe("SYNC_ERR_SCRIPT_SYNTAX");
    expect(broken.json().details).toMatchObject({ script: "incoming", line: 2 });
    expect((await call("GET", url)).json()).toEqual({ outgoing: "replica.a = 1;", incoming: "" });

    const basic = await initiate({ name: "Basic one", mode: "basic" });
    const basicUrl = routePath(ROUTES.connectionScripts, { id: basic.connection.id });
    const locked = await call("PUT", basicUrl, { outgoing: "x", incoming: "y" });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe("SYNC_ERR_CONNECTION_SCRIPT_LOCKED");
    expect((await call("GET", basicUrl)).json()).toEqual(defaults);
  });

  test("a member who is not a Project Collection Administrator is refused", async () => {
    const headers = await node.adminHeaders(MEMBER_TOKEN);
    const response = await node.app.inject({ method: "GET", url: ROUTES.connections, headers });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("SYNC_ERR_AUTH_NOT_ADMIN");
  });

  test("unknown routes, bad content types and huge bodies get catalogued codes", async () => {
    const headers = await node.adminHeaders();
    const missing = await node.app.inject({ method: "GET", url: "/api/v1/nope", headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe("SYNC_ERR_ROUTE_NOT_FOUND");
    const text = await node.app.inject({
      method: "POST",
      url: ROUTES.connections,
      headers: { ...headers, "content-type": "application/xml" },
      payload: "<hello/>",
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe("SYNC_ERR_REQUEST_UNSUPPORTED_MEDIA");
    const huge = await node.app.inject({
      method: "POST",
      url: ROUTES.connections,
      headers: { ...headers, "content-type": "application/json" },
      payload: JSON.stringify({ description: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe("SYNC_ERR_REQUEST_TOO_LARGE");
    const badJson = await node.app.inject({
      method: "POST",
      url: ROUTES.connections,
      headers: { ...headers, "content-type": "application/json" },
      payload: "{not json",
    });
    expect(badJson.statusCode).toBe(400);
    expect(isErrorCode(badJson.json().code)).toBe(true);
  });
});
