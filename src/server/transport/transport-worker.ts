/**
 * The transport worker of one node: a supervisor that, every `superviseMs`, starts one loop
 * per (connection, needed step) (transport-steps.ts) and stops loops no longer needed
 * (connection deactivated, deleted, or its handshake finished).
 *
 * Each loop: run the step; on success record contact (and clear a transport error); when a
 * push found nothing, wait for a "sync event queued" signal (or `recheckMs`). On failure:
 * capped, jittered exponential backoff (TRANSPORT_BACKOFF), and the status `error` with the
 * reason after `errorAfterFailures` failures in a row, or at once when the partner says the
 * connection is inactive or unknown there. Deactivating stops the loops; events keep queuing.
 */
import { isSyncError, SyncError } from "../../shared/errors";
import {
  backoffDelay,
  type BackoffPolicy,
  TRANSPORT_BACKOFF,
  waitForQueueSignal,
} from "../queue/sync-queue";
import { recordContact, recordTransportError } from "./link-health";
import { purgeExpiredTokenIds } from "./replay-guard";
import type { LinkedConnection } from "./transport-connections";
import { realSleep, type TransportContext } from "./transport-context";
import { confirmStep, neededSteps, pollStep, pushStep, type StepKind } from "./transport-steps";

/**
 * While waiting for a partner to accept: 1 s scale, 10 s cap; an admin who just pasted the
 * code on the other side sees the connection turn Active within seconds.
 */
const HANDSHAKE_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 10_000 };
/** Expired replay-guard ids are purged once a minute: the table holds ~1 minute of tokens. */
const PURGE_EVERY_MS = 60_000;

/**
 * A public node hears from a private partner at least every long-poll (<= 25 s); 5 minutes of
 * silence means the private side is down or cut off. Shorter would flap while a private node
 * restarts; the status turns back to active on its next request.
 */
const PRIVATE_PARTNER_SILENCE_MS = 5 * 60_000;

/** Codes that mean "the partner answered, and will keep answering this": error at once. */
const DEFINITIVE_CODES: ReadonlySet<string> = new Set([
  "SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE",
  "SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND",
  "SYNC_ERR_TRANSPORT_TOKEN_INVALID",
]);

/** A transport reason for the status: the partner's own transport code, or PEER_REJECTED. */
function statusReason(error: unknown): SyncError {
  if (isSyncError(error) && error.code.startsWith("SYNC_ERR_TRANSPORT_")) return error;
  const detail = isSyncError(error) ? `${error.code}: ${error.message}` : String(error);
  return new SyncError(
    "SYNC_ERR_TRANSPORT_PEER_REJECTED",
    `The other side's sync node rejected the request (${detail}).`,
  );
}

/** Runs the transport loops of one node. */
export class TransportWorker {
  readonly #context: TransportContext;
  readonly #loops = new Map<string, { stop: AbortController; done: Promise<void> }>();
  #supervisor: Promise<void> | undefined;
  #lastPurge = 0;

  constructor(context: TransportContext) {
    this.#context = context;
  }

  /** Starts supervising; returns at once. */
  start(): void {
    this.#supervisor ??= this.#supervise();
  }

  /** Stops every loop (after `context.shutdown` aborted) and waits for them to end. */
  async stopped(): Promise<void> {
    await this.#supervisor;
    await Promise.all([...this.#loops.values()].map((loop) => loop.done));
  }

  async #supervise(): Promise<void> {
    const { shutdown, settings } = this.#context;
    while (!shutdown.aborted) {
      try {
        await this.#reconcile();
      } catch (error) {
        this.#context.log.error({ err: error }, "transport supervisor failed; retrying");
      }
      await realSleep(settings.superviseMs, shutdown);
    }
    for (const loop of this.#loops.values()) loop.stop.abort();
  }

  async #reconcile(): Promise<void> {
    const { db } = this.#context.store;
    const linked = new Set(
      (await db.selectFrom("transport_links").select("connection_id").execute()).map(
        (link) => link.connection_id,
      ),
    );
    const wanted = new Set<string>();
    const rows = await this.#context.connections.list(db);
    for (const row of rows) {
      for (const kind of neededSteps(row, linked.has(row.id))) {
        const key = `${row.id}:${kind}`;
        wanted.add(key);
        if (!this.#loops.has(key)) this.#startLoop(key, row.id, kind);
      }
    }
    for (const [key, loop] of this.#loops) if (!wanted.has(key)) loop.stop.abort();
    await this.#flagSilentPartners(rows, linked);
    const now = this.#context.now();
    if (now - this.#lastPurge >= PURGE_EVERY_MS) {
      this.#lastPurge = now;
      await purgeExpiredTokenIds(db, now);
    }
  }

  /** Public side of a private connection: error when the private partner went silent. */
  async #flagSilentPartners(rows: LinkedConnection[], linked: Set<string>): Promise<void> {
    const now = this.#context.now();
    for (const row of rows) {
      const silent =
        row.status === "active" &&
        row.local_side === "public" &&
        row.type === "private" &&
        linked.has(row.id) &&
        now - (row.last_contact_at ?? row.accepted_at ?? now) > PRIVATE_PARTNER_SILENCE_MS;
      if (!silent) continue;
      const since = new Date(row.last_contact_at ?? row.accepted_at ?? now).toISOString();
      const reason = new SyncError(
        "SYNC_ERR_TRANSPORT_PEER_UNREACHABLE",
        `The private side has not connected since ${since}.`,
      );
      await recordTransportError(this.#context.store.db, row.id, reason, now);
    }
  }

  #startLoop(key: string, connectionId: string, kind: StepKind): void {
    const stop = new AbortController();
    const signal = AbortSignal.any([stop.signal, this.#context.shutdown]);
    const done = this.#loop(connectionId, kind, signal)
      .catch((error: unknown) =>
        this.#context.log.error({ err: error, connectionId, kind }, "transport loop crashed"),
      )
      .finally(() => this.#loops.delete(key));
    this.#loops.set(key, { stop, done });
  }

  async #loop(connectionId: string, kind: StepKind, signal: AbortSignal): Promise<void> {
    const context = this.#context;
    let failures = 0;
    while (!signal.aborted) {
      const row = await context.connections.find(context.store.db, connectionId);
      if (!row || !neededSteps(row, true).includes(kind)) return;
      try {
        const contacted = await this.#step(kind, row);
        if (contacted && kind !== "confirm") {
          await recordContact(context.store.db, connectionId, context.now());
        }
        failures = 0;
        if (kind === "confirm") return;
        if (!contacted) {
          await waitForQueueSignal("event", connectionId, context.settings.recheckMs, signal);
        }
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        await this.#failed(row, kind, error, failures);
        const policy = kind === "confirm" ? HANDSHAKE_BACKOFF : TRANSPORT_BACKOFF;
        await context.sleep(backoffDelay(policy, failures - 1), signal);
      }
    }
  }

  #step(kind: StepKind, row: LinkedConnection): Promise<boolean> {
    switch (kind) {
      case "push":
        return pushStep(this.#context, row);
      case "poll":
        return pollStep(this.#context, row);
      case "confirm":
        return confirmStep(this.#context, row);
    }
  }

  async #failed(
    row: LinkedConnection,
    kind: StepKind,
    error: unknown,
    failures: number,
  ): Promise<void> {
    const context = this.#context;
    const code = isSyncError(error) ? error.code : "(unexpected)";
    context.log.warn(
      { connectionId: row.id, kind, failures, code, err: isSyncError(error) ? undefined : error },
      "transport step failed",
    );
    if (kind === "confirm") return;
    if (DEFINITIVE_CODES.has(code) || failures >= context.settings.errorAfterFailures) {
      await recordTransportError(context.store.db, row.id, statusReason(error), context.now());
    }
  }
}
