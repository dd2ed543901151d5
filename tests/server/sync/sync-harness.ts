/**
 * Two sync nodes for engine tests: each side has its own emulated organization, its own
 * store (one dialect) and its own sync engine wired through the real sync queue. Events move
 * between the nodes with the queue's own transport calls (`eventsAfter` ->
 * `receiveSyncRequests` -> `acknowledgeEvents`), which is what the node-to-node transport does
 * over HTTP; the transport's HTTP layer itself is tested on its own branch.
 */
import { randomUUID } from "node:crypto";

import { type Emulator, startEmulator } from "../../../src/devhost/emulator/emulator";
import { AdoHttp } from "../../../src/server/ado/ado-http";
import type { AdoWorkItem } from "../../../src/server/ado/ado-types";
import { insertConnection } from "../../../src/server/connections/connection-repository";
import { saveScripts } from "../../../src/server/connections/script-repository";
import { SecretBox } from "../../../src/server/crypto/secret-box";
import { AdoClientProvider } from "../../../src/server/node-settings/ado-client-provider";
import {
  acknowledgeEvents,
  eventsAfter,
  readSyncCursor,
  receiveSyncRequests,
} from "../../../src/server/queue/sync-queue";
import { createScriptRunner, type ScriptRunner } from "../../../src/server/sandbox/script-runner";
import type { Store, StoreDialect } from "../../../src/server/storage/store";
import type { ApplyHooks } from "../../../src/server/sync/incoming-apply";
import {
  DEFAULT_SYNC_LIMITS,
  type SyncContext,
  type SyncLimits,
} from "../../../src/server/sync/sync-context";
import { SyncEngine } from "../../../src/server/sync/sync-engine";
import { createSyncQueueAdapter } from "../../../src/server/sync/sync-queue-adapter";
import { TriggerService } from "../../../src/server/triggers/trigger-service";
import { createTestStore } from "../../helpers/with-store";

/** Incoming script of the tests: the default one plus state (status). */
export const INCOMING_WITH_STATE = `if (firstSync) {
  workItem.projectKey = incomingProject.key;
  workItem.typeName = replica.type || "Task";
}
workItem.summary = replica.summary;
workItem.description = replica.description;
workItem.comments = commentHelper.mergeComments(workItem, replica);
workItem.attachments = attachmentHelper.mergeAttachments(workItem, replica);
workItem.labels = replica.labels;
workItem.priority = replica.priority;
if (!firstSync && replica.status) workItem.setStatus(replica.status);
`;

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** One node of the pair. */
export interface SyncSide {
  name: string;
  emulator: Emulator;
  store: Store;
  context: SyncContext;
  engine: SyncEngine;
  triggers: TriggerService;
  /** Ada Admin's client: what a user does in the browser (not the sync identity). */
  user: AdoHttp;
  connectionId: string;
  dispose(): Promise<void>;
}

/** Options of `startSide`. */
export interface SideOptions {
  organization: string;
  dialect: StoreDialect;
  connectionId: string;
  localShortName: string;
  remoteShortName: string;
  scripts: ScriptRunner;
  incoming?: string;
  leaseMs?: number;
  hooks?: ApplyHooks;
  /** Overrides of the engine's limits (e.g. a small poll page). */
  limits?: Partial<SyncLimits>;
}

/** Starts an emulator, a store with the connection, and an engine (not started). */
export async function startSide(options: SideOptions): Promise<SyncSide> {
  const emulator = await startEmulator({ organization: options.organization });
  const { store, dispose } = await createTestStore(options.dialect);
  await insertSideConnection(store, options);
  const pat = await emulator.createPat({ userId: emulator.users.sync });
  const box = new SecretBox(Buffer.alloc(32, 3));
  const ado = new AdoClientProvider({
    store,
    box,
    organizationUrl: emulator.url,
    environmentPat: pat,
    http: { backoff: { baseDelayMs: 10, maxDelayMs: 50 } },
  });
  const context: SyncContext = {
    store,
    queue: createSyncQueueAdapter(store, { leaseMs: options.leaseMs ?? 60_000 }),
    scripts: options.scripts,
    ado,
    now: Date.now,
    logger: silent,
    limits: { ...DEFAULT_SYNC_LIMITS, ...options.limits },
  };
  const engine = new SyncEngine(context, { worker: { hooks: options.hooks } });
  const user = new AdoHttp({
    organizationUrl: emulator.url,
    credential: { kind: "bearer", token: await emulator.issueAccessToken() },
  });
  return {
    name: options.organization,
    emulator,
    store,
    context,
    engine,
    triggers: new TriggerService(context),
    user,
    connectionId: options.connectionId,
    dispose: async () => {
      await engine.stop();
      await dispose();
      await emulator.close();
    },
  };
}

async function insertSideConnection(store: Store, options: SideOptions): Promise<void> {
  const now = Date.now();
  await insertConnection(store.db, {
    id: options.connectionId,
    name: `${options.localShortName}_to_${options.remoteShortName}`,
    name_key: `${options.localShortName}_to_${options.remoteShortName}`,
    description: "",
    local_short_name: options.localShortName,
    remote_short_name: options.remoteShortName,
    type: "private",
    local_side: options.organization === "contoso" ? "public" : "private",
    role: options.organization === "contoso" ? "initiator" : "acceptor",
    mode: "script",
    status: "active",
    status_reason_code: null,
    status_reason_message: null,
    remote_url: null,
    incoming_project_id: "alpha",
    incoming_project_name: "Alpha",
    secret_sealed: null,
    created_at: now,
    updated_at: now,
    accepted_at: now,
    last_activity_at: null,
    last_contact_at: null,
  });
  if (options.incoming) {
    const { defaultScripts } = await import("../../../src/server/sandbox/default-scripts");
    const outgoing = defaultScripts("script").outgoing;
    await saveScripts(
      store.db,
      options.connectionId,
      { outgoing, incoming: options.incoming },
      now,
    );
  }
}

/** A connected pair: contoso (A) and fabrikam (B) on one dialect, sharing a script runner. */
export interface SyncPair {
  a: SyncSide;
  b: SyncSide;
  scripts: ScriptRunner;
  dispose(): Promise<void>;
}

/** Starts both sides of one connection. */
export async function startPair(
  dialect: StoreDialect,
  options: { incoming?: string; leaseMs?: number; hooksB?: ApplyHooks } = {},
): Promise<SyncPair> {
  const scripts = createScriptRunner({ threads: 1 });
  const connectionId = randomUUID();
  const common = {
    dialect,
    connectionId,
    scripts,
    incoming: options.incoming,
    leaseMs: options.leaseMs,
  };
  const a = await startSide({
    ...common,
    organization: "contoso",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
  });
  const b = await startSide({
    ...common,
    organization: "fabrikam",
    localShortName: "fabrikam",
    remoteShortName: "contoso",
    hooks: options.hooksB,
  });
  return {
    a,
    b,
    scripts,
    dispose: async () => {
      await a.dispose();
      await b.dispose();
      await scripts.close();
    },
  };
}

/** Moves `from`'s unacknowledged sync events into `to`'s sync requests; returns how many. */
export async function deliver(from: SyncSide, to: SyncSide): Promise<number> {
  const cursor = await readSyncCursor(from.store.db, from.connectionId);
  const events = await eventsAfter(from.store.db, from.connectionId, cursor.ackedEventSeq, 100);
  if (events.length === 0) return 0;
  const { receivedSeq } = await receiveSyncRequests(to.store.db, to.connectionId, events);
  await acknowledgeEvents(from.store.db, from.connectionId, receivedSeq);
  return events.length;
}

/**
 * Runs detection, delivery and apply on both sides until a whole round does nothing.
 * Returns the number of sync events sent per side.
 */
export async function settle(pair: SyncPair, maxRounds = 12): Promise<{ a: number; b: number }> {
  const sent = { a: 0, b: 0 };
  for (let round = 0; round < maxRounds; round++) {
    const outA = (await pair.a.engine.pollOnce()).filter((r) => r.outcome === "sent").length;
    const outB = (await pair.b.engine.pollOnce()).filter((r) => r.outcome === "sent").length;
    sent.a += outA;
    sent.b += outB;
    const moved = (await deliver(pair.a, pair.b)) + (await deliver(pair.b, pair.a));
    const applied = (await pair.b.engine.worker.runOnce()) + (await pair.a.engine.worker.runOnce());
    if (outA + outB + moved + applied === 0) return sent;
  }
  throw new Error(`The pair did not settle within ${maxRounds} rounds`);
}

/** Creates a work item as the user (Ada) with the given fields. */
export async function createAsUser(
  side: SyncSide,
  type: string,
  fields: Record<string, unknown>,
): Promise<AdoWorkItem> {
  const { postWorkItem } = await import("../../../src/server/ado/work-item-api");
  const operations = Object.entries(fields).map(([name, value]) => ({
    op: "add" as const,
    path: `/fields/${name}`,
    value,
  }));
  return postWorkItem(side.user, { project: "Alpha", type, operations });
}

/** Updates a work item as the user (Ada). */
export async function updateAsUser(
  side: SyncSide,
  id: number,
  fields: Record<string, unknown>,
): Promise<AdoWorkItem> {
  const { patchWorkItem } = await import("../../../src/server/ado/work-item-api");
  const operations = Object.entries(fields).map(([name, value]) => ({
    op: "add" as const,
    path: `/fields/${name}`,
    value,
  }));
  return patchWorkItem(side.user, { id, operations });
}

/**
 * One side of a connection with its own script runner, for tests of a single node: started in
 * `beforeAll` (then `setUp`), disposed in `afterAll`. Its fields are set once `beforeAll` ran.
 */
export function useOneSide(
  options: Pick<SideOptions, "organization" | "dialect" | "limits">,
  setUp?: (side: SyncSide) => Promise<void>,
): { side: SyncSide } {
  const fixture = {} as { side: SyncSide; scripts: ScriptRunner };
  const [local, remote] =
    options.organization === "contoso" ? ["contoso", "fabrikam"] : ["fabrikam", "contoso"];
  beforeAll(async () => {
    fixture.scripts = createScriptRunner({ threads: 1 });
    fixture.side = await startSide({
      ...options,
      connectionId: randomUUID(),
      localShortName: local!,
      remoteShortName: remote!,
      scripts: fixture.scripts,
    });
    await setUp?.(fixture.side);
  });
  afterAll(async () => {
    await fixture.side?.dispose();
    await fixture.scripts?.close();
  });
  return fixture;
}
