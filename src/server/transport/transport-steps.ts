/**
 * One step of each outgoing transport loop (transport-worker.ts runs them):
 *
 * - push: send the unacknowledged events (from the acknowledged watermark, in `seq` order)
 *   to a partner this node can reach; the answer's `receivedSeq` moves the watermark.
 * - poll: the private side's long-poll for the partner's events; `after` is its own
 *   acknowledgement (everything up to it is durably stored here).
 * - confirm: the private initiator's acceptance confirmation (handshake-confirm.ts).
 *
 * Delivery resumes from the watermarks after any outage or restart: at least once, and the
 * receiver's idempotent store (unique per connection and `seq`) makes the effect exactly once.
 */
import {
  acknowledgeEvents,
  eventsAfter,
  markEventsSent,
  readSyncCursor,
  receiveSyncRequests,
  type SyncEventEnvelope,
} from "../queue/sync-queue";
import { recordActivity } from "./link-health";
import { callPeer, type PeerRequest } from "./transport-client";
import type { LinkedConnection } from "./transport-connections";
import type { TransportContext } from "./transport-context";
import { type PushResponse } from "./transport-contract";
import { type EventBatch, MAX_EVENTS_PER_BATCH, TRANSPORT_PREFIX } from "./transport-contract";

/** The loops a connection may need. */
export const STEP_KINDS = ["push", "poll", "confirm"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/**
 * 4 MiB per push: a quarter of the receiver's body limit, so one oversized replica still fits
 * in a batch of its own.
 */
const MAX_PUSH_BYTES = 4 * 1024 * 1024;

/** Which loops `row` needs now (none while deactivated or before its handshake). */
export function neededSteps(row: LinkedConnection, hasLink: boolean): StepKind[] {
  switch (row.status) {
    case "pending":
      return row.role === "initiator" && row.local_side === "private" && row.remote_url !== null
        ? ["confirm"]
        : [];
    case "deactivated":
      return [];
    case "active":
    case "error": {
      if (!hasLink || row.secret_sealed === null) return [];
      const steps: StepKind[] = [];
      if (row.remote_url !== null) steps.push("push");
      if (row.local_side === "private" && row.remote_url !== null) steps.push("poll");
      return steps;
    }
  }
}

function eventsPath(row: LinkedConnection, query = ""): string {
  return `${TRANSPORT_PREFIX}/connections/${encodeURIComponent(row.id)}/events${query}`;
}

function signedRequest(
  context: TransportContext,
  row: LinkedConnection,
  request: Omit<PeerRequest, "baseUrl" | "signing" | "signal">,
): PeerRequest {
  return {
    ...request,
    baseUrl: row.remote_url!,
    signing: {
      connectionId: row.id,
      nodeId: context.issuer.identity.nodeId,
      secret: context.connections.secret(context, row),
      now: context.now(),
    },
    signal: context.shutdown,
  };
}

/** The longest prefix of `events` within `MAX_PUSH_BYTES` (at least one event). */
function withinPushLimit(events: SyncEventEnvelope[]): SyncEventEnvelope[] {
  let bytes = 0;
  const batch: SyncEventEnvelope[] = [];
  for (const event of events) {
    bytes += Buffer.byteLength(JSON.stringify(event));
    if (batch.length > 0 && bytes > MAX_PUSH_BYTES) break;
    batch.push(event);
  }
  return batch;
}

/** Pushes one batch. @returns false when nothing was waiting */
export async function pushStep(context: TransportContext, row: LinkedConnection): Promise<boolean> {
  const { db } = context.store;
  const cursor = await readSyncCursor(db, row.id);
  const events = withinPushLimit(
    await eventsAfter(db, row.id, cursor.ackedEventSeq, MAX_EVENTS_PER_BATCH),
  );
  if (events.length === 0) return false;
  const answer = await callPeer<PushResponse>(
    context.fetch,
    signedRequest(context, row, {
      method: "POST",
      pathAndQuery: eventsPath(row),
      body: { events },
      timeoutMs: context.settings.requestTimeoutMs,
    }),
  );
  const now = context.now();
  await markEventsSent(db, row.id, events[events.length - 1]!.seq, now);
  await acknowledgeEvents(db, row.id, answer.receivedSeq, now);
  await recordActivity(db, row.id, now);
  return true;
}

/** One long-poll; stores what it brings. @returns true (the next poll carries the ack) */
export async function pollStep(context: TransportContext, row: LinkedConnection): Promise<boolean> {
  const { db } = context.store;
  const { receivedSeq } = await readSyncCursor(db, row.id);
  const { longPollMs, requestTimeoutMs } = context.settings;
  const batch = await callPeer<EventBatch>(
    context.fetch,
    signedRequest(context, row, {
      method: "GET",
      pathAndQuery: eventsPath(row, `?after=${receivedSeq}&waitMs=${longPollMs}`),
      timeoutMs: longPollMs + requestTimeoutMs,
    }),
  );
  // Deactivated (or deleted) while the poll waited: store nothing; unacknowledged events are
  // sent again after activation.
  const current = await context.connections.find(db, row.id);
  if (current?.status !== "active" && current?.status !== "error") return true;
  if (batch.events.length > 0) {
    const now = context.now();
    await receiveSyncRequests(db, row.id, batch.events as SyncEventEnvelope[], now);
    await recordActivity(db, row.id, now);
  }
  return true;
}

/** One confirmation attempt. @returns false when there is no usable invitation */
export function confirmStep(context: TransportContext, row: LinkedConnection): Promise<boolean> {
  return context.connections.confirm(context, row);
}
