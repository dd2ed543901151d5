/**
 * The sync engine of one node: a change-detection loop over the connections that detect
 * changes, and the incoming apply worker. `buildApp` / `main` start it; tests drive
 * `pollOnce` and `worker.runOnce` directly.
 *
 * Connections polled: `active` and `deactivated` ones (while deactivated, changes
 * keep queuing and replay in order on activation; the transport holds them back).
 */
import { listConnections } from "../connections/connection-repository";
import { ApplyWorker, type ApplyWorkerOptions } from "./apply-worker";
import { pollConnection } from "./change-poller";
import type { OutgoingResult } from "./outgoing-sync";
import type { SyncContext } from "./sync-context";

/** Options of `SyncEngine`. */
export interface SyncEngineOptions {
  /**
   * Pause between change-detection passes, in ms. (Default: 5000: a change reaches the other
   * side within seconds, while each pass costs one WIQL query per active
   * trigger plus one batch read; Azure DevOps' rate limits (200 TSTUs per 5 min sliding window)
   * leave room for that on a handful of connections. Raise it for many connections.)
   */
  pollIntervalMs?: number;
  worker?: ApplyWorkerOptions;
}

/** Statuses whose changes are detected and queued. */
const DETECTING_STATUSES = new Set(["active", "deactivated"]);

/** Change detection plus the apply worker. */
export class SyncEngine {
  readonly worker: ApplyWorker;
  readonly #context: SyncContext;
  readonly #pollIntervalMs: number;
  #timer?: NodeJS.Timeout;
  #polling?: Promise<unknown>;
  #stopped = true;

  constructor(context: SyncContext, options: SyncEngineOptions = {}) {
    this.#context = context;
    this.#pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.worker = new ApplyWorker(context, options.worker);
  }

  /** One change-detection pass over every detecting connection; errors are logged per connection. */
  async pollOnce(): Promise<OutgoingResult[]> {
    const results: OutgoingResult[] = [];
    for (const connection of await listConnections(this.#context.store.db)) {
      if (!DETECTING_STATUSES.has(connection.status)) continue;
      try {
        results.push(...(await pollConnection(this.#context, connection)));
      } catch (error) {
        this.#context.logger.warn(
          {
            connectionId: connection.id,
            err: error instanceof Error ? error.message : String(error),
          },
          "change detection failed; retrying next pass",
        );
      }
    }
    return results;
  }

  /** Starts polling and the apply worker. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.worker.start();
    this.#schedule(0);
  }

  /** Stops both loops; resolves when the work in hand has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await Promise.all([this.#polling, this.worker.stop()]);
  }

  #schedule(delay: number): void {
    this.#timer = setTimeout(() => {
      this.#polling = this.pollOnce().finally(() => {
        if (!this.#stopped) this.#schedule(this.#pollIntervalMs);
      });
    }, delay);
  }
}
