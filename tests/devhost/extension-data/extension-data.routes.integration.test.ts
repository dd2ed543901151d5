/**
 * The dev host's extension data service over HTTP (the path Azure DevOps uses), stored per
 * organization in a JSON file: document semantics (create/set/update/delete, `__etag`), values
 * in `$settings`, persistence across a new server, and the syncNodeUrl seeding rules.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { FastifyInstance } from "fastify";
import Fastify from "fastify";

import { registerExtensionDataRoutes } from "../../../src/devhost/extension-data/extension-data-routes";
import type { DevOrganization } from "../../../src/devhost/process/dev-organization";
import { clearSyncNodeUrl, seedSyncNodeUrl } from "../../../src/devhost/process/sync-node-url-seed";

const BASE =
  "/contoso/_apis/ExtensionManagement/InstalledExtensions/idalko-tools/exalate/Data/Scopes/Default/Current/Collections";
const AUTH = { authorization: "Bearer token-1" };

let dataDir: string;
let app: FastifyInstance;

function buildApp(): FastifyInstance {
  const org = { name: "contoso", dataDir: path.join(dataDir, "contoso") } as DevOrganization;
  const server = Fastify();
  registerExtensionDataRoutes(server, new Map([["contoso", org]]));
  return server;
}

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "devhost-data-"));
  app = buildApp();
});

afterEach(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("extension data documents", () => {
  it("creates a document with etag 1 and refuses a second create with the same id (409)", async () => {
    const created = await app.inject({
      method: "POST",
      url: `${BASE}/things/Documents`,
      headers: AUTH,
      payload: { id: "a", n: 1 },
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toEqual({ id: "a", n: 1, __etag: 1 });
    const again = await app.inject({
      method: "POST",
      url: `${BASE}/things/Documents`,
      headers: AUTH,
      payload: { id: "a", n: 2 },
    });
    expect(again.statusCode).toBe(409);
    const read = await app.inject({
      method: "GET",
      url: `${BASE}/things/Documents/a`,
      headers: AUTH,
    });
    expect(read.json()).toEqual({ id: "a", n: 1, __etag: 1 });
  });

  it("updates only with the current etag, and bumps it", async () => {
    await app.inject({
      method: "POST",
      url: `${BASE}/things/Documents`,
      headers: AUTH,
      payload: { id: "a", n: 1 },
    });
    const stale = await app.inject({
      method: "PATCH",
      url: `${BASE}/things/Documents`,
      headers: AUTH,
      payload: { id: "a", n: 5, __etag: 7 },
    });
    expect(stale.statusCode).toBe(409);
    const fresh = await app.inject({
      method: "PATCH",
      url: `${BASE}/things/Documents`,
      headers: AUTH,
      payload: { id: "a", n: 5, __etag: 1 },
    });
    expect(fresh.json()).toEqual({ id: "a", n: 5, __etag: 2 });
    const missing = await app.inject({
      method: "PATCH",
      url: `${BASE}/things/Documents`,
      headers: AUTH,
      payload: { id: "zz", __etag: -1 },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("lists a collection, lists an unknown one as empty, deletes, and 404s a missing document", async () => {
    await app.inject({
      method: "PUT",
      url: `${BASE}/things/Documents`,
      headers: AUTH,
      payload: { id: "a" },
    });
    await app.inject({
      method: "PUT",
      url: `${BASE}/things/Documents`,
      headers: AUTH,
      payload: { id: "b" },
    });
    const list = await app.inject({
      method: "GET",
      url: `${BASE}/things/Documents`,
      headers: AUTH,
    });
    expect(
      list
        .json()
        .map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual(["a", "b"]);
    const empty = await app.inject({
      method: "GET",
      url: `${BASE}/nothing/Documents`,
      headers: AUTH,
    });
    expect(empty.json()).toEqual([]);
    const removed = await app.inject({
      method: "DELETE",
      url: `${BASE}/things/Documents/a`,
      headers: AUTH,
    });
    expect(removed.statusCode).toBe(204);
    const gone = await app.inject({
      method: "GET",
      url: `${BASE}/things/Documents/a`,
      headers: AUTH,
    });
    expect(gone.statusCode).toBe(404);
  });

  it("requires an access token and a known organization", async () => {
    const anonymous = await app.inject({ method: "GET", url: `${BASE}/things/Documents` });
    expect(anonymous.statusCode).toBe(401);
    const other = await app.inject({
      method: "GET",
      url: `${BASE.replace("contoso", "nope")}/things/Documents`,
      headers: AUTH,
    });
    expect(other.statusCode).toBe(404);
  });

  it("keeps documents in the organization's file: a new server reads them back", async () => {
    await app.inject({
      method: "PUT",
      url: `${BASE}/$settings/Documents`,
      headers: AUTH,
      payload: { id: "syncNodeUrl", __etag: -1, value: "http://node" },
    });
    await app.close();
    app = buildApp();
    const read = await app.inject({
      method: "GET",
      url: `${BASE}/$settings/Documents/syncNodeUrl`,
      headers: AUTH,
    });
    expect(read.json()).toMatchObject({ id: "syncNodeUrl", value: "http://node" });
  });
});

describe("syncNodeUrl seeding", () => {
  const read = async () =>
    (
      await app.inject({
        method: "GET",
        url: `${BASE}/$settings/Documents/syncNodeUrl`,
        headers: AUTH,
      })
    ).json().value;
  const orgDir = () => path.join(dataDir, "contoso");

  it("seeds on first start, keeps it on the next, follows a port change, and never overwrites a person's value", async () => {
    expect(seedSyncNodeUrl(orgDir(), "http://127.0.0.1:3011")).toBe("seeded");
    expect(await read()).toBe("http://127.0.0.1:3011");
    expect(seedSyncNodeUrl(orgDir(), "http://127.0.0.1:3011")).toBe("kept");
    expect(seedSyncNodeUrl(orgDir(), "http://127.0.0.1:4011")).toBe("updated");
    expect(await read()).toBe("http://127.0.0.1:4011");

    await app.inject({
      method: "PUT",
      url: `${BASE}/$settings/Documents`,
      headers: AUTH,
      payload: { id: "syncNodeUrl", __etag: -1, value: "https://mine" },
    });
    expect(seedSyncNodeUrl(orgDir(), "http://127.0.0.1:3011")).toBe("kept");
    expect(await read()).toBe("https://mine");
  });

  it("first run removes the value so that the hub asks for its node", async () => {
    seedSyncNodeUrl(orgDir(), "http://127.0.0.1:3011");
    clearSyncNodeUrl(orgDir());
    const response = await app.inject({
      method: "GET",
      url: `${BASE}/$settings/Documents/syncNodeUrl`,
      headers: AUTH,
    });
    expect(response.statusCode).toBe(404);
  });
});
