/**
 * Applying one sync request (docs/architecture.md#flow-of-one-change): find the twin (none: first
 * sync), run the incoming script on the replica and the local work item, turn the difference into
 * JSON Patch (`diffWorkItem`), create (with the marker) or update (`test /rev`, conflict
 * re-reads) the work item, add comments and attachments, then in ONE transaction mark the
 * request done and write the twin (remote id, last replica received, echo baseline, id maps).
 * Every step is safe to repeat, so a crash anywhere before the commit only causes a repeat
 * that adopts what the first attempt wrote (applying is idempotent; delivery is at least once).
 */
import { Value } from "typebox/value";

import {
  emptyScriptWorkItem,
  type Replica,
  type ScriptWorkItem,
} from "../../shared/contracts/replica";
import { type SyncEnvelope, SyncEnvelopeSchema } from "../../shared/contracts/sync-envelope";
import { SyncError } from "../../shared/errors";
import { assertNever } from "../../shared/states";
import type { AdoHttp } from "../ado/ado-http";
import type { ConnectionRow } from "../connections/connection-repository";
import { requireConnection } from "../connections/connection-service";
import { diffWorkItem, type WorkItemChanges } from "../work-items/work-item-diff";
import { type ReadWorkItem, readWorkItem } from "../work-items/work-item-reader";
import {
  createTwinWorkItem,
  updateTwinWorkItem,
  type WriteResult,
} from "../work-items/work-item-write";
import { addMergedAttachments, addMergedComments } from "./incoming-extras";
import { scriptUsersFor } from "./script-users";
import { scriptContextOf, scriptsOf, type SyncContext } from "./sync-context";
import { recordHistory } from "./sync-history-repository";
import type { ClaimedSyncRequest } from "./sync-queue-port";
import { findTwinByLocalId, findTwinByRemoteId, saveTwin, type Twin } from "./twin-repository";

/** Result of applying one request. */
export interface ApplyResult {
  outcome: "created" | "updated" | "unchanged" | "stale";
  localId: number;
  warnings: string[];
}

/** Test hooks: where a crash can be simulated. */
export interface ApplyHooks {
  /** Runs after every Azure DevOps write, before the commit. */
  afterAdoWrite?: (request: ClaimedSyncRequest) => Promise<void>;
}

/** Parses a request's payload. @throws SyncError SYNC_ERR_REQUEST_INVALID (permanent) */
export function parseEnvelope(payload: unknown): SyncEnvelope {
  if (!Value.Check(SyncEnvelopeSchema, payload)) {
    const first = Value.Errors(SyncEnvelopeSchema, payload)[0];
    throw new SyncError("SYNC_ERR_REQUEST_INVALID", "The sync request's replica is malformed.", {
      path: first?.instancePath,
      problem: first?.message,
    });
  }
  return payload;
}

/**
 * Applies `request`. Throws `SyncError`: script errors and rejections are permanent
 * (`retryable` false), outages, throttling and exhausted conflicts retryable.
 */
export async function applySyncRequest(
  context: SyncContext,
  request: ClaimedSyncRequest,
  hooks: ApplyHooks = {},
): Promise<ApplyResult> {
  const envelope = parseEnvelope(request.payload);
  const connection = await requireConnection(context.store.db, request.connectionId);
  const twin = await findTwinOf(context, connection, envelope);
  const http = await context.ado.client();
  const local = twin ? await readWorkItem(http, twin.localId, twin) : undefined;
  const before = local?.item ?? emptyScriptWorkItem();
  const after = await runIncomingScript(context, connection, envelope.replica, before, !local);
  const changes = diffWorkItem(before, after);
  const write = local
    ? await updateTwinWorkItem(http, local.raw, changes)
    : await createTwinWorkItem(http, {
        connectionId: connection.id,
        remoteId: envelope.replica.key,
        changes,
      });
  const maps = await addExtras(http, { write, changes, envelope, local, twin });
  await hooks.afterAdoWrite?.(request);
  const final = await readWorkItem(http, write.workItem.id, maps);
  const baseline = await outgoingReplicaOf(context, connection, final);
  const warnings = [...write.warnings.map((w) => w.message), ...maps.warnings];
  const outcome = write.outcome === "unchanged" && !maps.changed ? "unchanged" : write.outcome;
  const result: ApplyResult = { outcome, localId: write.workItem.id, warnings };
  const done = await commitApply(context, request, connection, {
    envelope,
    baseline,
    maps,
    result,
  });
  return done ? result : { ...result, outcome: "stale" };
}

async function findTwinOf(
  context: SyncContext,
  connection: ConnectionRow,
  envelope: SyncEnvelope,
): Promise<Twin | undefined> {
  const db = context.store.db;
  const byRemote = await findTwinByRemoteId(db, connection.id, envelope.replica.key);
  if (byRemote || envelope.twinId === null || !/^\d+$/.test(envelope.twinId)) return byRemote;
  return findTwinByLocalId(db, connection.id, Number(envelope.twinId));
}

async function runIncomingScript(
  context: SyncContext,
  connection: ConnectionRow,
  replica: Replica,
  before: ScriptWorkItem,
  firstSync: boolean,
): Promise<ScriptWorkItem> {
  const scripts = await scriptsOf(context.store.db, connection);
  const result = await context.scripts.runIncoming({
    script: scripts.incoming,
    replica,
    workItem: before,
    firstSync,
    context: await scriptContextOf(
      context.store.db,
      connection,
      context.limits,
      await scriptUsersFor(context.ado, replica, context.logger),
    ),
  });
  return result.workItem;
}

/** The twin's id maps after comments and attachments, and whether anything was added. */
interface Maps {
  commentMap: Record<string, string>;
  attachmentMap: Record<string, string>;
  warnings: string[];
  changed: boolean;
}

async function addExtras(
  http: AdoHttp,
  input: {
    write: WriteResult;
    changes: WorkItemChanges;
    envelope: SyncEnvelope;
    local?: ReadWorkItem;
    twin?: Twin;
  },
): Promise<Maps> {
  const learned = learnReverseIds(input.envelope.replica, input.twin);
  const commentMap = await addMergedComments(
    http,
    input.write.workItem,
    input.changes.comments,
    input.local?.comments ?? [],
    learned.commentMap,
  );
  const attachments = await addMergedAttachments(
    http,
    input.write.workItem,
    input.changes.attachments,
    input.envelope,
    learned.attachmentMap,
  );
  const changed = input.changes.comments.length + input.changes.attachments.length > 0;
  return { commentMap, attachmentMap: attachments.map, warnings: attachments.warnings, changed };
}

/**
 * Ids the replica teaches: a remote comment whose `remoteId` is one of our comments is that
 * comment's twin (it was created on the other side from ours).
 */
function learnReverseIds(replica: Replica, twin: Twin | undefined) {
  const commentMap = { ...(twin?.commentMap ?? {}) };
  const attachmentMap = { ...(twin?.attachmentMap ?? {}) };
  for (const comment of replica.comments) {
    if (comment.remoteId && comment.id && commentMap[comment.remoteId] === undefined) {
      commentMap[comment.remoteId] = comment.id;
    }
  }
  for (const attachment of replica.attachments) {
    if (attachment.remoteId && attachment.id && attachmentMap[attachment.remoteId] === undefined) {
      attachmentMap[attachment.remoteId] = attachment.id;
    }
  }
  return { commentMap, attachmentMap };
}

/** The replica the applied work item produces now: the echo baseline (see outgoing-sync.ts). */
async function outgoingReplicaOf(
  context: SyncContext,
  connection: ConnectionRow,
  final: ReadWorkItem,
): Promise<Replica | null> {
  const scripts = await scriptsOf(context.store.db, connection);
  try {
    const result = await context.scripts.runOutgoing({
      script: scripts.outgoing,
      workItem: final.item,
      context: await scriptContextOf(context.store.db, connection, context.limits),
    });
    return result.replica;
  } catch {
    // A broken outgoing script must not block applying; the next change reports it.
    return null;
  }
}

/** Marks the request done and writes the twin in one transaction; false when the lease was lost. */
async function commitApply(
  context: SyncContext,
  request: ClaimedSyncRequest,
  connection: ConnectionRow,
  input: { envelope: SyncEnvelope; baseline: Replica | null; maps: Maps; result: ApplyResult },
): Promise<boolean> {
  const now = context.now();
  const { envelope, result } = input;
  return context.store.db.transaction().execute(async (tx) => {
    if (!(await context.queue.completeSyncRequest(tx, request))) return false;
    await saveTwin(
      tx,
      connection.id,
      result.localId,
      {
        remoteId: envelope.replica.key,
        lastReceivedReplica: envelope.replica,
        echoBaseline: input.baseline,
        commentMap: input.maps.commentMap,
        attachmentMap: input.maps.attachmentMap,
        lastReceivedAt: now,
      },
      now,
    );
    await recordHistory(tx, {
      connectionId: connection.id,
      localId: result.localId,
      remoteId: envelope.replica.key,
      direction: "incoming",
      outcome: result.outcome === "stale" ? "unchanged" : result.outcome,
      message: applyMessage(result),
      warnings: result.warnings,
      queueItemId: request.id,
      at: now,
    });
    return true;
  });
}

function applyMessage(result: ApplyResult): string {
  switch (result.outcome) {
    case "created":
      return `Created work item ${result.localId}.`;
    case "updated":
      return `Updated work item ${result.localId}.`;
    case "unchanged":
    case "stale":
      return `Work item ${result.localId} already had these values.`;
    default:
      return assertNever(result.outcome);
  }
}
