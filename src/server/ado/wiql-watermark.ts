/**
 * WIQL for change detection: a trigger's WHERE clause plus a `System.ChangedDate` watermark.
 *
 * With `timePrecision=true` (Wiql_Query By Wiql parameter) WIQL compares dates with their time
 * of day instead of whole days, so `[System.ChangedDate] > '2026-11-29T19:00:00.123Z'` means
 * what it says. The trigger clause is wrapped in parentheses so an `OR` inside it cannot escape
 * the watermark condition.
 */

/** Inputs of `buildWatermarkQuery`. */
export interface WatermarkQueryInput {
  /** The trigger's WHERE clause, e.g. `[System.WorkItemType] = 'Bug'`. Empty: every item. */
  where: string;
  /** Only items changed after this instant; absent for a first (bulk) run. */
  since?: Date | string;
  /** Restrict to one project (by name). */
  project?: string;
  /** Use `>=` instead of `>`: for callers that de-duplicate by (id, rev) themselves. (Default: false.) */
  inclusive?: boolean;
  /**
   * With `since`: a (ChangedDate, id) cursor. Items changed exactly at `since` count only when
   * their id is greater than `afterId`; later items all count. Lets a poll page through more
   * items sharing one ChangedDate than `$top` returns.
   */
  afterId?: number;
}

/** Quotes a WIQL string literal (single quotes doubled). */
export function wiqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Builds `SELECT [System.Id], [System.ChangedDate] FROM WorkItems WHERE (<project>) AND
 * (<trigger>) AND [System.ChangedDate] > '<ISO>' ORDER BY [System.ChangedDate], [System.Id]`.
 * Ordered oldest first so a capped page (`$top`) can advance the watermark safely.
 */
export function buildWatermarkQuery(input: WatermarkQueryInput): string {
  const conditions: string[] = [];
  if (input.project) conditions.push(`[System.TeamProject] = ${wiqlString(input.project)}`);
  if (input.where.trim()) conditions.push(`(${input.where.trim()})`);
  if (input.since !== undefined) {
    const iso = wiqlString(new Date(input.since).toISOString());
    if (input.afterId !== undefined) {
      // Only `>=` and `>` on the date: equality on dates is where WIQL precision rules bite.
      conditions.push(`[System.ChangedDate] >= ${iso}`);
      conditions.push(`([System.ChangedDate] > ${iso} OR [System.Id] > ${input.afterId})`);
    } else {
      conditions.push(`[System.ChangedDate] ${input.inclusive ? ">=" : ">"} ${iso}`);
    }
  }
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : "";
  return (
    `SELECT [System.Id], [System.ChangedDate] FROM WorkItems${where}` +
    ` ORDER BY [System.ChangedDate] ASC, [System.Id] ASC`
  );
}
