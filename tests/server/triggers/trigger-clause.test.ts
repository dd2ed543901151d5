/**
 * A trigger's WHERE clause must stay inside its parentheses: otherwise an OR in it escapes the
 * work item type condition and other work items are sent to the partner.
 */
import { clauseProblem } from "../../../src/server/triggers/trigger-clause";
import { useOneSide } from "../sync/sync-harness";

jest.setTimeout(60_000);

const ESCAPE = "[System.Title] = 'a') OR ([System.WorkItemType] = 'Bug'";

describe("clauseProblem", () => {
  test.each([
    "",
    "[System.State] <> 'Closed'",
    "([System.State] = 'New' OR [System.State] = 'Active') AND [System.Tags] CONTAINS 'sync'",
    "[System.Title] = 'a) OR (b'", // parentheses inside a text value
    "[System.Title] = 'it''s (fine'", // a quote inside a text value
  ])("accepts %j", (clause) => {
    expect(clauseProblem(clause)).toBeNull();
  });

  test.each([
    [ESCAPE, 'the ")" at character 21 closes a parenthesis the clause did not open'],
    ["([System.Title] = 'a'", "1 parenthesis is not closed"],
    ["[System.Title] = 'a", "a text value opened at character 18 is not closed with '"],
    ["[System.Title = 'a'", "a field name opened at character 1 is not closed with ]"],
    ["[System.Id] > 0 ORDER BY [System.Id]", '"ORDER BY" cannot be part of a WHERE clause'],
    ["[System.Id] > 0 ASOF '2020-01-01'", '"ASOF" cannot be part of a WHERE clause'],
  ])("refuses %j: %s", (clause, problem) => {
    expect(clauseProblem(clause)).toBe(problem);
  });
});

describe("saving a trigger", () => {
  const one = useOneSide({ organization: "contoso", dialect: "sqlite" });

  test("a clause escaping its parentheses is refused and nothing is stored", async () => {
    const { side } = one;
    await expect(
      side.triggers.create(side.connectionId, { workItemType: "Task", where: ESCAPE }),
    ).rejects.toMatchObject({
      code: "SYNC_ERR_TRIGGER_INVALID",
      message: expect.stringContaining("closes a parenthesis the clause did not open"),
    });
    expect(await side.triggers.list(side.connectionId)).toEqual([]);
  });

  test("an edit that would escape is refused and the stored clause stays", async () => {
    const { side } = one;
    const trigger = await side.triggers.create(side.connectionId, {
      workItemType: "Task",
      where: "[System.State] <> 'Closed'",
    });
    await expect(
      side.triggers.update(side.connectionId, trigger.id, { workItemType: "Task", where: ESCAPE }),
    ).rejects.toMatchObject({ code: "SYNC_ERR_TRIGGER_INVALID" });
    const [stored] = await side.triggers.list(side.connectionId);
    expect(stored!.where).toBe("[System.State] <> 'Closed'");
  });
});

describe("the work item type of a trigger", () => {
  const one = useOneSide({ organization: "fabrikam", dialect: "sqlite" });

  test("a type no project has is refused, naming types that exist", async () => {
    const { side } = one;
    await expect(
      side.triggers.create(side.connectionId, { workItemType: "Nope", where: "" }),
    ).rejects.toMatchObject({
      code: "SYNC_ERR_TRIGGER_INVALID",
      message: expect.stringMatching(/no project .* named "Nope"\. Types include: .*Bug/i),
    });
    expect(await side.triggers.list(side.connectionId)).toEqual([]);
  });

  test("a type is found whatever its case", async () => {
    const { side } = one;
    const trigger = await side.triggers.create(side.connectionId, {
      workItemType: "bug",
      where: "",
    });
    expect(trigger.workItemType).toBe("bug");
  });
});
