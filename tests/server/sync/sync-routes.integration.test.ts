/**
 * The sync engine's hub API over buildApp (in-process requests), against an emulated
 * organization: node credential, triggers with WIQL validation, bulk sync with
 * progress, statistics, history, sync now, errors, script test runs.
 */
import { type Emulator, startEmulator } from "../../../src/devhost/emulator/emulator";
import { buildAppWithInternals } from "../../../src/server/app";
import { loadConfig } from "../../../src/server/config";
import { insertConnection } from "../../../src/server/connections/connection-repository";
import { SecretBox } from "../../../src/server/crypto/secret-box";
import type { NodeApp } from "../../../src/server/http/node-app";
import type { Store } from "../../../src/server/storage/store";
import { routePath, ROUTES } from "../../../src/shared/contracts/routes";
import { APP_SECRET, signAppToken } from "../../helpers/app-tokens";
import { testConnectionRow } from "../../helpers/connection-row";
import { createTestStore, testDialects } from "../../helpers/with-store";

jest.setTimeout(60_000);

describe.each(testDialects())("sync API on %s", (dialect) => {
  let emulator: Emulator;
  let app: NodeApp;
  let store: Store;
  let dispose: () => Promise<void>;
  let accessToken: string;
  const connection = testConnectionRow("Sync API");
  const path = (route: string, params: Record<string, string> = {}) =>
    routePath(route, { id: connection.id, ...params });

  async function call(method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) {
    const headers = {
      authorization: `Bearer ${await signAppToken()}`,
      "x-azdo-access-token": accessToken,
    };
    return app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  }

  async function createBug(title: string): Promise<number> {
    const response = await fetch(`${emulator.url}/Alpha/_apis/wit/workitems/$Bug?api-version=7.1`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${accessToken}`,
        "content-type": "application/json-patch+json",
      },
      body: JSON.stringify([{ op: "add", path: "/fields/System.Title", value: title }]),
    });
    return ((await response.json()) as { id: number }).id;
  }

  beforeAll(async () => {
    emulator = await startEmulator({ organization: "contoso" });
    accessToken = await emulator.issueAccessToken();
    ({ store, dispose } = await createTestStore(dialect));
    await insertConnection(store.db, connection);
    const config = loadConfig({
      EXALATE_APP_SECRET: APP_SECRET,
      AZDO_ORG_URL: emulator.url,
      LOG_LEVEL: "silent",
    });
    ({ app } = await buildAppWithInternals({
      config,
      store,
      secretBox: new SecretBox(Buffer.alloc(32, 5)),
    }));
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
    await emulator?.close();
  });

  test("a bad, expired or under-privileged token is refused with distinct codes and nothing is stored", async () => {
    expect((await call("GET", ROUTES.nodeCredential)).json()).toMatchObject({ source: "none" });
    const expired = await emulator.createPat({
      userId: emulator.users.sync,
      expiresAt: new Date(Date.now() - 1000),
    });
    const reader = await emulator.createPat({ userId: emulator.users.rita });
    const cases: [string, string][] = [
      ["not-a-token", "SYNC_ERR_CREDENTIAL_INVALID"],
      [expired, "SYNC_ERR_CREDENTIAL_INVALID"],
      [reader, "SYNC_ERR_CREDENTIAL_PERMISSION"],
    ];
    for (const [pat, code] of cases) {
      const response = await call("PUT", ROUTES.nodeCredential, { pat, project: "Alpha" });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe(code);
      expect(response.body).not.toContain(pat);
    }
    const settings = await store.db.selectFrom("node_settings").select("key").execute();
    expect(settings.map((row) => row.key)).not.toContain("sync_pat");
  });

  test("a good token is stored sealed and never returned", async () => {
    const pat = await emulator.createPat({ userId: emulator.users.sync });
    const response = await call("PUT", ROUTES.nodeCredential, { pat, project: "Alpha" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ source: "stored", identity: "Sync Service" });
    expect(response.body).not.toContain(pat);
    const rows = await store.db.selectFrom("node_settings").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(pat);
    expect((await call("GET", ROUTES.nodeCredential)).body).not.toContain(pat);
  });

  test("a trigger Azure DevOps rejects is refused with its message; a good one is stored", async () => {
    const bad = await call("POST", path(ROUTES.connectionTriggers), {
      workItemType: "Bug",
      where: "[System.Nope] = 1",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("SYNC_ERR_TRIGGER_INVALID");
    expect(String(bad.json().details.adoMessage)).toMatch(/TF51005|Nope/);
    const syntax = await call("POST", path(ROUTES.connectionTriggers), {
      workItemType: "Bug",
      where: "[System.State] = ",
    });
    expect(syntax.json().code).toBe("SYNC_ERR_TRIGGER_INVALID");
    expect((await call("GET", path(ROUTES.connectionTriggers))).json().triggers).toEqual([]);
    const good = await call("POST", path(ROUTES.connectionTriggers), {
      workItemType: "Bug",
      where: "[System.State] <> 'Closed'",
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ workItemType: "Bug", active: true });
    const triggerId = good.json().id as string;
    const off = await call("POST", path(ROUTES.connectionTriggerDeactivate, { triggerId }));
    expect(off.json().active).toBe(false);
    const edited = await call("PUT", path(ROUTES.connectionTrigger, { triggerId }), {
      workItemType: "Bug",
      where: "",
      active: true,
    });
    expect(edited.json()).toMatchObject({ where: "", active: true });
    const missing = await call(
      "POST",
      path(ROUTES.connectionTriggerActivate, { triggerId: "nope" }),
    );
    expect(missing.json().code).toBe("SYNC_ERR_TRIGGER_NOT_FOUND");
  });

  test("bulk sync sends every matching work item, with progress; history, statistics and sync now follow", async () => {
    const first = await createBug("Bulk one");
    await createBug("Bulk two");
    const triggerId = (await call("GET", path(ROUTES.connectionTriggers))).json().triggers[0]
      .id as string;
    const started = await call("POST", path(ROUTES.connectionTriggerBulkSync, { triggerId }));
    expect(started.statusCode).toBe(202);
    let job = started.json();
    for (let i = 0; i < 100 && job.state === "running"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await call("GET", path(ROUTES.connectionBulkSyncJob, { jobId: job.id }))).json();
    }
    expect(job).toMatchObject({ state: "done", total: 2, processed: 2, sent: 2, failed: 0 });
    const stats = (await call("GET", path(ROUTES.connectionStatistics))).json();
    expect(stats).toMatchObject({
      // Sent work items count as twins before the other side names its half.
      twins: 2,
      outgoing: { queued: 2, failed: 0 },
      incoming: { queued: 0, failed: 0 },
    });
    expect(stats.lastSentAt).not.toBeNull();
    const history = (
      await call("GET", path(ROUTES.connectionWorkItemHistory, { workItemId: String(first) }))
    ).json();
    expect(history.entries[0]).toMatchObject({ direction: "outgoing", outcome: "sent" });
    const now = await call(
      "POST",
      path(ROUTES.connectionWorkItemSync, { workItemId: String(first) }),
    );
    expect(now.json()).toMatchObject({ workItemId: first, outcome: "sent" });
    expect((await call("GET", path(ROUTES.connectionErrors))).json()).toEqual({ errors: [] });
    const retry = await call("POST", path(ROUTES.connectionErrorsRetry), { ids: ["unknown"] });
    expect(retry.json().results).toEqual([{ id: "unknown", status: "not-found" }]);
  });

  test("script test runs show the replica and the JSON Patch without writing anything", async () => {
    const id = await createBug("Test run item");
    const outgoing = await call("POST", path(ROUTES.connectionScriptTestOutgoing), {
      workItemId: id,
    });
    expect(outgoing.statusCode).toBe(200);
    const replica = outgoing.json().replica;
    expect(replica).toMatchObject({ key: String(id), summary: "Test run item", type: "Bug" });
    const incoming = await call("POST", path(ROUTES.connectionScriptTestIncoming), { replica });
    expect(incoming.json()).toMatchObject({
      firstSync: true,
      create: { project: "Alpha", type: "Bug" },
    });
    expect(incoming.json().patch).toContainEqual({
      op: "add",
      path: "/fields/System.Title",
      value: "Test run item",
    });
    const broken = await call("POST", path(ROUTES.connectionScriptTestOutgoing), {
      workItemId: id,
      script: "replica.summary = workItem.summary;\nnull.boom;",
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({
      code: "SYNC_ERR_SCRIPT_RUNTIME",
      details: { script: "outgoing", line: 2 },
    });
    // Beyond Azure DevOps' 32-bit ids: refused here, not passed on to the service.
    const huge = await call("POST", path(ROUTES.connectionScriptTestOutgoing), {
      workItemId: 2 ** 31,
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json()).toMatchObject({ code: "SYNC_ERR_REQUEST_INVALID" });
  });

  test("the API needs an administrator", async () => {
    const response = await app.inject({ method: "GET", url: path(ROUTES.connectionStatistics) });
    expect(response.statusCode).toBe(401);
  });
});
