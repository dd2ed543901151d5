/**
 * Resource limits of the script sandbox: the deadline interrupt, the stack limit, the fixed
 * wasm memory (typed-array and string bombs the QuickJS heap limit alone does not stop), and
 * the host-side kill. After each failure the pool keeps serving. Assertions use the error
 * kind; the only time bounds are generous upper bounds.
 */
import type { ScriptRunner } from "../../../src/server/sandbox/script-runner";
import { sampleContext, sampleWorkItem, startTestRunner, syncErrorOf } from "./sandbox-fixtures";

/** Generous bound for a script stopped by a limit (on a loaded CI machine). */
const STOPPED_WITHIN_MS = 40_000;
jest.setTimeout(60_000);

let runner: ScriptRunner;
/** A runner whose time limit is long enough that the memory limit always comes first. */
let memoryRunner: ScriptRunner;
beforeAll(() => {
  runner = startTestRunner({ timeoutMs: 1000 });
  memoryRunner = startTestRunner({ timeoutMs: 20_000 });
});
afterAll(() => Promise.all([runner.close(), memoryRunner.close()]));

const runOutgoing = (script: string, on = runner) =>
  on.runOutgoing({ script, workItem: sampleWorkItem(), context: sampleContext() });

async function expectStopped(script: string, on = runner) {
  const started = Date.now();
  const error = await syncErrorOf(() => runOutgoing(script, on));
  expect(Date.now() - started).toBeLessThan(STOPPED_WITHIN_MS);
  return error;
}

test("an infinite loop is interrupted at the time limit", async () => {
  const error = await expectStopped("var n = 0;\nwhile (true) { n++; }");
  expect(error.code).toBe("SYNC_ERR_SCRIPT_TIMEOUT");
  expect(error.details).toMatchObject({ script: "outgoing" });
});

test("an infinite loop that catches errors is still interrupted", async () => {
  const error = await expectStopped("for (;;) { try { while (true) {} } catch (e) { } }");
  expect(error.code).toBe("SYNC_ERR_SCRIPT_TIMEOUT");
});

test("deep recursion stops with a stack overflow error", async () => {
  const error = await expectStopped("function f(n) {\n  return f(n + 1) + 1;\n}\nf(0);");
  expect(error.code).toBe("SYNC_ERR_SCRIPT_RUNTIME");
  expect(error.details).toMatchObject({ message: "InternalError: stack overflow", line: 2 });
});

test("deeply nested code is a syntax error, not a crash", async () => {
  // The QuickJS parser can exhaust the thread's native stack before its own check fires.
  const result = await runner.checkSyntax("var x = " + "[".repeat(100_000) + ";");
  expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^SyntaxError/) });
  await expect(runner.checkSyntax("var x = [[1]];")).resolves.toEqual({ ok: true });
});

test("deeply nested JSON is a stack overflow error, and the next script runs", async () => {
  const error = await expectStopped(`JSON.parse("${"[".repeat(100_000)}");`, memoryRunner);
  expect(error.code).toBe("SYNC_ERR_SCRIPT_RUNTIME");
  expect(error.details).toMatchObject({ message: expect.stringMatching(/stack overflow/) });
  const { replica } = await runOutgoing("replica.summary = 'next';", memoryRunner);
  expect(replica?.summary).toBe("next");
});

test("a deeply nested result stops with a stack overflow error", async () => {
  const script = [
    "var deep = {};",
    "for (var i = 0; i < 100000; i++) deep = { next: deep };",
    "replica.customFields.deep = deep;",
  ].join("\n");
  const error = await expectStopped(script, memoryRunner);
  expect(error.code).toBe("SYNC_ERR_SCRIPT_RUNTIME");
  expect(error.details).toMatchObject({ message: "InternalError: stack overflow" });
});

test("a catastrophically backtracking regular expression is interrupted", async () => {
  const error = await expectStopped(`/(a+)+$/.test("${"a".repeat(40)}b");`);
  expect(error.code).toBe("SYNC_ERR_SCRIPT_TIMEOUT");
});

test.each([
  ["typed-array bomb", "var a = [];\nfor (;;) a.push(new Uint8Array(1e6));"],
  ["string bomb", "var a = [];\nfor (var i = 0; ; i++) a.push(('y' + i).repeat(2e5));"],
  ["object bomb", "var a = [];\nfor (var i = 0; ; i++) a.push({ i: i, s: 'x' + i });"],
  ["array buffer bomb", "var a = [];\nfor (;;) a.push(new ArrayBuffer(8e6));"],
])("a %s stops with a memory error", async (_name, script) => {
  const error = await expectStopped(script, memoryRunner);
  expect(error.code).toBe("SYNC_ERR_SCRIPT_MEMORY");
});

test("a huge replica built within the limits is refused as a memory error, not a crash", async () => {
  const error = await expectStopped(
    "replica.description = 'x'.repeat(40 * 1024 * 1024);",
    memoryRunner,
  );
  expect(error.code).toBe("SYNC_ERR_SCRIPT_MEMORY");
});

test("the pool keeps serving after every kind of failure", async () => {
  const failures = [
    "while (true) {}",
    "function f() { return f() + 1; } f();",
    "var a = []; for (;;) a.push(new Uint8Array(1e6));",
    "throw new Error('boom');",
  ];
  for (const script of failures) {
    await expect(runOutgoing(script)).rejects.toThrow();
    const { replica } = await runOutgoing("replica.summary = workItem.summary;");
    expect(replica?.summary).toBe("Login fails on Safari");
  }
});

test("the host kills a worker that overruns its deadline, and the pool replaces it", async () => {
  // A kill grace of 0 ms makes the host abort before the interrupt fires: the last resort path.
  const killing = startTestRunner({ timeoutMs: 1500, killGraceMs: 0, threads: 1 });
  try {
    const error = await syncErrorOf(() =>
      killing.runOutgoing({
        script: "while (true) {}",
        workItem: sampleWorkItem(),
        context: sampleContext(),
      }),
    );
    expect(error.code).toBe("SYNC_ERR_SCRIPT_TIMEOUT");
    expect(error.message).toMatch(/worker was stopped/);
    const { replica } = await killing.runOutgoing({
      script: "replica.summary = 'after kill';",
      workItem: sampleWorkItem(),
      context: sampleContext(),
    });
    expect(replica?.summary).toBe("after kill");
  } finally {
    await killing.close();
  }
});
