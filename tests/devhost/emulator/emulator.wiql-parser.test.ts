/** The WIQL parser: the subset the sync uses, and TF51006 for what does not parse. */
import type { AdoError } from "../../../src/devhost/emulator/ado-errors";
import { parseWiql } from "../../../src/devhost/emulator/wiql-parser";
import { tokenize } from "../../../src/devhost/emulator/wiql-tokens";

function syntaxError(text: string): AdoError {
  try {
    parseWiql(text);
  } catch (error) {
    return error as AdoError;
  }
  throw new Error(`parsed: ${text}`);
}

describe("parseWiql", () => {
  it("parses fields, source, a trigger condition and ORDER BY", () => {
    const query = parseWiql(
      "SELECT [System.Id], [System.Title] FROM WorkItems WHERE [System.WorkItemType] = 'Bug' AND [System.State] <> 'Closed' ORDER BY [System.ChangedDate] DESC, [System.Id]",
    );
    expect(query.fields).toEqual(["System.Id", "System.Title"]);
    expect(query.from).toBe("WorkItems");
    expect(query.where).toEqual({
      kind: "and",
      left: {
        kind: "compare",
        field: "System.WorkItemType",
        op: "=",
        values: [{ kind: "string", value: "Bug" }],
      },
      right: {
        kind: "compare",
        field: "System.State",
        op: "<>",
        values: [{ kind: "string", value: "Closed" }],
      },
    });
    expect(query.orderBy).toEqual([
      { field: "System.ChangedDate", descending: true },
      { field: "System.Id", descending: false },
    ]);
  });

  it("binds AND tighter than OR and honours parentheses", () => {
    const flat = parseWiql(
      "select [System.Id] from workitems where [A] = 1 or [B] = 2 and [C] = 3",
    );
    expect(flat.where?.kind).toBe("or");
    const grouped = parseWiql(
      "select [System.Id] from workitems where ([A] = 1 or [B] = 2) and [C] = 3",
    );
    expect(grouped.where?.kind).toBe("and");
  });

  it("parses IN, NOT IN, CONTAINS, NOT CONTAINS WORDS, UNDER, NOT UNDER", () => {
    const query = parseWiql(
      "SELECT [System.Id] FROM WorkItems WHERE [System.State] IN ('New', 'Active') AND [System.Tags] CONTAINS 'sync' AND [System.Title] NOT CONTAINS WORDS 'draft' AND [System.AreaPath] UNDER 'Alpha\\Web' AND [System.Reason] NOT IN ('x') AND [System.IterationPath] NOT UNDER 'Alpha\\Sprint 1'",
    );
    const ops: string[] = [];
    const walk = (e: NonNullable<typeof query.where>): void => {
      if (e.kind === "compare") ops.push(e.op);
      else if (e.kind === "not") walk(e.expr);
      else {
        walk(e.left);
        walk(e.right);
      }
    };
    walk(query.where!);
    expect(ops).toEqual(["in", "contains", "not contains words", "under", "not in", "not under"]);
  });

  it("reads macros with day offsets, escaped quotes, numbers, bare field names and != as <>", () => {
    const query = parseWiql(
      "SELECT System.Id FROM WorkItems WHERE [System.TeamProject] = @project AND [System.ChangedDate] >= @today-7 AND [System.Title] = 'It''s' AND [Microsoft.VSTS.Common.Priority] != 2 AND [System.CreatedDate] < @Today + 1",
    );
    const text = JSON.stringify(query.where);
    expect(text).toContain('{"kind":"macro","name":"project","offset":0}');
    expect(text).toContain('{"kind":"macro","name":"today","offset":-7}');
    expect(text).toContain('{"kind":"macro","name":"today","offset":1}');
    expect(text).toContain('"value":"It\'s"');
    expect(text).toContain('"op":"<>","values":[{"kind":"number","value":2}]');
    expect(query.fields).toEqual(["System.Id"]);
  });

  it("reads ASOF", () => {
    expect(parseWiql("SELECT [System.Id] FROM WorkItems ASOF '2026-01-01T00:00:00Z'").asOf).toBe(
      "2026-01-01T00:00:00Z",
    );
  });

  it.each([
    ["SELEKT [System.Id] FROM WorkItems", "SELEKT"],
    ["SELECT [System.Id] WorkItems", "WorkItems"],
    ["SELECT [System.Id] FROM WorkItems WHERE [System.State] 'Closed'", "Closed"],
    ["SELECT [System.Id] FROM WorkItems WHERE ([System.State] = 'A'", "end of query"],
    ["SELECT [System.Id] FROM WorkItems WHERE [System.State] = ", "end of query"],
    ["SELECT [System.Id] FROM WorkItems WHERE [System.State] = 'A' extra", "extra"],
    [
      "SELECT [System.Id] FROM WorkItems WHERE [System.State] = 'A' ORDER [System.Id]",
      "[System.Id]".slice(1, -1),
    ],
  ])("refuses %s with TF51006 naming «%s»", (text, near) => {
    const error = syntaxError(text);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^TF51006/);
    expect(error.message).toContain(`«${near}»`);
  });

  it("refuses characters WIQL does not know", () => {
    expect(() => tokenize("SELECT [System.Id] FROM WorkItems WHERE [A] = ;")).toThrow(/TF51006/);
  });
});
