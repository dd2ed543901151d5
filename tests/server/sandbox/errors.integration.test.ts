/**
 * Script errors name the script, the line and column in the user's own script (not the
 * wrapper's), and the message; non-JSON results are refused with the path of the bad value.
 */
import type { ScriptRunner } from "../../../src/server/sandbox/script-runner";
import {
  sampleContext,
  sampleReplica,
  sampleWorkItem,
  startTestRunner,
  syncErrorOf,
} from "./sandbox-fixtures";

let runner: ScriptRunner;
beforeAll(() => {
  runner = startTestRunner();
});
afterAll(() => runner.close());

const runOutgoing = (script: string) =>
  runner.runOutgoing({ script, workItem: sampleWorkItem(), context: sampleContext() });
const runIncoming = (script: string) =>
  runner.runIncoming({
    script,
    replica: sampleReplica(),
    workItem: sampleWorkItem(),
    firstSync: false,
    context: sampleContext(),
  });

describe("syntax errors", () => {
  test.each([
    ["var a = 1;\nvar b = ;", 2, 9],
    ["replica.summary = workItem.summary;\n\n\nif (x {\n}", 4, 7],
    ["foo(1,\n  2 3)", 2, 5],
  ])("checkSyntax(%j) reports line %i, column %i", async (script, line, column) => {
    const result = await runner.checkSyntax(script);
    expect(result).toEqual({
      ok: false,
      line,
      column,
      message: expect.stringMatching(/^SyntaxError: /),
    });
  });

  test("an unclosed block is reported at the script's last line", async () => {
    const result = await runner.checkSyntax("if (firstSync) {\n  workItem.summary = 'x';\n");
    expect(result).toMatchObject({ ok: false, line: 3 });
  });

  test("valid scripts, including a top-level return, pass", async () => {
    await expect(
      runner.checkSyntax("if (!firstSync) return;\nworkItem.summary = 'x';"),
    ).resolves.toEqual({ ok: true });
  });

  test("checkSyntax does not run the script", async () => {
    await expect(runner.checkSyntax("while (true) {}")).resolves.toEqual({ ok: true });
  });

  test("running a script with a syntax error fails with SYNC_ERR_SCRIPT_SYNTAX and its position", async () => {
    const error = await syncErrorOf(() =>
      runIncoming("workItem.summary = replica.summary;\nworkItem.labels = [;"),
    );
    expect(error.code).toBe("SYNC_ERR_SCRIPT_SYNTAX");
    expect(error.details).toMatchObject({ script: "incoming", line: 2, column: 20 });
    expect(error.message).toMatch(/^The incoming script failed at line 2, column 20: SyntaxError/);
  });
});

describe("runtime errors", () => {
  test("report the line and column in the user's script", async () => {
    const error = await syncErrorOf(() =>
      runOutgoing("replica.summary = 'a';\n\nreplica.description = workItem.nothing.body;"),
    );
    expect(error.code).toBe("SYNC_ERR_SCRIPT_RUNTIME");
    expect(error.details).toEqual({
      script: "outgoing",
      line: 3,
      column: 39, // QuickJS points at the "." of ".body"
      message: "TypeError: cannot read property 'body' of undefined",
    });
  });

  test("inside a function, point at the throwing line", async () => {
    const script =
      "function check(item) {\n  if (!item.summary.length) return;\n  throw new Error('no ' + item.type);\n}\ncheck(workItem);";
    const error = await syncErrorOf(() => runOutgoing(script));
    expect(error.details).toMatchObject({ line: 3, message: "Error: no Bug" });
  });

  test("an error inside a helper points at the line that called the helper", async () => {
    const error = await syncErrorOf(() =>
      runIncoming("// merge\n\ncommentHelper.mergeComments(null, replica);"),
    );
    expect(error.code).toBe("SYNC_ERR_SCRIPT_RUNTIME");
    expect(error.details).toMatchObject({ script: "incoming", line: 3 });
  });

  test("a SyntaxError thrown at run time (JSON.parse) is a runtime error", async () => {
    const error = await syncErrorOf(() => runOutgoing("\nJSON.parse('{');"));
    expect(error.code).toBe("SYNC_ERR_SCRIPT_RUNTIME");
    expect(error.details).toMatchObject({ line: 2 });
  });

  test("a thrown non-Error value is reported as such", async () => {
    const error = await syncErrorOf(() => runOutgoing("throw { reason: 'skip' };"));
    expect(error.code).toBe("SYNC_ERR_SCRIPT_RUNTIME");
    expect(error.details).toMatchObject({ message: 'Uncaught {"reason":"skip"}' });
  });
});

describe("non-JSON results", () => {
  test.each([
    ["replica.summary = function () {};", "replica.summary", /function/],
    ["replica.priority = NaN;", "replica.priority", /NaN/],
    ["replica.customFields.when = new Date(0);", "replica.customFields.when", /Date/],
    ["replica.customFields.m = new Map();", "replica.customFields.m", /Map/],
    ["replica.labels = ['a', undefined];", "replica.labels[1]", /undefined/],
    ["replica.customFields.self = replica;", "replica.customFields.self", /cycle/],
    ["replica.customFields['Custom.N'] = 10n;", 'replica.customFields["Custom.N"]', /bigint/],
  ])("%s is refused", async (script, path, problem) => {
    const error = await syncErrorOf(() => runOutgoing(script));
    expect(error.code).toBe("SYNC_ERR_SCRIPT_RESULT");
    expect(error.details).toMatchObject({ script: "outgoing", path });
    expect(String(error.details?.message)).toMatch(problem);
  });

  test("JSON of the wrong shape is refused with the field's path", async () => {
    const outgoing = await syncErrorOf(() => runOutgoing("replica.priority = 'high';"));
    expect(outgoing.code).toBe("SYNC_ERR_SCRIPT_RESULT");
    expect(outgoing.details).toMatchObject({ path: "replica.priority" });
    const incoming = await syncErrorOf(() => runIncoming("workItem.labels = 'a; b';"));
    expect(incoming.code).toBe("SYNC_ERR_SCRIPT_RESULT");
    expect(incoming.details).toMatchObject({ script: "incoming", path: "workItem.labels" });
  });

  test("replacing the work item with a non-object is refused", async () => {
    const error = await syncErrorOf(() => runIncoming("workItem = 42;"));
    expect(error.code).toBe("SYNC_ERR_SCRIPT_RESULT");
    expect(error.details).toMatchObject({ path: "workItem" });
  });

  test("replacing JSON.stringify or Object.keys does not change how the result is read", async () => {
    const script = [
      "JSON.stringify = function () { return 'not json'; };",
      "Object.keys = function () { return []; };",
      "replica.summary = 'still read';",
      "replica.customFields = JSON.parse('{\"__proto__\": 1}');",
    ].join("\n");
    const { replica } = await runOutgoing(script);
    expect(replica?.summary).toBe("still read");
    expect(Object.prototype.hasOwnProperty.call(replica?.customFields, "__proto__")).toBe(true);
  });

  test("shared (non-cyclic) references are fine", async () => {
    const { replica } = await runOutgoing(
      "var who = workItem.assignee;\nreplica.assignee = who;\nreplica.reporter = who;",
    );
    expect(replica?.reporter).toEqual(replica?.assignee);
  });
});
