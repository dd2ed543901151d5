/**
 * The WIQL of a trigger: its work item type and WHERE clause, optionally with the
 * `System.ChangedDate` watermark (change detection) and without it (bulk sync, validation).
 */
import { buildWatermarkQuery, wiqlString } from "../ado/wiql-watermark";
import { requireSoundClause } from "./trigger-clause";
import type { TriggerRow } from "./trigger-repository";

/**
 * The trigger's condition: `[System.WorkItemType] = '<type>' AND (<clause>)`.
 * @throws SyncError SYNC_ERR_TRIGGER_INVALID when the clause would not stay inside its
 *   parentheses (a row stored before that check existed)
 */
export function triggerCondition(
  trigger: Pick<TriggerRow, "work_item_type" | "where_clause">,
): string {
  const type = `[System.WorkItemType] = ${wiqlString(trigger.work_item_type)}`;
  const clause = trigger.where_clause.trim();
  requireSoundClause(clause);
  return clause ? `${type} AND (${clause})` : type;
}

/**
 * The query for a trigger, oldest change first (then by id). With `since`, only work items
 * changed at or after it; with `afterId` too, those changed exactly at `since` only above that
 * id (the (ChangedDate, id) cursor of change detection). Without `afterId` the boundary is
 * inclusive: a change in the same millisecond as the watermark but committed after the last
 * poll is not missed; the echo baseline makes the repeat a no-op.
 */
export function triggerQuery(
  trigger: Pick<TriggerRow, "work_item_type" | "where_clause">,
  since?: string,
  afterId?: number,
): string {
  return buildWatermarkQuery({ where: triggerCondition(trigger), since, inclusive: true, afterId });
}

/**
 * A page of bulk sync: the trigger's work items with ids above `afterId`, by id (a keyset that
 * walks past the service's 20000-result cap on one WIQL query, VS402337).
 */
export function triggerPageQuery(
  trigger: Pick<TriggerRow, "work_item_type" | "where_clause">,
  afterId: number,
): string {
  return (
    `SELECT [System.Id] FROM WorkItems WHERE ${triggerCondition(trigger)}` +
    ` AND [System.Id] > ${afterId} ORDER BY [System.Id] ASC`
  );
}
