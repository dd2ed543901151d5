/**
 * Typed calls of the hub API's per-connection settings (Edit connection) and the node's
 * background-sync credential (Node settings), on top of `SyncNodeClient.call` (auth headers,
 * 401 refresh). Routes: src/shared/contracts/routes.ts; shapes: src/shared/contracts/{connection,
 * trigger,sync,node-credential}.ts. Every function throws `SyncError` (the node's catalogued
 * code, or SYNC_ERR_CLIENT_BAD_RESPONSE when an answer lacks the fields the hub relies on).
 */
import type {
  BulkSyncJob,
  ConnectionScripts,
  IncomingTestResult,
  NodeCredentialInput,
  NodeCredentialStatus,
  OutgoingTestResult,
  Replica,
  SyncErrorActionResult,
  SyncErrorItem,
  SyncStatistics,
  Trigger,
  TriggerInput,
} from "../shared/contracts";
import { ROUTES } from "../shared/contracts/routes";
import { expectShape } from "./response-guards";
import type { SyncNodeClient } from "./sync-node-client";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const has =
  <T>(keys: string[], type: "string" | "number" | "object" | "boolean") =>
  (value: unknown): value is T =>
    isObject(value) && keys.every((key) => typeof value[key] === type);

const isScripts = has<ConnectionScripts>(["outgoing", "incoming"], "string");
const isTrigger = has<Trigger>(["id", "workItemType", "where"], "string");
const isJob = has<BulkSyncJob>(["id", "state"], "string");
const isStatistics = has<SyncStatistics>(["twins"], "number");
const isCredential = has<NodeCredentialStatus>(["source"], "string");
const isListOf =
  <T>(key: string, item: (v: unknown) => v is T) =>
  (value: unknown): value is Record<string, T[]> =>
    isObject(value) && Array.isArray(value[key]) && (value[key] as unknown[]).every(item);
const isErrorItem = has<SyncErrorItem>(["id", "code", "message", "direction"], "string");
const isActionResult = (value: unknown): value is SyncErrorActionResult =>
  isObject(value) && Array.isArray(value.results);

/** A connection's outgoing and incoming scripts (defaults when none are stored). */
export async function getScripts(client: SyncNodeClient, id: string): Promise<ConnectionScripts> {
  const body = await client.call("GET", ROUTES.connectionScripts, "app+user", { id });
  return expectShape(body, isScripts, "ConnectionScripts");
}

/**
 * Replaces both scripts (Script mode only).
 * @throws SyncError SYNC_ERR_SCRIPT_SYNTAX with details `{ script, line, column, message }`;
 *   SYNC_ERR_CONNECTION_SCRIPT_LOCKED in Basic mode
 */
export async function saveScripts(
  client: SyncNodeClient,
  id: string,
  scripts: ConnectionScripts,
): Promise<ConnectionScripts> {
  const body = await client.call("PUT", ROUTES.connectionScripts, "app+user", { id }, scripts);
  return expectShape(body, isScripts, "ConnectionScripts");
}

/** The connection's triggers. */
export async function listTriggers(client: SyncNodeClient, id: string): Promise<Trigger[]> {
  const body = await client.call("GET", ROUTES.connectionTriggers, "app+user", { id });
  return expectShape(body, isListOf("triggers", isTrigger), "TriggerList").triggers;
}

/** Creates a trigger; the node validates the WHERE clause against Azure DevOps. */
export async function createTrigger(
  client: SyncNodeClient,
  id: string,
  input: TriggerInput,
): Promise<Trigger> {
  const body = await client.call("POST", ROUTES.connectionTriggers, "app+user", { id }, input);
  return expectShape(body, isTrigger, "Trigger");
}

/** Replaces a trigger's type, clause and active flag. */
export async function updateTrigger(
  client: SyncNodeClient,
  id: string,
  triggerId: string,
  input: TriggerInput,
): Promise<Trigger> {
  const params = { id, triggerId };
  const body = await client.call("PUT", ROUTES.connectionTrigger, "app+user", params, input);
  return expectShape(body, isTrigger, "Trigger");
}

/** Activates (`true`) or deactivates a trigger. */
export async function setTriggerActive(
  client: SyncNodeClient,
  id: string,
  triggerId: string,
  active: boolean,
): Promise<Trigger> {
  const route = active ? ROUTES.connectionTriggerActivate : ROUTES.connectionTriggerDeactivate;
  const body = await client.call("POST", route, "app+user", { id, triggerId });
  return expectShape(body, isTrigger, "Trigger");
}

/** Deletes a trigger. */
export async function deleteTrigger(client: SyncNodeClient, id: string, triggerId: string) {
  await client.call("DELETE", ROUTES.connectionTrigger, "app+user", { id, triggerId });
}

/** Starts a bulk sync of every work item a trigger matches; poll the job with getBulkSyncJob. */
export async function startBulkSync(
  client: SyncNodeClient,
  id: string,
  triggerId: string,
): Promise<BulkSyncJob> {
  const route = ROUTES.connectionTriggerBulkSync;
  const body = await client.call("POST", route, "app+user", { id, triggerId });
  return expectShape(body, isJob, "BulkSyncJob");
}

/** Progress of a bulk sync job. */
export async function getBulkSyncJob(
  client: SyncNodeClient,
  id: string,
  jobId: string,
): Promise<BulkSyncJob> {
  const body = await client.call("GET", ROUTES.connectionBulkSyncJob, "app+user", { id, jobId });
  return expectShape(body, isJob, "BulkSyncJob");
}

/** Twins, queued/failed counts, last sync each way and last contact with the partner. */
export async function getStatistics(client: SyncNodeClient, id: string): Promise<SyncStatistics> {
  const body = await client.call("GET", ROUTES.connectionStatistics, "app+user", { id });
  return expectShape(body, isStatistics, "SyncStatistics");
}

/** Failed sync events (outgoing) and sync requests (incoming). */
export async function listSyncErrors(client: SyncNodeClient, id: string): Promise<SyncErrorItem[]> {
  const body = await client.call("GET", ROUTES.connectionErrors, "app+user", { id });
  return expectShape(body, isListOf("errors", isErrorItem), "SyncErrorList").errors;
}

/** Retries or resolves errors: the given ids, or every one when `ids` is "all". Per-id results. */
export async function actOnSyncErrors(
  client: SyncNodeClient,
  id: string,
  action: "retry" | "resolve",
  ids: string[] | "all",
): Promise<SyncErrorActionResult> {
  const route = action === "retry" ? ROUTES.connectionErrorsRetry : ROUTES.connectionErrorsResolve;
  const request = ids === "all" ? { all: true } : { ids };
  const body = await client.call("POST", route, "app+user", { id }, request);
  return expectShape(body, isActionResult, "SyncErrorActionResult");
}

/** Runs the outgoing script (or `script`, unsaved text) on a work item; applies nothing. */
export async function testOutgoing(
  client: SyncNodeClient,
  id: string,
  input: { workItemId: number; script?: string },
): Promise<OutgoingTestResult> {
  const route = ROUTES.connectionScriptTestOutgoing;
  const body = await client.call("POST", route, "app+user", { id }, input);
  return expectShape(body, has<OutgoingTestResult>(["warnings"], "object"), "OutgoingTestResult");
}

/** Runs the incoming script on a replica; answers the JSON Patch it would apply, applying nothing. */
export async function testIncoming(
  client: SyncNodeClient,
  id: string,
  input: { replica: Replica; workItemId?: number; script?: string },
): Promise<IncomingTestResult> {
  const route = ROUTES.connectionScriptTestIncoming;
  const body = await client.call("POST", route, "app+user", { id }, input);
  return expectShape(body, has<IncomingTestResult>(["patch"], "object"), "IncomingTestResult");
}

/** Whether the node holds a background-sync credential (never the token itself). */
export async function getNodeCredential(client: SyncNodeClient): Promise<NodeCredentialStatus> {
  const body = await client.call("GET", ROUTES.nodeCredential, "app+user");
  return expectShape(body, isCredential, "NodeCredentialStatus");
}

/**
 * Stores the personal access token the node uses for background sync, after the node verified it.
 * @throws SyncError SYNC_ERR_CREDENTIAL_INVALID (invalid or expired), _PERMISSION (lacks a scope)
 */
export async function saveNodeCredential(
  client: SyncNodeClient,
  input: NodeCredentialInput,
): Promise<NodeCredentialStatus> {
  const body = await client.call("PUT", ROUTES.nodeCredential, "app+user", {}, input);
  return expectShape(body, isCredential, "NodeCredentialStatus");
}
