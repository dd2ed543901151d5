/** WIQL over HTTP: triggers, @project, ChangedDate watermarks with time precision, ordering, errors. */
import type { Emulator } from "../../../src/devhost/emulator/emulator";
import { call, createItem, patch, startTestEmulator } from "./emulator-helpers";

let emulator: Emulator;
let token: string;
const ids: Record<string, number> = {};

async function wiql(query: string, path = "/Alpha/_apis/wit/wiql?timePrecision=true") {
  return call(emulator, "POST", path, { token, body: { query } });
}

async function idsOf(query: string, path?: string): Promise<number[]> {
  const answer = await wiql(query, path);
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
  return answer.body.workItems.map((w: { id: number }) => w.id);
}

beforeAll(async () => {
  ({ emulator, token } = await startTestEmulator());
  ids.bug = (
    await createItem(emulator, token, {
      "System.Title": "Login fails",
      "System.Tags": "sync; ui",
      "System.AreaPath": "Alpha\\Web",
      "Microsoft.VSTS.Common.Priority": 1,
    })
  ).id;
  ids.closedBug = (
    await createItem(emulator, token, {
      "System.Title": "Old crash",
      "System.State": "Closed",
      "Microsoft.VSTS.Common.Priority": 3,
    })
  ).id;
  ids.task = (
    await createItem(
      emulator,
      token,
      { "System.Title": "Write docs", "System.AssignedTo": "max@contoso.example" },
      "Task",
    )
  ).id;
  ids.betaBug = (
    await createItem(emulator, token, { "System.Title": "Beta bug" }, "Bug", "Beta")
  ).id;
});
afterAll(() => emulator.close());

describe("WIQL", () => {
  it("runs a trigger condition within @project", async () => {
    const found = await idsOf(
      "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project AND [System.WorkItemType] = 'Bug' AND [System.State] <> 'Closed'",
    );
    expect(found).toEqual([ids.bug]);
  });

  it("does not filter by the URL's project unless the query says so", async () => {
    const found = await idsOf(
      "SELECT [System.Id] FROM WorkItems WHERE [System.WorkItemType] = 'bug'",
    );
    expect(found).toEqual([ids.bug, ids.closedBug, ids.betaBug]);
  });

  it("supports OR, parentheses, IN, CONTAINS on tags, UNDER, identities and friendly names", async () => {
    expect(
      await idsOf(
        "SELECT [System.Id] FROM WorkItems WHERE ([State] = 'Closed' OR [System.WorkItemType] = 'Task') AND [System.TeamProject] = 'Alpha'",
      ),
    ).toEqual([ids.closedBug, ids.task]);
    expect(
      await idsOf(
        "SELECT [System.Id] FROM WorkItems WHERE [System.State] IN ('Closed', 'Resolved')",
      ),
    ).toEqual([ids.closedBug]);
    expect(
      await idsOf("SELECT [System.Id] FROM WorkItems WHERE [System.Tags] CONTAINS 'sync'"),
    ).toEqual([ids.bug]);
    expect(
      await idsOf("SELECT [System.Id] FROM WorkItems WHERE [System.AreaPath] UNDER 'Alpha'"),
    ).toEqual([ids.bug, ids.closedBug, ids.task]);
    expect(
      await idsOf("SELECT [System.Id] FROM WorkItems WHERE [System.AreaPath] UNDER 'Alpha\\Web'"),
    ).toEqual([ids.bug]);
    expect(
      await idsOf("SELECT [System.Id] FROM WorkItems WHERE [System.AssignedTo] = 'Max Member'"),
    ).toEqual([ids.task]);
    expect(
      await idsOf(
        "SELECT [System.Id] FROM WorkItems WHERE [Microsoft.VSTS.Common.Priority] <= 2 AND [System.TeamProject] = @project",
      ),
    ).toEqual([ids.bug, ids.task]);
  });

  it("finds changes after a ChangedDate watermark with time precision", async () => {
    const watermark = (await call(emulator, "GET", `/_apis/wit/workitems/${ids.task}`, { token }))
      .body.fields["System.ChangedDate"];
    await patch(
      emulator,
      "PATCH",
      `/_apis/wit/workitems/${ids.bug}`,
      [{ op: "add", path: "/fields/System.Title", value: "Login fails on Safari" }],
      token,
    );
    const found = await idsOf(
      `SELECT [System.Id] FROM WorkItems WHERE [System.ChangedDate] > '${watermark}' ORDER BY [System.ChangedDate]`,
    );
    expect(found).toEqual([ids.betaBug, ids.bug]);
  });

  it("refuses a time part without timePrecision", async () => {
    const answer = await wiql(
      `SELECT [System.Id] FROM WorkItems WHERE [System.ChangedDate] > '2026-01-01T10:00:00Z'`,
      "/_apis/wit/wiql",
    );
    expect(answer.status).toBe(400);
    const days = await wiql(
      `SELECT [System.Id] FROM WorkItems WHERE [System.ChangedDate] > '2000-01-01'`,
      "/_apis/wit/wiql",
    );
    expect(days.body.workItems).toHaveLength(4);
  });

  it("orders by a field, descending", async () => {
    const found = await idsOf(
      "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = 'Alpha' AND [System.WorkItemType] = 'Bug' ORDER BY [Microsoft.VSTS.Common.Priority] DESC",
    );
    expect(found).toEqual([ids.closedBug, ids.bug]);
  });

  it("answers columns, sortColumns and work item urls, and honours $top", async () => {
    const answer = await wiql(
      "SELECT [System.Id], [System.Title] FROM WorkItems ORDER BY [System.Id] DESC",
      "/_apis/wit/wiql?$top=2",
    );
    expect(answer.body.queryType).toBe("flat");
    expect(answer.body.columns.map((c: { referenceName: string }) => c.referenceName)).toEqual([
      "System.Id",
      "System.Title",
    ]);
    expect(answer.body.sortColumns[0].descending).toBe(true);
    expect(answer.body.workItems).toEqual([
      { id: ids.betaBug, url: `${emulator.url}/_apis/wit/workItems/${ids.betaBug}` },
      { id: ids.task, url: `${emulator.url}/_apis/wit/workItems/${ids.task}` },
    ]);
  });

  it("refuses an unknown field with TF51005 and bad syntax with TF51006", async () => {
    const unknown = await wiql("SELECT [System.Id] FROM WorkItems WHERE [System.Colour] = 'red'");
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe(
      "TF51005: The query references a field that does not exist. The error is caused by «System.Colour».",
    );
    const syntax = await wiql("SELECT [System.Id] FROM WorkItems WHERE [System.State] = ");
    expect(syntax.status).toBe(400);
    expect(syntax.body.message).toMatch(/^TF51006/);
  });

  it("refuses @project outside a project", async () => {
    const answer = await wiql(
      "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project",
      "/_apis/wit/wiql",
    );
    expect(answer.status).toBe(400);
  });
});
