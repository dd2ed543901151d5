/** The bench's stats and table helpers: medians, percentiles, ratios and the printed table. */
import {
  formatTable,
  median,
  notMeasured,
  percentile,
  ratioOf,
  rowOf,
  summarize,
} from "../../bench/table";

describe("bench stats", () => {
  test("median of odd and even counts, unsorted input left unchanged", () => {
    const values = [9, 1, 5];
    expect(median(values)).toBe(5);
    expect(values).toEqual([9, 1, 5]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow("median of no values");
  });

  test("nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(() => percentile(values, 101)).toThrow("outside 0..100");
  });

  test("summary and ratio of medians", () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: 3 });
    const row = rowOf({ group: "G", name: "n", unit: "ms" }, [10, 30, 20], [5, 10, 15]);
    expect(row.ratio).toBe(2);
    expect(ratioOf(row.value, undefined)).toBeUndefined();
    expect(ratioOf(row.value, { median: 0, min: 0, max: 0, runs: 1 })).toBeUndefined();
  });

  test("table prints median [min..max], baseline, ratio and notes", () => {
    const table = formatTable([
      {
        ...rowOf({ group: "Hub bundle", name: "first load", unit: "KB" }, [140], [42]),
        verdict: "PASS",
      },
      notMeasured("Sync", "-", "-", "no engine"),
    ]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain("140 [140..140]");
    expect(lines[2]).toContain("42.0 [42.0..42.0]");
    expect(lines[2]).toContain("3.33x");
    expect(lines[2]).toContain("PASS");
    expect(lines[3]).toContain("not measured: no engine");
  });
});
