/**
 * The incoming apply worker: claims sync requests from the sync queue, applies each one
 * (`applySyncRequest`) and reports the outcome. One work item's failure never stops the others:
 *
 *   claimed --applied, committed with the twin--> done
 *   claimed --script error, rejected replica, Azure DevOps refusal--> failed (permanent; errors list)
 *   claimed --outage, throttling, rev conflicts exhausted--> retry (queue's capped backoff)
 *   claimed --worker dies--> lease expires --> claimed again (the repeat adopts earlier writes)
 *
 * Every transition is logged with the request id, attempt and duration (habit 6).
 */
import { randomUUID } from "node:crypto";

import type { SyncError } from "../../shared/errors";
import { isSyncError } from "../../shared/errors";
import { type ApplyHooks, applySyncRequest } from "./incoming-apply";
import type { SyncContext } from "./sync-context";
import { recordHistory } from "./sync-history-repository";
import type { ClaimedSyncRequest, SyncFailure } from "./sync-queue-port";
import { findTwinByRemoteId } from "./twin-repository";

/** Options of `ApplyWorker`. */
export interface ApplyWorkerOptions {
  /** (Default: a random id.) */
  workerId?: string;
  /**
   * Pause between claims when the queue was empty, in ms. (Default: 1000: a change shows up on
   * the other side within about a second; an idle node then makes one cheap query per second.)
   */
  idleDelayMs?: number;
  /** Requests claimed at once. (Default: 10: per-work-item order is kept by the queue.) */
  batchSize?: number;
  hooks?: ApplyHooks;
}

/** A loop of claim -> apply -> complete/fail; `runOnce` serves tests and the loop alike. */
export class ApplyWorker {
  readonly workerId: string;
  readonly #context: SyncContext;
  readonly #options: Required<Omit<ApplyWorkerOptions, "hooks" | "workerId">>;
  readonly #hooks: ApplyHooks;
  #running?: Promise<void>;
  #stopping = false;
  #wake?: () => void;

  constructor(context: SyncContext, options: ApplyWorkerOptions = {}) {
    this.#context = context;
    this.workerId = options.workerId ?? `apply-${randomUUID()}`;
    this.#options = {
      idleDelayMs: options.idleDelayMs ?? 1000,
      batchSize: options.batchSize ?? 10,
    };
    this.#hooks = options.hooks ?? {};
  }

  /** Claims and applies one batch; returns how many requests were handled. */
  async runOnce(): Promise<number> {
    const claimed = await this.#context.queue.claimSyncRequests(
      this.workerId,
      this.#options.batchSize,
    );
    for (const request of claimed) {
      if (this.#stopping) break;
      await this.#handle(request);
    }
    return claimed.length;
  }

  /** Starts the loop (idempotent). */
  start(): void {
    this.#stopping = false;
    this.#running ??= this.#loop().finally(() => {
      this.#running = undefined;
    });
  }

  /** Stops after the request in hand; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#running;
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      let handled = 0;
      try {
        handled = await this.runOnce();
      } catch (error) {
        this.#context.logger.error({ err: describe(error) }, "apply worker: claim failed");
      }
      if (handled === 0 && !this.#stopping) await this.#sleep(this.#options.idleDelayMs);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async #handle(request: ClaimedSyncRequest): Promise<void> {
    const started = Date.now();
    const where = { requestId: request.id, attempt: request.attempts, workerId: this.workerId };
    try {
      const result = await applySyncRequest(this.#context, request, this.#hooks);
      this.#context.logger.info(
        { ...where, ...result, ms: Date.now() - started },
        "sync request applied",
      );
    } catch (error) {
      const failure = failureOf(error);
      await this.#context.queue.failSyncRequest(request, failure);
      if (failure.permanent) await this.#recordFailure(request, failure);
      this.#context.logger.warn(
        { ...where, code: failure.code, permanent: failure.permanent, ms: Date.now() - started },
        "sync request failed",
      );
    }
  }

  async #recordFailure(request: ClaimedSyncRequest, failure: SyncFailure): Promise<void> {
    const db = this.#context.store.db;
    const twin = await findTwinByRemoteId(db, request.connectionId, request.workItemId);
    await recordHistory(db, {
      connectionId: request.connectionId,
      localId: twin?.localId ?? 0,
      remoteId: request.workItemId,
      direction: "incoming",
      outcome: "failed",
      message: failure.message,
      queueItemId: request.id,
      at: this.#context.now(),
    });
  }
}

/** A missing or expired node credential is fixed by an admin; the request waits, retrying. */
const CREDENTIAL_CODES: ReadonlySet<string> = new Set([
  "SYNC_ERR_CREDENTIAL_MISSING",
  "SYNC_ERR_CREDENTIAL_INVALID",
]);

/**
 * Classifies an error: catalogued non-retryable errors (script errors, rejections, malformed
 * replicas, missing work items) fail at once; retryable ones and unexpected errors retry.
 */
export function failureOf(error: unknown): SyncFailure {
  if (isSyncError(error)) {
    const failure = error as SyncError;
    return {
      code: failure.code,
      message: failure.message,
      details: failure.details ?? {},
      permanent: !failure.retryable && !CREDENTIAL_CODES.has(failure.code),
    };
  }
  return {
    code: "SYNC_ERR_INTERNAL",
    message: describe(error),
    details: {},
    permanent: false,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
