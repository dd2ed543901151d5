/**
 * Change detection (docs/architecture.md#sync-model): for each active trigger of a connection, a
 * WIQL query on the trigger's condition and its `System.ChangedDate` watermark; each changed work
 * item goes through `syncWorkItemOut`, and the transaction that enqueues its sync event (or
 * records why it was skipped) also advances the trigger's cursor to that item's (ChangedDate,
 * id). A crash therefore repeats at most the item in hand, nothing between two polls is
 * missed, and any number of items sharing one ChangedDate are worked off page by page
 * (page size: `SyncLimits.pollPageSize`).
 */
import type { AdoHttp } from "../ado/ado-http";
import { queryWiql } from "../ado/wiql-api";
import { getWorkItems } from "../ado/work-item-api";
import type { ConnectionRow } from "../connections/connection-repository";
import { triggerQuery } from "../triggers/trigger-query";
import {
  advanceWatermark,
  listActiveTriggers,
  type TriggerRow,
} from "../triggers/trigger-repository";
import { type OutgoingResult, syncWorkItemOut } from "./outgoing-sync";
import type { SyncContext } from "./sync-context";

/** Polls every active trigger of `connection` once; returns a result per work item handled. */
export async function pollConnection(
  context: SyncContext,
  connection: ConnectionRow,
): Promise<OutgoingResult[]> {
  const triggers = await listActiveTriggers(context.store.db, connection.id);
  const results: OutgoingResult[] = [];
  const handled = new Set<number>();
  for (const trigger of triggers) {
    for (const result of await pollTrigger(context, connection, trigger, handled)) {
      results.push(result);
      handled.add(result.workItemId);
    }
  }
  return results;
}

async function pollTrigger(
  context: SyncContext,
  connection: ConnectionRow,
  trigger: TriggerRow,
  handled: Set<number>,
): Promise<OutgoingResult[]> {
  const http = await context.ado.client();
  const since = trigger.watermark ?? undefined;
  const afterId = trigger.watermark_id ?? undefined;
  const query = triggerQuery(trigger, since, afterId);
  const { ids } = await queryWiql(http, query, { top: context.limits.pollPageSize });
  const dates = await changedDates(http, ids);
  const results: OutgoingResult[] = [];
  for (const id of ids) {
    const changed = dates.get(id);
    if (!changed) continue;
    const advance = async (tx: Parameters<typeof advanceWatermark>[0]) =>
      advanceWatermark(tx, trigger.id, changed, id);
    if (handled.has(id)) {
      await advance(context.store.db); // another trigger of this poll already sent it
      continue;
    }
    // Past the cursor is new; at an inclusive boundary (no id yet) it may be a repeat.
    const isNew = since === undefined || changed > since || afterId !== undefined;
    results.push(
      await syncWorkItemOut(context, connection, id, {
        inTransaction: advance,
        recordSkip: isNew,
      }),
    );
  }
  return results;
}

/** `System.ChangedDate` per work item, normalized to ISO with milliseconds (sortable text). */
async function changedDates(http: AdoHttp, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const { items } = await getWorkItems(http, ids, { fields: ["System.Id", "System.ChangedDate"] });
  const dates = new Map<number, string>();
  for (const item of items) {
    const value = item.fields["System.ChangedDate"];
    if (typeof value === "string") dates.set(item.id, new Date(value).toISOString());
  }
  return dates;
}
