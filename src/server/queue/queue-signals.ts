/**
 * Wake-ups for the sync queue (docs/architecture.md#storage): "a sync event was queued for
 * connection X" (wakes the transport: a waiting long-poll, or the pusher) and "a sync request was
 * received" (wakes the sync engine's workers).
 *
 * - In process: `syncQueueSignals`, an EventEmitter shared by everything in this process.
 * - Across processes (PostgreSQL, several node replicas): `pg_notify` on the channel
 *   `sync_queue`, sent inside the writer's transaction (so PostgreSQL delivers it at commit),
 *   and `startSignalListener` re-emits what arrives into the local emitter.
 *
 * Signals are hints, never the source of truth: a waiter always re-reads the database, and
 * also re-checks after a fallback interval, because an in-process signal may fire before the
 * writer's transaction commits (SQLite: we cannot hook the caller's commit).
 */
import { EventEmitter } from "node:events";

import { sql } from "kysely";
import pg from "pg";

import type { Db } from "../storage/store";
import { capabilitiesOf } from "./queue-capabilities";

/** The PostgreSQL NOTIFY channel of the sync queue. */
export const SYNC_QUEUE_CHANNEL = "sync_queue";

/** What happened: an outgoing sync event or an incoming sync request was stored. */
export const SIGNAL_KINDS = ["event", "request"] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** One wake-up: its kind and the connection it concerns. */
export interface QueueSignal {
  kind: SignalKind;
  connectionId: string;
}

const signalName = (signal: QueueSignal): string => `${signal.kind}:${signal.connectionId}`;

/** The process-wide emitter; listen with `onQueueSignal` or `waitForQueueSignal`. */
export const syncQueueSignals = new EventEmitter();
// Every long-poll and worker adds a listener; there is no leak at a few hundred.
syncQueueSignals.setMaxListeners(0);

/** Emits `signal` in this process (listeners of its kind+connection and of "any"). */
export function emitQueueSignal(signal: QueueSignal): void {
  syncQueueSignals.emit(signalName(signal), signal);
  syncQueueSignals.emit(signal.kind, signal);
}

/**
 * Announces `signal` once the caller's transaction commits: `pg_notify` inside `db` on
 * PostgreSQL, plus an in-process emit on the next turn of the event loop (both engines).
 */
export async function announceQueueSignal(db: Db, signal: QueueSignal): Promise<void> {
  if (capabilitiesOf(db).listenNotify) {
    await sql`select pg_notify(${SYNC_QUEUE_CHANNEL}, ${JSON.stringify(signal)})`.execute(db);
  }
  setImmediate(() => emitQueueSignal(signal));
}

/**
 * Calls `listener` for signals of `kind` (and `connectionId`, when given).
 * @returns a function that removes the listener
 */
export function onQueueSignal(
  kind: SignalKind,
  connectionId: string | null,
  listener: (signal: QueueSignal) => void,
): () => void {
  const name = connectionId === null ? kind : signalName({ kind, connectionId });
  syncQueueSignals.on(name, listener);
  return () => syncQueueSignals.off(name, listener);
}

/**
 * Resolves true on the next matching signal, false after `timeoutMs` or when `abort` fires.
 * Never rejects.
 */
export function waitForQueueSignal(
  kind: SignalKind,
  connectionId: string | null,
  timeoutMs: number,
  abort?: AbortSignal,
): Promise<boolean> {
  return new Promise((resolve) => {
    if (abort?.aborted) return resolve(false);
    const finish = (value: boolean): void => {
      clearTimeout(timer);
      off();
      abort?.removeEventListener("abort", onAbort);
      resolve(value);
    };
    const onAbort = (): void => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    const off = onQueueSignal(kind, connectionId, () => finish(true));
    abort?.addEventListener("abort", onAbort);
  });
}

function isQueueSignal(value: unknown): value is QueueSignal {
  const candidate = value as Partial<QueueSignal> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    (SIGNAL_KINDS as readonly unknown[]).includes(candidate.kind) &&
    typeof candidate.connectionId === "string"
  );
}

/**
 * PostgreSQL only: LISTENs on `sync_queue` with a dedicated client and re-emits every
 * notification in this process. A lost listener connection loses only hints (waiters re-check
 * on their fallback interval); `onError` is told so the caller can log it.
 * @param connectionString the `postgres://` DATABASE_URL
 * @returns a function that stops listening and closes the client
 */
export async function startSignalListener(
  connectionString: string,
  onError: (error: Error) => void = () => undefined,
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString });
  client.on("error", onError);
  client.on("notification", (message) => {
    if (message.channel !== SYNC_QUEUE_CHANNEL || !message.payload) return;
    try {
      const signal: unknown = JSON.parse(message.payload);
      if (isQueueSignal(signal)) emitQueueSignal(signal);
    } catch (error) {
      onError(error as Error);
    }
  });
  await client.connect();
  await client.query(`LISTEN ${SYNC_QUEUE_CHANNEL}`);
  return async () => {
    await client.end().catch(onError);
  };
}
