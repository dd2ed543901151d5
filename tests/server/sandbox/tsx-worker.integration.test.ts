/**
 * The worker entry loads under `tsx` (how `npm run node` runs the sync node) as well as under
 * jest (every other sandbox test): a child process runs the default scripts through the pool.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(__dirname, "..", "..", "..");

test("the script pool works in a tsx child process", async () => {
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const { stdout } = await run(tsx, [join(__dirname, "fixtures", "sandbox-smoke.ts")], {
    cwd: root,
    timeout: 100_000,
  });
  const result = JSON.parse(stdout.trim()) as {
    summary: string;
    loop: string;
    changes: { create: unknown; patch: unknown[]; comments: unknown[] };
  };
  expect(result.summary).toBe("Login fails on Safari");
  expect(result.loop).toBe("SYNC_ERR_SCRIPT_TIMEOUT");
  expect(result.changes.create).toEqual({ projectKey: "Beta", type: "Bug" });
  expect(result.changes.patch).toContainEqual({
    op: "add",
    path: "/fields/System.Title",
    value: "Login fails on Safari",
  });
  expect(result.changes.comments).toHaveLength(1);
}, 120_000); // two tsx start-ups (process and worker) are slow on a cold cache
