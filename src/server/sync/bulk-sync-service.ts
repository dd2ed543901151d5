/**
 * "Bulk sync everything the trigger matches": a job that runs the trigger's query without a
 * watermark and sends every matching work item through `syncWorkItemOut` (items already in
 * sync are skipped by the echo baseline, so a repeated bulk sync sends only what changed).
 * The work items are read in pages by id (`SyncLimits.bulkSyncPageSize`), so a trigger may
 * match more than one WIQL query returns; `total` grows as further pages arrive.
 * Progress is written to the job row after each work item; the hub polls it.
 *
 *   running --every work item handled--> done
 *   running --the query or Azure DevOps failed--> failed
 *   running, heartbeat older than STALE_AFTER_MS --> reported as interrupted
 */
import { randomUUID } from "node:crypto";

import type { BulkSyncJob, BulkSyncState } from "../../shared/contracts/trigger";
import { SyncError } from "../../shared/errors";
import { queryWiql } from "../ado/wiql-api";
import type { ConnectionRow } from "../connections/connection-repository";
import { requireConnection } from "../connections/connection-service";
import { triggerPageQuery } from "../triggers/trigger-query";
import type { TriggerRow } from "../triggers/trigger-repository";
import type { TriggerService } from "../triggers/trigger-service";
import { syncWorkItemOut } from "./outgoing-sync";
import { type SyncContext } from "./sync-context";
import { findSyncJob, insertSyncJob, type SyncJobRow, updateSyncJob } from "./sync-job-repository";

/**
 * A running job whose heartbeat is older than this is reported as interrupted. (120000 ms:
 * one work item takes well under a minute even when throttled a little, and a job whose
 * process stopped should not read "running" forever.)
 */
export const STALE_AFTER_MS = 120_000;

/** Starts bulk sync jobs and reports their progress. */
export class BulkSyncService {
  readonly #running = new Set<Promise<void>>();

  constructor(
    private readonly context: SyncContext,
    private readonly triggers: TriggerService,
  ) {}

  /** Starts a job for trigger `triggerId`. @throws SyncError SYNC_ERR_TRIGGER_NOT_FOUND */
  async start(connectionId: string, triggerId: string): Promise<BulkSyncJob> {
    const connection = await requireConnection(this.context.store.db, connectionId);
    const trigger = await this.triggers.require(connectionId, triggerId);
    const id = randomUUID();
    await insertSyncJob(this.context.store.db, {
      id,
      connectionId,
      triggerId,
      now: this.context.now(),
    });
    const run = this.run(connection, trigger, id).finally(() => this.#running.delete(run));
    this.#running.add(run);
    return this.progress(connectionId, id);
  }

  /** The job's progress. @throws SyncError SYNC_ERR_SYNC_ITEM_NOT_FOUND */
  async progress(connectionId: string, jobId: string): Promise<BulkSyncJob> {
    const row = await findSyncJob(this.context.store.db, connectionId, jobId);
    if (!row)
      throw new SyncError("SYNC_ERR_SYNC_ITEM_NOT_FOUND", "There is no such bulk sync job.");
    return toJob(row, this.context.now());
  }

  /** Resolves when every job started by this service has ended (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.#running]);
  }

  private async run(connection: ConnectionRow, trigger: TriggerRow, jobId: string): Promise<void> {
    const db = this.context.store.db;
    const counts = { processed: 0, sent: 0, skipped: 0, failed: 0 };
    try {
      const http = await this.context.ado.client();
      const top = this.context.limits.bulkSyncPageSize;
      let total = 0;
      for (let afterId = 0, full = true; full;) {
        const { ids } = await queryWiql(http, triggerPageQuery(trigger, afterId), { top });
        full = ids.length === top;
        total += ids.length;
        await updateSyncJob(db, jobId, { total, heartbeat_at: this.context.now() });
        for (const id of ids) {
          const result = await syncWorkItemOut(this.context, connection, id);
          counts.processed += 1;
          counts[result.outcome] += 1;
          await updateSyncJob(db, jobId, { ...counts, heartbeat_at: this.context.now() });
        }
        afterId = ids.at(-1) ?? afterId;
      }
      await updateSyncJob(db, jobId, { state: "done", finished_at: this.context.now() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await updateSyncJob(db, jobId, {
        ...counts,
        state: "failed",
        error: message,
        finished_at: this.context.now(),
      });
    }
  }
}

function toJob(row: SyncJobRow, now: number): BulkSyncJob {
  const stale = row.state === "running" && now - row.heartbeat_at > STALE_AFTER_MS;
  const state: BulkSyncState = stale ? "interrupted" : row.state;
  return {
    id: row.id,
    triggerId: row.trigger_id,
    state,
    total: row.total,
    processed: row.processed,
    sent: row.sent,
    skipped: row.skipped,
    failed: row.failed,
    error: row.error,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
  };
}
