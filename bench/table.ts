/**
 * Statistics and printing for `npm run bench`: every figure is the median of several runs
 * (with min and max), compared with a baseline measured in the same run as a ratio
 * `figure / baseline`.
 */

/** Summary of several runs of one measurement, in the measurement's unit. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  /** Number of runs summarized. */
  runs: number;
}

/** One line of the table: a figure, its baseline and their ratio. */
export interface BenchRow {
  /** Table section, e.g. "Hub bundle". */
  group: string;
  /** What is measured, e.g. "first load (gzip)". */
  name: string;
  /** Unit of `value` and `baseline`, e.g. "KB", "ms", "req/s". */
  unit: string;
  value?: Stat;
  baseline?: Stat;
  /** `value.median / baseline.median` (undefined without both). */
  ratio?: number;
  /** Budget verdict when the row has a budget, e.g. "PASS < 150 KB". */
  verdict?: string;
  /** Why the row has no figure ("not measured: ...") or a remark on how to read it. */
  note?: string;
}

/**
 * Median of `values` (mean of the two middle values for an even count).
 * @throws Error on an empty list
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Nearest-rank percentile `p` (0..100) of `values`.
 * @throws Error on an empty list or p outside 0..100
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  if (p < 0 || p > 100) throw new Error(`percentile ${p} is outside 0..100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * Median, min and max of the runs.
 * @throws Error on an empty list
 */
export function summarize(values: readonly number[]): Stat {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
  };
}

/** `value / baseline` of the medians; undefined when either is missing or the baseline is 0. */
export function ratioOf(value?: Stat, baseline?: Stat): number | undefined {
  if (!value || !baseline || baseline.median === 0) return undefined;
  return value.median / baseline.median;
}

/** A row from raw runs: summarizes both sides and computes the ratio. */
export function rowOf(
  fields: Omit<BenchRow, "value" | "baseline" | "ratio">,
  values: readonly number[],
  baselineValues?: readonly number[],
): BenchRow {
  const value = summarize(values);
  const baseline = baselineValues?.length ? summarize(baselineValues) : undefined;
  return { ...fields, value, baseline, ratio: ratioOf(value, baseline) };
}

/** A row that could not be measured, with the reason. */
export function notMeasured(group: string, name: string, unit: string, reason: string): BenchRow {
  return { group, name, unit, note: `not measured: ${reason}` };
}

/** A number with 3 significant figures at most (1234 -> "1234", 12.345 -> "12.3"). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function formatStat(stat: Stat | undefined): string {
  if (!stat) return "-";
  return `${formatNumber(stat.median)} [${formatNumber(stat.min)}..${formatNumber(stat.max)}]`;
}

const HEADERS = ["group", "figure", "unit", "median [min..max]", "baseline", "ratio", "notes"];

/** The cells of one row, in `HEADERS` order. */
export function rowCells(row: BenchRow): string[] {
  const notes = [row.verdict, row.note].filter(Boolean).join("; ");
  return [
    row.group,
    row.name,
    row.unit,
    formatStat(row.value),
    formatStat(row.baseline),
    row.ratio === undefined ? "-" : `${row.ratio.toFixed(2)}x`,
    notes,
  ];
}

/** The rows as a fixed-width text table (header, rule, one line per row). */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines = [HEADERS, ...rows.map(rowCells)];
  const widths = HEADERS.map((_, i) => Math.max(...lines.map((cells) => cells[i]!.length)));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(" | ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("-|-");
  return [render(HEADERS), rule, ...lines.slice(1).map(render)].join("\n");
}
