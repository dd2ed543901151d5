/**
 * The WIQL of a trigger: its work item type and WHERE clause, optionally with the
 * `System.ChangedDate` watermark (change detection) and without it (bulk sync, validation).
 */
import { buildWatermarkQuery, wiqlString } from "../ado/wiql-watermark";
import type { TriggerRow } from "../storage/trigger-repository";

/** The trigger's condition: `[System.WorkItemType] = '<type>' AND (<clause>)`. */
export function triggerCondition(
  trigger: Pick<TriggerRow, "work_item_type" | "where_clause">,
): string {
  const type = `[System.WorkItemType] = ${wiqlString(trigger.work_item_type)}`;
  const clause = trigger.where_clause.trim();
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
