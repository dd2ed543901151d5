/**
 * The outgoing half of the sync queue: sync events, numbered per connection (`seq` 1, 2, 3,
 * ...), kept until the partner acknowledges them (and afterwards, as history).
 *
 * Numbering: `sync_cursors.last_event_seq` is bumped with an upsert in the caller's
 * transaction. On PostgreSQL the bump locks that connection's cursor row until commit, so
 * events of one connection commit in `seq` order: a reader never sees `seq` n+1 before n.
 * On SQLite there is one writer at a time anyway. A rolled-back transaction rolls its number
 * back too, so there are no gaps.
 */
import { randomUUID } from "node:crypto";

import { sql } from "kysely";

import type { Db } from "../storage/store";
import { announceQueueSignal } from "./queue-signals";

/** A sync event as the transport sends it to the partner node. */
export interface SyncEventEnvelope {
  /** Sender's event id (UUID). */
  eventId: string;
  /** Per-connection sequence number on the sender, from 1. */
  seq: number;
  /** The sender's work item id (the remote half of the twin, seen from the receiver). */
  workItemId: string;
  /** The replica: plain JSON made by the outgoing script. */
  replica: unknown;
  /** When the sender queued it, epoch ms. */
  createdAt: number;
}

/** Input of `enqueueSyncEvent`. */
export interface NewSyncEvent {
  connectionId: string;
  /** The local work item id the replica describes. */
  workItemId: string;
  /** The replica; must survive `JSON.stringify` (plain JSON). */
  replica: unknown;
  /** Epoch ms (Default: Date.now()). */
  now?: number;
}

/** Sequence numbers and watermarks of one connection. */
export interface SyncCursor {
  /** Last outgoing `seq` handed out (0: none). */
  lastEventSeq: number;
  /** Outgoing events up to here are acknowledged by the partner. */
  ackedEventSeq: number;
  /** Incoming events up to here are stored as sync requests. */
  receivedSeq: number;
}

/**
 * Queues one outgoing sync event. Call it inside the transaction that records the change
 * (e.g. the engine's trigger pass), so the event exists if and only if the change does.
 * Wakes the transport once the transaction commits.
 * @returns the new event's id and `seq`
 * @throws the engine's foreign-key error when the connection does not exist
 */
export async function enqueueSyncEvent(
  db: Db,
  input: NewSyncEvent,
): Promise<{ eventId: string; seq: number }> {
  const now = input.now ?? Date.now();
  const { last_event_seq: seq } = await db
    .insertInto("sync_cursors")
    .values({ connection_id: input.connectionId, last_event_seq: 1 })
    .onConflict((conflict) =>
      conflict.column("connection_id").doUpdateSet({
        last_event_seq: sql<number>`sync_cursors.last_event_seq + 1`,
      }),
    )
    .returning("last_event_seq")
    .executeTakeFirstOrThrow();
  const eventId = randomUUID();
  await db
    .insertInto("sync_events")
    .values({
      id: eventId,
      connection_id: input.connectionId,
      seq,
      work_item_id: input.workItemId,
      payload: JSON.stringify(input.replica ?? null),
      created_at: now,
      sent_at: null,
      acked_at: null,
    })
    .execute();
  await announceQueueSignal(db, { kind: "event", connectionId: input.connectionId });
  return { eventId, seq };
}

/**
 * Outgoing events of a connection with `seq > afterSeq`, in `seq` order (contiguous: see
 * the module comment), at most `limit`.
 */
export async function eventsAfter(
  db: Db,
  connectionId: string,
  afterSeq: number,
  limit: number,
): Promise<SyncEventEnvelope[]> {
  const rows = await db
    .selectFrom("sync_events")
    .select(["id", "seq", "work_item_id", "payload", "created_at"])
    .where("connection_id", "=", connectionId)
    .where("seq", ">", afterSeq)
    .orderBy("seq")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    eventId: row.id,
    seq: Number(row.seq),
    workItemId: row.work_item_id,
    replica: JSON.parse(row.payload) as unknown,
    createdAt: Number(row.created_at),
  }));
}

/** Marks events up to `uptoSeq` as handed to the partner (for the hub: last activity). */
export async function markEventsSent(
  db: Db,
  connectionId: string,
  uptoSeq: number,
  now: number = Date.now(),
): Promise<void> {
  await db
    .updateTable("sync_events")
    .set({ sent_at: now })
    .where("connection_id", "=", connectionId)
    .where("seq", "<=", uptoSeq)
    .where("sent_at", "is", null)
    .execute();
}

/**
 * Records that the partner durably stored every event up to `uptoSeq`. Watermarks only move
 * forward, and never past the last event handed out (a partner cannot acknowledge more).
 * @returns the acknowledged watermark after the call
 */
export async function acknowledgeEvents(
  db: Db,
  connectionId: string,
  uptoSeq: number,
  now: number = Date.now(),
): Promise<number> {
  const cursor = await readSyncCursor(db, connectionId);
  const upto = Math.min(Math.floor(uptoSeq), cursor.lastEventSeq);
  if (upto <= cursor.ackedEventSeq) return cursor.ackedEventSeq;
  await db
    .updateTable("sync_cursors")
    .set({ acked_event_seq: upto })
    .where("connection_id", "=", connectionId)
    .where("acked_event_seq", "<", upto)
    .execute();
  await db
    .updateTable("sync_events")
    .set({ acked_at: now })
    .where("connection_id", "=", connectionId)
    .where("seq", "<=", upto)
    .where("acked_at", "is", null)
    .execute();
  return upto;
}

/** The sequence numbers and watermarks of a connection (all 0 before its first event). */
export async function readSyncCursor(db: Db, connectionId: string): Promise<SyncCursor> {
  const row = await db
    .selectFrom("sync_cursors")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .executeTakeFirst();
  return {
    lastEventSeq: Number(row?.last_event_seq ?? 0),
    ackedEventSeq: Number(row?.acked_event_seq ?? 0),
    receivedSeq: Number(row?.received_seq ?? 0),
  };
}
