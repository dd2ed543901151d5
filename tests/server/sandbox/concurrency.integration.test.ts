/** Many scripts at once on a 2-thread pool: each result belongs to its own input. */
import type { ScriptRunner } from "../../../src/server/sandbox/script-runner";
import { sampleContext, sampleWorkItem, startTestRunner, syncErrorOf } from "./sandbox-fixtures";

let runner: ScriptRunner;
beforeAll(() => {
  // 5 s: long enough that the memory bomb below always hits the memory limit first.
  runner = startTestRunner({ threads: 2, timeoutMs: 5000 });
});
afterAll(() => runner.close());

const MAPPING =
  "replica.summary = workItem.summary + ' #' + workItem.id;\nreplica.priority = workItem.priority;";

test("twenty mapping scripts at once each return their own work item's replica", async () => {
  const ids = Array.from({ length: 20 }, (_, index) => index + 1);
  const results = await Promise.all(
    ids.map((id) =>
      runner.runOutgoing({
        script: MAPPING,
        workItem: sampleWorkItem({
          id,
          key: String(id),
          summary: `Item ${id}`,
          priority: (id % 4) + 1,
        }),
        context: sampleContext(),
      }),
    ),
  );
  results.forEach(({ replica }, index) => {
    const id = ids[index];
    expect(replica).toMatchObject({
      key: String(id),
      summary: `Item ${id} #${id}`,
      priority: (id % 4) + 1,
    });
  });
});

test("failures running alongside good scripts do not disturb them", async () => {
  const run = (script: string, id: number) =>
    runner.runOutgoing({
      script,
      workItem: sampleWorkItem({ id, key: String(id) }),
      context: sampleContext(),
    });
  const [loop, bomb, good1, thrower, good2, good3] = await Promise.allSettled([
    run("while (true) {}", 1),
    run("var a = []; for (;;) a.push(new Uint8Array(1e6));", 2),
    run(MAPPING, 3),
    run("throw new Error('bad ' + workItem.id);", 4),
    run(MAPPING, 5),
    run(MAPPING, 6),
  ]);
  expect(loop).toMatchObject({ status: "rejected", reason: { code: "SYNC_ERR_SCRIPT_TIMEOUT" } });
  expect(bomb).toMatchObject({ status: "rejected", reason: { code: "SYNC_ERR_SCRIPT_MEMORY" } });
  expect(thrower).toMatchObject({
    status: "rejected",
    reason: { details: { message: "Error: bad 4" } },
  });
  for (const [result, id] of [
    [good1, 3],
    [good2, 5],
    [good3, 6],
  ] as const) {
    expect(result).toMatchObject({ status: "fulfilled", value: { replica: { key: String(id) } } });
  }
});

test("queued scripts are not killed for time spent waiting behind slow ones", async () => {
  // Two loops occupy both threads for the whole time limit; the good scripts wait, then run.
  const slow = () =>
    syncErrorOf(() =>
      runner.runOutgoing({
        script: "while (true) {}",
        workItem: sampleWorkItem(),
        context: sampleContext(),
      }),
    );
  const good = () =>
    runner.runOutgoing({ script: MAPPING, workItem: sampleWorkItem(), context: sampleContext() });
  const [first, second, ...rest] = await Promise.all([slow(), slow(), good(), good(), good()]);
  expect([first.code, second.code]).toEqual(["SYNC_ERR_SCRIPT_TIMEOUT", "SYNC_ERR_SCRIPT_TIMEOUT"]);
  for (const result of rest) expect(result.replica?.summary).toBe("Login fails on Safari #42");
});
