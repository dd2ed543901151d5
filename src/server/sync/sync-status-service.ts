/**
 * What the hub shows about a connection's sync: statistics, the errors list (failed sync
 * requests from the sync queue plus outgoing failures of this node) with retry and resolve,
 * singly and in bulk, and the sync history of one work item; plus "sync this work item now".
 */
import type {
  SyncErrorActionResult,
  SyncErrorItem,
  SyncHistory,
  SyncNowResult,
  SyncStatistics,
} from "../../shared/contracts/sync";
import { requireConnection } from "../connections/connection-service";
import {
  countOpenOutgoingFailures,
  findOutgoingFailure,
  listOpenOutgoingFailures,
  type OutgoingFailureRow,
  resolveOutgoingFailures,
} from "./outgoing-failure-repository";
import { syncWorkItemOut } from "./outgoing-sync";
import { type SyncContext } from "./sync-context";
import { listHistory } from "./sync-history-repository";
import type { FailedQueueItem } from "./sync-queue-port";
import { findTwinByLocalId, findTwinByRemoteId, twinStatistics } from "./twin-repository";

/** Most entries of one errors list or history answer. (500: a page the hub can render at once.) */
export const LIST_LIMIT = 500;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Statistics, errors, history and sync-now of a connection. */
export class SyncStatusService {
  constructor(private readonly context: SyncContext) {}

  /** @throws SyncError SYNC_ERR_CONNECTION_NOT_FOUND */
  async statistics(connectionId: string): Promise<SyncStatistics> {
    const db = this.context.store.db;
    const connection = await requireConnection(db, connectionId);
    const twins = await twinStatistics(db, connectionId);
    const counts = await this.context.queue.counts(connectionId);
    const outgoingFailed = await countOpenOutgoingFailures(db, connectionId);
    return {
      twins: twins.twins,
      outgoing: { queued: counts.outgoing.queued, failed: counts.outgoing.failed + outgoingFailed },
      incoming: counts.incoming,
      lastSentAt: iso(twins.lastSentAt),
      lastReceivedAt: iso(twins.lastReceivedAt),
      lastContactAt: iso(connection.last_contact_at),
    };
  }

  /** The errors list, newest first. @throws SyncError SYNC_ERR_CONNECTION_NOT_FOUND */
  async errors(connectionId: string): Promise<SyncErrorItem[]> {
    const db = this.context.store.db;
    await requireConnection(db, connectionId);
    const failed = await this.context.queue.listFailed(connectionId, LIST_LIMIT);
    const incoming = await Promise.all(failed.map((item) => this.incomingItem(item)));
    const outgoing = (await listOpenOutgoingFailures(db, connectionId, LIST_LIMIT)).map(
      outgoingItem,
    );
    return [...incoming, ...outgoing].sort((a, b) => b.at.localeCompare(a.at)).slice(0, LIST_LIMIT);
  }

  /**
   * Retries errors: incoming ones go back to the sync queue; outgoing ones run the outgoing
   * sync again now. `ids` absent: every error of the connection.
   */
  async retry(connectionId: string, ids?: string[]): Promise<SyncErrorActionResult> {
    const connection = await requireConnection(this.context.store.db, connectionId);
    const targets = ids ?? (await this.errors(connectionId)).map((item) => item.id);
    const results: SyncErrorActionResult["results"] = [];
    for (const id of targets) {
      if ((await this.context.queue.retry(connectionId, [id])) === 1) {
        results.push({ id, status: "done" });
        continue;
      }
      const failure = await findOutgoingFailure(this.context.store.db, connectionId, id);
      if (!failure || failure.state !== "failed") {
        results.push({ id, status: "not-found" });
        continue;
      }
      const outcome = await syncWorkItemOut(
        this.context,
        connection,
        Number(failure.work_item_id),
        {
          force: true,
        },
      );
      results.push(
        outcome.outcome === "failed"
          ? { id, status: "failed", message: outcome.message }
          : { id, status: "done" },
      );
    }
    return { results };
  }

  /** Resolves (dismisses) errors. `ids` absent: every error of the connection. */
  async resolve(connectionId: string, ids?: string[]): Promise<SyncErrorActionResult> {
    const db = this.context.store.db;
    await requireConnection(db, connectionId);
    const targets = ids ?? (await this.errors(connectionId)).map((item) => item.id);
    const results: SyncErrorActionResult["results"] = [];
    for (const id of targets) {
      let done = (await this.context.queue.resolve(connectionId, [id])) === 1;
      const failure = done ? undefined : await findOutgoingFailure(db, connectionId, id);
      if (failure?.state === "failed") {
        done =
          (await resolveOutgoingFailures(
            db,
            connectionId,
            Number(failure.work_item_id),
            this.context.now(),
          )) > 0;
      }
      results.push({ id, status: done ? "done" : "not-found" });
    }
    return { results };
  }

  /** The sync history of local work item `workItemId`. */
  async history(connectionId: string, workItemId: number): Promise<SyncHistory> {
    const db = this.context.store.db;
    await requireConnection(db, connectionId);
    const twin = await findTwinByLocalId(db, connectionId, workItemId);
    const rows = await listHistory(db, connectionId, workItemId, LIST_LIMIT);
    return {
      localWorkItemId: workItemId,
      remoteWorkItemId: twin?.remoteId ?? null,
      entries: rows.map((row) => ({
        direction: row.direction,
        outcome: row.outcome,
        message: row.message,
        warnings: JSON.parse(row.warnings) as string[],
        remoteWorkItemId: row.remote_id,
        at: new Date(row.at).toISOString(),
      })),
    };
  }

  /** Sends work item `workItemId` now, even when nothing changed since the last sync. */
  async syncNow(connectionId: string, workItemId: number): Promise<SyncNowResult> {
    const connection = await requireConnection(this.context.store.db, connectionId);
    const result = await syncWorkItemOut(this.context, connection, workItemId, { force: true });
    return { workItemId, outcome: result.outcome, message: result.message };
  }

  private async incomingItem(item: FailedQueueItem): Promise<SyncErrorItem> {
    const twin = await findTwinByRemoteId(
      this.context.store.db,
      item.connectionId,
      item.workItemId,
    );
    const script = typeof item.details.script === "string" ? item.details.script : null;
    const line = typeof item.details.line === "number" ? item.details.line : null;
    return {
      id: item.id,
      direction: "incoming",
      localWorkItemId: twin?.localId ?? null,
      remoteWorkItemId: item.workItemId,
      code: item.code,
      message: item.message,
      script,
      scriptLine: line,
      attempts: item.attempts,
      at: new Date(item.updatedAt).toISOString(),
    };
  }
}

function outgoingItem(row: OutgoingFailureRow): SyncErrorItem {
  return {
    id: row.id,
    direction: "outgoing",
    localWorkItemId: Number(row.work_item_id),
    remoteWorkItemId: null,
    code: row.code,
    message: row.message,
    script: row.code.startsWith("SYNC_ERR_SCRIPT_") ? "outgoing" : null,
    scriptLine: row.script_line,
    attempts: row.attempts,
    at: new Date(row.updated_at).toISOString(),
  };
}
