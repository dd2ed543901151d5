/**
 * The outgoing side of one work item: read it, run the outgoing script, decide whether the
 * other side needs it (no echo, below), and enqueue a sync event together with the twin's
 * "last sent" state in one transaction. Change detection, "sync now" and bulk sync all go
 * through `syncWorkItemOut`.
 *
 * No-echo rule (docs/architecture.md#sync-model; tfsaggregator/aggregator-cli#109). Each twin keeps
 * an **echo baseline**: the replica its local work item produced right after the sync's last write
 * to it (incoming apply) or last send (outgoing). A change is sent only when the outgoing script,
 * run on the current work item, gives a replica that differs from the baseline. So:
 * - the sync's own write (System.ChangedBy = the sync identity, values as applied) reproduces
 *   the baseline and is skipped: nothing flows back, revision counts settle;
 * - a user's edit changes the replica and is sent, even when made right after a sync write;
 * - a change to a field the outgoing script does not send is not sent either.
 * - a change whose System.ChangedBy is the sync identity while a sync request for the twin is
 *   still unfinished here is the write of an apply in progress (or of one that crashed before
 *   its commit and will be repeated): skipped; the apply's commit sets the baseline.
 * A work item without a twin that carries this connection's marker tag was created by this
 * sync and its apply has not committed yet: it is skipped too (the apply writes the twin).
 * Known window: a user's edit saved between the sync's write and the apply's re-read of the
 * work item becomes part of the baseline and is only sent with the next change.
 */
import { isDeepStrictEqual } from "node:util";

import type { Replica } from "../../shared/contracts/replica";
import { SYNC_ENVELOPE_VERSION, type SyncEnvelope } from "../../shared/contracts/sync-envelope";
import type { SyncError } from "../../shared/errors";
import { isSyncError } from "../../shared/errors";
import type { AdoHttp } from "../ado/ado-http";
import type { ConnectionRow } from "../connections/connection-repository";
import type { Db } from "../storage/store";
import { hasConnectionMarker, splitTags } from "../work-items/sync-marker";
import { type ReadWorkItem, readWorkItem } from "../work-items/work-item-reader";
import { collectAttachmentContents } from "./attachment-contents";
import { recordOutgoingFailure, resolveOutgoingFailures } from "./outgoing-failure-repository";
import { scriptContextOf, scriptsOf, type SyncContext } from "./sync-context";
import { recordHistory } from "./sync-history-repository";
import { findTwinByLocalId, saveTwin, type Twin } from "./twin-repository";

/** Outcomes of `syncWorkItemOut` (habit 7: a result per work item, not an exception). */
export const OUTGOING_OUTCOMES = ["sent", "skipped", "failed"] as const;
export type OutgoingOutcome = (typeof OUTGOING_OUTCOMES)[number];

/** The result for one work item. */
export interface OutgoingResult {
  workItemId: number;
  outcome: OutgoingOutcome;
  /** Why it was skipped or failed; the event id when sent. */
  message: string;
  eventId?: string;
  /** `System.ChangedDate` of the version read (ISO), for watermarks. */
  changedDate?: string;
}

/** Options of `syncWorkItemOut`. */
export interface OutgoingOptions {
  /** Send even when the replica equals the echo baseline ("sync now", retry of an outgoing error). */
  force?: boolean;
  /** Record a skip in the work item's history. (Default: true; polls pass false for repeats.) */
  recordSkip?: boolean;
  /** Runs inside the transaction that enqueues (or records the skip): e.g. advance a watermark. */
  inTransaction?: (tx: Db, result: OutgoingResult) => Promise<void>;
}

/**
 * Sends work item `workItemId` over `connection` if it has something new. Script errors and
 * unreadable work items become a `failed` result (listed under errors); Azure DevOps outages
 * and throttling are thrown (the caller retries later, without advancing its watermark).
 */
export async function syncWorkItemOut(
  context: SyncContext,
  connection: ConnectionRow,
  workItemId: number,
  options: OutgoingOptions = {},
): Promise<OutgoingResult> {
  const db = context.store.db;
  const twin = await findTwinByLocalId(db, connection.id, workItemId);
  const http = await context.ado.client();
  let read: ReadWorkItem;
  let replica: Replica | null;
  try {
    read = await readWorkItem(http, workItemId, twin);
    replica = await runOutgoingScript(context, connection, read);
  } catch (error) {
    return failOutgoing(context, connection, workItemId, error, options);
  }
  const changedDate = String(read.raw.fields["System.ChangedDate"] ?? "");
  const skip = await skipReason(context, connection, read, replica, twin, options.force === true);
  if (skip !== null || replica === null) {
    const result: OutgoingResult = {
      workItemId,
      outcome: "skipped",
      message: skip ?? "",
      changedDate,
    };
    await recordSkip(context, connection, twin, result, options);
    return result;
  }
  return enqueueReplica(context, connection, { http, read, replica, twin, changedDate }, options);
}

async function runOutgoingScript(
  context: SyncContext,
  connection: ConnectionRow,
  read: ReadWorkItem,
): Promise<Replica | null> {
  const scripts = await scriptsOf(context.store.db, connection);
  const scriptContext = await scriptContextOf(context.store.db, connection, context.limits);
  const result = await context.scripts.runOutgoing({
    script: scripts.outgoing,
    workItem: read.item,
    context: scriptContext,
  });
  return result.replica;
}

/** Null when the replica must be sent; else why not. */
async function skipReason(
  context: SyncContext,
  connection: ConnectionRow,
  read: ReadWorkItem,
  replica: Replica | null,
  twin: Twin | undefined,
  force: boolean,
): Promise<string | null> {
  if (replica === null) return "The outgoing script sent nothing for this work item.";
  if (!twin && hasConnectionMarker(splitTags(read.raw.fields["System.Tags"]), connection.id)) {
    return "Created by this connection's sync; its twin is being recorded.";
  }
  if (force) return null;
  const ownWrite = await changedBySyncIdentity(context, read);
  if (ownWrite && twin?.remoteId) {
    const pending = await context.queue.hasPendingRequests(connection.id, twin.remoteId);
    if (pending) return "The sync's own change while applying a sync request (no echo).";
  }
  if (!twin?.echoBaseline || !isDeepStrictEqual(twin.echoBaseline, replica)) return null;
  return ownWrite
    ? "The sync's own change: nothing new for the other side (no echo)."
    : "Nothing the outgoing script sends has changed since the last sync.";
}

async function changedBySyncIdentity(context: SyncContext, read: ReadWorkItem): Promise<boolean> {
  const identity = await context.ado.syncIdentity();
  const changedBy = read.raw.fields["System.ChangedBy"] as
    { id?: string; uniqueName?: string } | string | undefined;
  if (!changedBy) return false;
  if (typeof changedBy === "string") {
    return Boolean(identity.uniqueName && changedBy.includes(identity.uniqueName));
  }
  return Boolean(
    (changedBy.id && changedBy.id === identity.id) ||
    (changedBy.uniqueName && changedBy.uniqueName === identity.uniqueName),
  );
}

async function enqueueReplica(
  context: SyncContext,
  connection: ConnectionRow,
  input: { http: AdoHttp; read: ReadWorkItem; replica: Replica; twin?: Twin; changedDate: string },
  options: OutgoingOptions,
): Promise<OutgoingResult> {
  const { replica, twin, read } = input;
  const contents = await collectAttachmentContents(input.http, replica, twin, context.limits);
  const envelope: SyncEnvelope = {
    version: SYNC_ENVELOPE_VERSION,
    replica,
    twinId: twin?.remoteId ?? null,
    attachmentContents: contents.contents,
    attachmentsSkipped: contents.skipped,
  };
  const now = context.now();
  return context.store.db.transaction().execute(async (tx) => {
    const eventId = await context.queue.enqueueSyncEvent(tx, {
      connectionId: connection.id,
      workItemId: String(read.raw.id),
      payload: envelope,
    });
    await saveTwin(tx, connection.id, read.raw.id, sentChanges(replica, now), now);
    await resolveOutgoingFailures(tx, connection.id, read.raw.id, now);
    const result: OutgoingResult = {
      workItemId: read.raw.id,
      outcome: "sent",
      message: `Sent at revision ${read.raw.rev}.`,
      eventId,
      changedDate: input.changedDate,
    };
    await recordHistory(tx, {
      connectionId: connection.id,
      localId: read.raw.id,
      remoteId: twin?.remoteId ?? null,
      direction: "outgoing",
      outcome: "sent",
      message: result.message,
      warnings: contents.warnings,
      queueItemId: eventId,
      at: now,
    });
    await options.inTransaction?.(tx, result);
    return result;
  });
}

function sentChanges(replica: Replica, now: number) {
  return { lastSentReplica: replica, echoBaseline: replica, lastSentAt: now };
}

async function recordSkip(
  context: SyncContext,
  connection: ConnectionRow,
  twin: Twin | undefined,
  result: OutgoingResult,
  options: OutgoingOptions,
): Promise<void> {
  await context.store.db.transaction().execute(async (tx) => {
    if (options.recordSkip !== false) {
      await recordHistory(tx, {
        connectionId: connection.id,
        localId: result.workItemId,
        remoteId: twin?.remoteId ?? null,
        direction: "outgoing",
        outcome: "skipped",
        message: result.message,
        at: context.now(),
      });
    }
    await options.inTransaction?.(tx, result);
  });
}

/** Script errors and unreadable items become a failed result; outages are rethrown. */
async function failOutgoing(
  context: SyncContext,
  connection: ConnectionRow,
  workItemId: number,
  error: unknown,
  options: OutgoingOptions,
): Promise<OutgoingResult> {
  if (!isSyncError(error) || error.retryable) throw error;
  const failure = error as SyncError;
  const line = typeof failure.details?.line === "number" ? failure.details.line : null;
  const result: OutgoingResult = { workItemId, outcome: "failed", message: failure.message };
  const now = context.now();
  await context.store.db.transaction().execute(async (tx) => {
    await recordOutgoingFailure(tx, {
      connectionId: connection.id,
      workItemId,
      code: failure.code,
      message: failure.message,
      scriptLine: line,
      now,
    });
    await recordHistory(tx, {
      connectionId: connection.id,
      localId: workItemId,
      remoteId: null,
      direction: "outgoing",
      outcome: "failed",
      message: failure.message,
      at: now,
    });
    await options.inTransaction?.(tx, result);
  });
  context.logger.warn(
    { connectionId: connection.id, workItemId, code: failure.code },
    "outgoing sync failed",
  );
  return result;
}
