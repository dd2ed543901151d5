import { buildWatermarkQuery, wiqlString } from "../../../src/server/ado/wiql-watermark";

describe("buildWatermarkQuery", () => {
  it("puts the trigger clause in parentheses next to the ChangedDate watermark", () => {
    const query = buildWatermarkQuery({
      where: "[System.WorkItemType] = 'Bug' OR [System.WorkItemType] = 'Task'",
      since: new Date("2026-11-29T19:00:00.123Z"),
      project: "Alpha",
    });
    expect(query).toBe(
      "SELECT [System.Id], [System.ChangedDate] FROM WorkItems WHERE [System.TeamProject] = 'Alpha'" +
        " AND ([System.WorkItemType] = 'Bug' OR [System.WorkItemType] = 'Task')" +
        " AND [System.ChangedDate] > '2026-11-29T19:00:00.123Z'" +
        " ORDER BY [System.ChangedDate] ASC, [System.Id] ASC",
    );
  });

  it("supports an inclusive watermark and a first run without one", () => {
    expect(
      buildWatermarkQuery({ where: "", since: "2026-01-01T00:00:00Z", inclusive: true }),
    ).toContain("WHERE [System.ChangedDate] >= '2026-01-01T00:00:00.000Z'");
    expect(buildWatermarkQuery({ where: "[System.State] <> 'Closed'" })).not.toContain(
      "ChangedDate] >",
    );
  });

  it("with afterId, pages through items sharing the watermark's ChangedDate by id", () => {
    const query = buildWatermarkQuery({ where: "", since: "2026-01-01T00:00:00Z", afterId: 41 });
    expect(query).toContain(
      "WHERE [System.ChangedDate] >= '2026-01-01T00:00:00.000Z' AND" +
        " ([System.ChangedDate] > '2026-01-01T00:00:00.000Z' OR [System.Id] > 41)",
    );
    expect(query).toMatch(/ORDER BY \[System.ChangedDate\] ASC, \[System.Id\] ASC$/);
  });

  it("doubles single quotes in literals", () => {
    expect(wiqlString("O'Brien's")).toBe("'O''Brien''s'");
    expect(buildWatermarkQuery({ where: "", project: "Bob's" })).toContain("= 'Bob''s'");
  });
});
