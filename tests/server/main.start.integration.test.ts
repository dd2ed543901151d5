/**
 * The node starts with no configuration (a temp DATA_DIR, a free port), answers /health,
 * creates its SQLite file and master key, and exits cleanly on SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
/** tsx compiles on start; on a busy CI machine that alone can take tens of seconds. */
const START_TIMEOUT_MS = 90_000;

/** Resolves with the URL from fastify's "Server listening at" log line. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/[^"\s]+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`node exited early (${code}): ${output}`)));
  });
}

test(
  "npm run node starts with no configuration and stops cleanly on SIGTERM",
  async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "sync-node-start-"));
    const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["src/server/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await listeningUrl(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });
      const info = await (await fetch(`${url}/api/v1/node`)).json();
      expect(info).toMatchObject({ publicUrl: null, organizationUrl: null });
      const unauthenticated = await fetch(`${url}/api/v1/connections`);
      expect(unauthenticated.status).toBe(401);
      expect(existsSync(path.join(dataDir, "node.sqlite"))).toBe(true);
      expect(existsSync(path.join(dataDir, "master.key"))).toBe(true);

      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  START_TIMEOUT_MS + 30_000,
);
