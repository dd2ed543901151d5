/**
 * The connection settings calls (scripts, triggers, bulk sync, statistics, errors, test runs,
 * node credential) against a loopback fastify server that answers the engine's routes: paths,
 * methods, headers, bodies, answer checks and catalogued errors with details.
 */
import Fastify, { type FastifyInstance } from "fastify";

import { SyncNodeClient } from "../../src/client";
import * as api from "../../src/client/connection-settings-api";
import { ACCESS_TOKEN_HEADER, ROUTES } from "../../src/shared/contracts/routes";
import { isSyncError } from "../../src/shared/errors";

const trigger = {
  id: "t-1",
  connectionId: "c-1",
  workItemType: "Bug",
  where: "[System.State] <> 'Closed'",
  active: true,
  watermark: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};
const job = {
  id: "j-1",
  triggerId: "t-1",
  state: "running",
  total: 4,
  processed: 1,
  sent: 1,
  skipped: 0,
  failed: 0,
  error: null,
  startedAt: "2026-01-01T00:00:00.000Z",
  finishedAt: null,
};

let app: FastifyInstance;
let client: SyncNodeClient;
const seen: { method: string; url: string; body: unknown; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  app = Fastify();
  app.addHook("preHandler", async (request) => {
    seen.push({
      method: request.method,
      url: request.url,
      body: request.body,
      headers: request.headers,
    });
  });
  app.get(ROUTES.connectionScripts, async () => ({ outgoing: "// out", incoming: "// in" }));
  app.put(ROUTES.connectionScripts, async (request, reply) => {
    const body = request.body as { incoming: string };
    if (!body.incoming.includes("(")) return body;
    return reply.code(400).send({
      statusCode: 400,
      code: "SYNC_ERR_SCRIPT_SYNTAX",
      error: "Bad Request",
      message: "Incoming script failed at line 2, column 5: SyntaxError",
      details: { script: "incoming", line: 2, column: 5, message: "SyntaxError" },
    });
  });
  app.get(ROUTES.connectionTriggers, async () => ({ triggers: [trigger] }));
  app.post(ROUTES.connectionTriggers, async (_r, reply) => reply.code(201).send(trigger));
  app.put(ROUTES.connectionTrigger, async () => trigger);
  app.delete(ROUTES.connectionTrigger, async (_r, reply) => reply.code(204).send());
  app.post(ROUTES.connectionTriggerDeactivate, async () => ({ ...trigger, active: false }));
  app.post(ROUTES.connectionTriggerBulkSync, async () => job);
  app.get(ROUTES.connectionBulkSyncJob, async () => ({ ...job, state: "done", processed: 4 }));
  app.get(ROUTES.connectionStatistics, async () => ({ twins: 3 }));
  app.get(ROUTES.connectionErrors, async () => ({ errors: [{ wrong: true }] }));
  app.post(ROUTES.connectionErrorsRetry, async () => ({
    results: [{ id: "e-1", status: "done" }],
  }));
  app.get(ROUTES.nodeCredential, async () => ({ source: "none", identity: null, updatedAt: null }));
  app.put(ROUTES.nodeCredential, async (_r, reply) =>
    reply.code(400).send({
      statusCode: 400,
      code: "SYNC_ERR_CREDENTIAL_PERMISSION",
      error: "Bad Request",
      message: "The personal access token lacks a needed permission.",
    }),
  );
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  const tokens = { getAppToken: async () => "app-1", getAccessToken: async () => "user-1" };
  client = new SyncNodeClient({ nodeUrl: url, tokens });
});

afterAll(() => app.close());

const last = () => seen[seen.length - 1];

test("getScripts sends both tokens and answers the scripts", async () => {
  expect(await api.getScripts(client, "c-1")).toEqual({ outgoing: "// out", incoming: "// in" });
  expect(last().url).toBe("/api/v1/connections/c-1/scripts");
  expect(last().headers.authorization).toBe("Bearer app-1");
  expect(last().headers[ACCESS_TOKEN_HEADER]).toBe("user-1");
});

test("saveScripts PUTs both scripts; a syntax error keeps its script, line and column", async () => {
  const saved = await api.saveScripts(client, "c-1", { outgoing: "a", incoming: "b" });
  expect(saved).toEqual({ outgoing: "a", incoming: "b" });
  expect(last().method).toBe("PUT");
  const failure: unknown = await api
    .saveScripts(client, "c-1", { outgoing: "a", incoming: "x(" })
    .catch((error: unknown) => error);
  expect(isSyncError(failure) && failure.code).toBe("SYNC_ERR_SCRIPT_SYNTAX");
  expect(isSyncError(failure) && failure.details).toMatchObject({ line: 2, column: 5 });
});

test("trigger calls use the trigger routes and methods", async () => {
  expect((await api.listTriggers(client, "c-1")).map((t) => t.id)).toEqual(["t-1"]);
  const input = { workItemType: "Bug", where: "[System.State] <> 'Closed'" };
  expect((await api.createTrigger(client, "c-1", input)).id).toBe("t-1");
  expect(last()).toMatchObject({ method: "POST", body: input });
  await api.updateTrigger(client, "c-1", "t-1", input);
  expect(last()).toMatchObject({ method: "PUT", url: "/api/v1/connections/c-1/triggers/t-1" });
  expect((await api.setTriggerActive(client, "c-1", "t-1", false)).active).toBe(false);
  expect(last().url).toBe("/api/v1/connections/c-1/triggers/t-1/deactivate");
  await api.deleteTrigger(client, "c-1", "t-1");
  expect(last().method).toBe("DELETE");
});

test("bulk sync starts a job and polls it", async () => {
  expect((await api.startBulkSync(client, "c-1", "t-1")).state).toBe("running");
  expect(last().url).toBe("/api/v1/connections/c-1/triggers/t-1/bulk-sync");
  expect((await api.getBulkSyncJob(client, "c-1", "j-1")).state).toBe("done");
  expect(last().url).toBe("/api/v1/connections/c-1/bulk-sync/j-1");
});

test("statistics answers pass; a malformed errors list is SYNC_ERR_CLIENT_BAD_RESPONSE", async () => {
  expect((await api.getStatistics(client, "c-1")).twins).toBe(3);
  await expect(api.listSyncErrors(client, "c-1")).rejects.toMatchObject({
    code: "SYNC_ERR_CLIENT_BAD_RESPONSE",
  });
});

test("bulk retry sends the ids, or all: true", async () => {
  await api.actOnSyncErrors(client, "c-1", "retry", ["e-1"]);
  expect(last().body).toEqual({ ids: ["e-1"] });
  const result = await api.actOnSyncErrors(client, "c-1", "retry", "all");
  expect(last().body).toEqual({ all: true });
  expect(result.results[0].status).toBe("done");
});

test("node credential: status without the token; a refused token keeps its code", async () => {
  expect((await api.getNodeCredential(client)).source).toBe("none");
  await expect(api.saveNodeCredential(client, { pat: "secret-pat" })).rejects.toMatchObject({
    code: "SYNC_ERR_CREDENTIAL_PERMISSION",
  });
  expect(last()).toMatchObject({ method: "PUT", url: "/api/v1/node/credential" });
  expect(last().body).toEqual({ pat: "secret-pat" });
});
