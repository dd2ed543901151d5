/**
 * `npm start` as a person runs it (src/devhost/start.ts in a child process): it prints both
 * organizations' URLs, serves the hub page and both sync nodes, stops every child on SIGINT and
 * SIGTERM with exit code 0, and a second start keeps the data (emulator and extension data).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
/**
 * Start-up budget: hub build when stale (about a minute) plus two node children, which may take
 * up to 3 minutes each on a loaded machine (node-process.ts). Not a timing assertion.
 */
const START_TIMEOUT_MS = 400_000;

interface Started {
  child: ChildProcess;
  output: () => string;
  urls: { contosoHub: string; contosoBoards: string; contosoNode: string; fabrikamNode: string };
}

function start(dataDir: string): Promise<Started> {
  const tsx = require.resolve("tsx/cli", { paths: [ROOT] });
  const child = spawn(
    process.execPath,
    [tsx, "src/devhost/start.ts", "--base-port", "0", "--data-dir", dataDir],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, as in a terminal, so a Ctrl-C can be sent to all of it.
      detached: true,
    },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(error);
    };
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      fail(new Error(`npm start did not come up:\n${output}`));
    }, START_TIMEOUT_MS);
    child.once("exit", (code) => fail(new Error(`npm start exited early (${code}):\n${output}`)));
    const poll = setInterval(() => {
      if (!output.includes("Ctrl-C stops everything")) return;
      clearInterval(poll);
      clearTimeout(timer);
      child.removeAllListeners("exit");
      const find = (org: string, label: string) =>
        new RegExp(`${org}[\\s\\S]*?${label}\\s+(\\S+)`).exec(output)?.[1] ?? "";
      resolve({
        child,
        output: () => output,
        urls: {
          contosoHub: find("contoso", "Exalate settings"),
          contosoBoards: find("contoso", "Boards"),
          contosoNode: find("contoso", "sync node"),
          fabrikamNode: find("fabrikam", "sync node"),
        },
      });
    }, 200);
  });
}

/**
 * Stops `npm start`: "ctrl-c" signals the whole process group with SIGINT (the node children
 * get it too, as in a terminal); SIGTERM goes to the dev host only (a process manager).
 */
function stop(child: ChildProcess, how: "ctrl-c" | "SIGTERM"): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    if (how === "ctrl-c") process.kill(-child.pid!, "SIGINT");
    else child.kill("SIGTERM");
  });
}

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "devhost-start-"));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it(
  "starts both organizations, stops every child on SIGINT, and keeps the data for the next start",
  async () => {
    const first = await start(dataDir);
    expect(first.urls.contosoHub).toMatch(/\/contoso\/_settings\/idalko-tools\.exalate\.adnode$/);
    expect((await fetch(first.urls.contosoHub)).status).toBe(200);
    expect(await reachable(`${first.urls.contosoNode}/health`)).toBe(true);
    expect(await reachable(`${first.urls.fabrikamNode}/health`)).toBe(true);
    const created = await fetch(first.urls.contosoBoards.replace(/_boards$/, "_boards/create"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        project: "Alpha",
        type: "Task",
        title: "Survives a restart",
      }).toString(),
      redirect: "manual",
    });
    expect(created.status).toBe(303);

    expect(await stop(first.child, "ctrl-c")).toBe(0);
    expect(first.output()).toContain("Stopped.");
    // Each node shut down on its one signal; none was forced by a second one.
    expect(first.output()).not.toMatch(/second SIG/);
    expect(await reachable(`${first.urls.contosoNode}/health`)).toBe(false);
    expect(await reachable(`${first.urls.fabrikamNode}/health`)).toBe(false);

    const second = await start(dataDir);
    const board = await (await fetch(second.urls.contosoBoards)).text();
    expect(board).toContain("Survives a restart");
    expect(await stop(second.child, "SIGTERM")).toBe(0);
    expect(second.output()).not.toMatch(/second SIG/);
    expect(await reachable(`${second.urls.contosoNode}/health`)).toBe(false);
  },
  3 * START_TIMEOUT_MS,
);
