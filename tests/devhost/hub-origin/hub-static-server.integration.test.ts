/** The hub's origin in the dev host: serves dist/hub and never lets a browser keep a stale copy. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { buildHubStaticServer } from "../../../src/devhost/hub-origin/hub-static-server";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hub-static-"));
  writeFileSync(path.join(dir, "hub.html"), "<!doctype html><title>hub</title>");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("files are served with no-cache and a validator, missing ones are 404", async () => {
  const app = buildHubStaticServer(dir);
  try {
    const page = await app.inject({ method: "GET", url: "/hub.html" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<title>hub</title>");
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.headers.etag).toBeDefined();
    expect((await app.inject({ method: "GET", url: "/nope.js" })).statusCode).toBe(404);
  } finally {
    await app.close();
  }
});
