/**
 * Emulator core: projects, connectionData, the permission check the node uses (with a nested
 * admin group), identities, api-version rules per product, noArrayWrap, CORS and auth
 * (missing, unknown, expired and under-scoped credentials).
 */
import type { Emulator } from "../../../src/devhost/emulator/emulator";
import { call, startTestEmulator } from "./emulator-helpers";

const COLLECTION = "3e65f728-f8bc-4ecd-8764-7e378b19bfa7";
const permissionPath = `/_apis/permissions/${COLLECTION}/2?tokens=NAMESPACE:&alwaysAllowAdministrators=false`;

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  ({ emulator, token } = await startTestEmulator());
});
afterAll(() => emulator.close());

describe("projects", () => {
  it("lists Alpha and Beta as {count, value}", async () => {
    const answer = await call(emulator, "GET", "/_apis/projects", { token });
    expect(answer.status).toBe(200);
    expect(answer.body.count).toBe(2);
    expect(answer.body.value.map((p: { name: string }) => p.name)).toEqual(["Alpha", "Beta"]);
  });

  it("answers a bare array when the Accept header says noArrayWrap=true", async () => {
    const accept = "application/json;api-version=7.2-preview.4;excludeUrls=true;noArrayWrap=true";
    const answer = await call(emulator, "GET", "/_apis/projects", {
      token,
      apiVersion: null,
      accept,
    });
    expect(Array.isArray(answer.body)).toBe(true);
    expect(answer.body).toHaveLength(2);
  });

  it("gets a project by name and by id, and 404s an unknown one with TF200016", async () => {
    const byName = await call(emulator, "GET", "/_apis/projects/alpha", { token });
    expect(byName.body.name).toBe("Alpha");
    const byId = await call(emulator, "GET", `/_apis/projects/${byName.body.id}`, { token });
    expect(byId.body.defaultTeam.name).toBe("Alpha Team");
    const missing = await call(emulator, "GET", "/_apis/projects/Gamma", { token });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/^TF200016/);
  });
});

describe("connectionData and permissions", () => {
  it("names the authenticated user with its account", async () => {
    const answer = await call(emulator, "GET", "/_apis/connectionData", {
      token,
      apiVersion: null,
    });
    expect(answer.body.authenticatedUser.providerDisplayName).toBe("Ada Admin");
    expect(answer.body.authenticatedUser.properties.Account.$value).toBe("ada@contoso.example");
    expect(answer.body.authorizedUser.id).toBe(emulator.users.ada);
    expect(typeof answer.body.instanceId).toBe("string");
  });

  it("grants GENERIC_WRITE to Ada (admin through a nested group) and not to Max", async () => {
    const ada = await call(emulator, "GET", permissionPath, { token });
    expect(ada.body).toEqual({ count: 1, value: [true] });
    const max = await emulator.issueAccessToken(emulator.users.max);
    const answer = await call(emulator, "GET", permissionPath, { token: max });
    expect(answer.body).toEqual({ count: 1, value: [false] });
  });
});

describe("identities", () => {
  it("finds a user by email and by display name, and nobody for an unknown address", async () => {
    const byEmail = await call(
      emulator,
      "GET",
      "/_apis/identities?searchFilter=General&filterValue=max@contoso.example",
      { token },
    );
    expect(byEmail.body.value[0].id).toBe(emulator.users.max);
    const byName = await call(
      emulator,
      "GET",
      "/_apis/identities?searchFilter=General&filterValue=Sync%20Service",
      { token },
    );
    expect(byName.body.value[0].properties.Mail.$value).toBe("sync@contoso.example");
    const none = await call(
      emulator,
      "GET",
      "/_apis/identities?searchFilter=General&filterValue=nobody@x.example",
      { token },
    );
    expect(none.body.count).toBe(0);
  });

  it("lists graph users", async () => {
    const answer = await call(emulator, "GET", "/_apis/graph/users", {
      token,
      apiVersion: "7.1-preview.1",
    });
    expect(answer.body.value.map((u: { principalName: string }) => u.principalName)).toContain(
      "ada@contoso.example",
    );
  });
});

describe("api-version", () => {
  it("requires an api-version", async () => {
    const answer = await call(emulator, "GET", "/_apis/projects", { token, apiVersion: null });
    expect(answer.status).toBe(400);
    expect(answer.body.typeKey).toBe("VssVersionNotSpecifiedException");
  });

  it("accepts 7.2-preview on Services and refuses 7.3", async () => {
    expect(
      (await call(emulator, "GET", "/_apis/projects", { token, apiVersion: "7.2-preview.4" }))
        .status,
    ).toBe(200);
    const answer = await call(emulator, "GET", "/_apis/projects", { token, apiVersion: "7.3" });
    expect(answer.body.typeKey).toBe("VssVersionOutOfRangeException");
  });

  it("caps Server 2022 at 7.0 with the service's message", async () => {
    const server = await startTestEmulator({
      organization: "DefaultCollection",
      product: "server2022",
    });
    try {
      const ok = await call(server.emulator, "GET", "/_apis/projects", {
        token: server.token,
        apiVersion: "7.0",
      });
      expect(ok.status).toBe(200);
      const answer = await call(server.emulator, "GET", "/_apis/projects", {
        token: server.token,
        apiVersion: "7.1",
      });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toBe(
        "The requested REST API version of 7.1 is out of range for this server. The latest REST API version this server supports is 7.0.",
      );
    } finally {
      await server.emulator.close();
    }
  });
});

describe("authentication", () => {
  it("refuses a missing or unknown credential with 401", async () => {
    expect((await call(emulator, "GET", "/_apis/projects")).status).toBe(401);
    const answer = await call(emulator, "GET", "/_apis/projects", { token: "not-a-token" });
    expect(answer.status).toBe(401);
    expect(answer.body.message).toMatch(/^VS30063/);
  });

  it("accepts a PAT with Basic auth and refuses an expired one", async () => {
    const pat = await emulator.createPat({ userId: emulator.users.sync });
    expect((await call(emulator, "GET", "/_apis/projects", { pat })).status).toBe(200);
    const expired = await emulator.createPat({
      userId: emulator.users.sync,
      expiresAt: new Date(Date.now() - 1000),
    });
    expect((await call(emulator, "GET", "/_apis/projects", { pat: expired })).status).toBe(401);
  });

  it("refuses a PAT lacking the route's scope with TF400813", async () => {
    const pat = await emulator.createPat({ userId: emulator.users.sync, scopes: ["vso.work"] });
    expect(
      (await call(emulator, "GET", "/_apis/wit/workitems?ids=1&errorPolicy=omit", { pat })).status,
    ).toBe(200);
    const answer = await call(emulator, "GET", "/_apis/projects", { pat });
    expect(answer.status).toBe(401);
    expect(answer.body.message).toMatch(/^TF400813/);
  });

  it("refuses an expired access token", async () => {
    const expired = await emulator.issueAccessToken(emulator.users.ada, -1);
    expect(
      (await call(emulator, "GET", "/_apis/connectionData", { token: expired, apiVersion: null }))
        .status,
    ).toBe(401);
  });
});

describe("CORS", () => {
  it("answers a preflight from a localhost origin with the Authorization header allowed", async () => {
    const response = await fetch(`${emulator.url}/_apis/projects`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:3001",
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3001");
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain(
      "authorization",
    );
  });

  it("does not allow a foreign origin", async () => {
    const answer = await call(emulator, "GET", "/_apis/projects", {
      token,
      origin: "https://evil.example",
    });
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
  });
});
