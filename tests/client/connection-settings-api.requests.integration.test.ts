/**
 * The connection settings calls (scripts, triggers, bulk sync, statistics, errors, test runs,
 * node credential) against the fake node served on loopback (tests/helpers/fake-node): paths,
 * methods, headers, bodies, answer checks and catalogued errors with details.
 */
import { SyncNodeClient } from "../../src/client";
import * as api from "../../src/client/connection-settings-api";
import type { SyncErrorItem } from "../../src/shared/contracts";
import { ACCESS_TOKEN_HEADER } from "../../src/shared/contracts/routes";
import { isSyncError } from "../../src/shared/errors";
import {
  connection,
  createFakeBackend,
  type FakeBackend,
  type ServedFakeNode,
  serveFakeNode,
  syncError,
  trigger,
} from "../helpers/fake-node";

let backend: FakeBackend;
let node: ServedFakeNode;
let client: SyncNodeClient;

beforeEach(async () => {
  backend = createFakeBackend();
  backend.validAppTokens.add("app-1");
  backend.connections.push(connection({ id: "c-1" }));
  backend.scripts.set("c-1", { outgoing: "// out", incoming: "// in" });
  backend.settings.triggers.set("c-1", [trigger({ watermark: null })]);
  backend.settings.bulkSyncSteps = [
    { state: "running", total: 4, processed: 1, sent: 1 },
    { state: "done", total: 4, processed: 4, sent: 1 },
  ];
  backend.statistics = { ...backend.statistics, twins: 3 };
  backend.credentialErrors.set("secret-pat", "SYNC_ERR_CREDENTIAL_PERMISSION");
  node = await serveFakeNode(backend);
  const tokens = { getAppToken: async () => "app-1", getAccessToken: async () => "user-1" };
  client = new SyncNodeClient({ nodeUrl: node.url, tokens });
});

afterEach(() => node.close());

const last = () => backend.requests[backend.requests.length - 1];

test("getScripts sends both tokens and answers the scripts", async () => {
  expect(await api.getScripts(client, "c-1")).toEqual({ outgoing: "// out", incoming: "// in" });
  expect(last().path).toBe("/api/v1/connections/c-1/scripts");
  expect(last().headers.authorization).toBe("Bearer app-1");
  expect(last().headers[ACCESS_TOKEN_HEADER]).toBe("user-1");
});

test("saveScripts PUTs both scripts; a syntax error keeps its script, line and column", async () => {
  const saved = await api.saveScripts(client, "c-1", { outgoing: "a", incoming: "b" });
  expect(saved).toEqual({ outgoing: "a", incoming: "b" });
  expect(last().method).toBe("PUT");
  const failure: unknown = await api
    .saveScripts(client, "c-1", { outgoing: "a", incoming: "x\n    @@" })
    .catch((error: unknown) => error);
  expect(isSyncError(failure) && failure.code).toBe("SYNC_ERR_SCRIPT_SYNTAX");
  expect(isSyncError(failure) && failure.details).toMatchObject({ line: 2, column: 5 });
});

test("trigger calls use the trigger routes and methods", async () => {
  expect((await api.listTriggers(client, "c-1")).map((t) => t.id)).toEqual(["t-1"]);
  const input = { workItemType: "Bug", where: "[System.State] <> 'Closed'" };
  expect((await api.createTrigger(client, "c-1", input)).id).toBe("t-new-2");
  expect(last()).toMatchObject({ method: "POST", body: input });
  await api.updateTrigger(client, "c-1", "t-1", input);
  expect(last()).toMatchObject({ method: "PUT", path: "/api/v1/connections/c-1/triggers/t-1" });
  expect((await api.setTriggerActive(client, "c-1", "t-1", false)).active).toBe(false);
  expect(last().path).toBe("/api/v1/connections/c-1/triggers/t-1/deactivate");
  await api.deleteTrigger(client, "c-1", "t-1");
  expect(last().method).toBe("DELETE");
});

test("bulk sync starts a job and polls it", async () => {
  expect((await api.startBulkSync(client, "c-1", "t-1")).state).toBe("running");
  expect(last().path).toBe("/api/v1/connections/c-1/triggers/t-1/bulk-sync");
  expect((await api.getBulkSyncJob(client, "c-1", "job-1")).state).toBe("done");
  expect(last().path).toBe("/api/v1/connections/c-1/bulk-sync/job-1");
});

test("statistics answers pass; a malformed errors list is SYNC_ERR_CLIENT_BAD_RESPONSE", async () => {
  backend.syncErrors.set("c-1", [{ wrong: true } as unknown as SyncErrorItem]);
  expect((await api.getStatistics(client, "c-1")).twins).toBe(3);
  await expect(api.listSyncErrors(client, "c-1")).rejects.toMatchObject({
    code: "SYNC_ERR_CLIENT_BAD_RESPONSE",
  });
});

test("bulk retry sends the ids, or all: true", async () => {
  backend.syncErrors.set("c-1", [syncError({ id: "e-1" }), syncError({ id: "e-2" })]);
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
  expect(last()).toMatchObject({ method: "PUT", path: "/api/v1/node/credential" });
  expect(last().body).toEqual({ pat: "secret-pat" });
});
