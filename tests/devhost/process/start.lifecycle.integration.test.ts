/**
 * `npm start` as a person runs it (src/devhost/start.ts in a child process): it prints both
 * organizations' URLs last, with the sync nodes' logs in files, serves the hub page and both
 * sync nodes, stops every child on SIGINT and SIGTERM with exit code 0, a second start keeps the
 * data (emulator and extension data), and a `kill -9` of the dev host leaves no sync node behind.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
/**
 * Start-up budget: hub build when stale (about a minute) plus two node children, which may take
 * up to 3 minutes each on a loaded machine (process/sync-node-process.ts). Not a timing assertion.
 */
const START_TIMEOUT_MS = 400_000;
/** How long orphaned sync nodes may take to notice and stop (a bound, not a speed check). */
const ORPHAN_STOP_BOUND_MS = 60_000;
/** The last line of `npm start`'s start-up output. */
const LAST_LINE = "Ctrl-C stops everything; data stays in the data folder.";

interface Started {
  child: ChildProcess;
  output: () => string;
  /** Everything printed until the URL table was complete. */
  startOutput: string;
  urls: {
    contosoHub: string;
    contosoBoards: string;
    contosoEmulator: string;
    contosoNode: string;
    contosoNodeLog: string;
    fabrikamEmulator: string;
    fabrikamNode: string;
    fabrikamNodeLog: string;
  };
}

function start(dataDir: string): Promise<Started> {
  const tsx = require.resolve("tsx/cli", { paths: [ROOT] });
  const child = spawn(
    process.execPath,
    [tsx, "src/devhost/start.ts", "--base-port", "0", "--data-dir", dataDir],
    {
      cwd: ROOT,
      // info: the node log files record the shutdown.
      env: { ...process.env, LOG_LEVEL: "info" },
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
      if (!output.includes(LAST_LINE)) return;
      clearInterval(poll);
      clearTimeout(timer);
      child.removeAllListeners("exit");
      const find = (org: string, label: string) =>
        new RegExp(`${org}[\\s\\S]*?${label}\\s+(\\S+)`).exec(output)?.[1] ?? "";
      resolve({
        child,
        output: () => output,
        startOutput: output,
        urls: {
          contosoHub: find("contoso", "Exalate settings"),
          contosoBoards: find("contoso", "Boards"),
          contosoEmulator: find("contoso", "Emulator"),
          contosoNode: find("contoso", "Sync node"),
          contosoNodeLog: find("contoso", "Sync node log"),
          fabrikamEmulator: find("fabrikam", "Emulator"),
          fabrikamNode: find("fabrikam", "Sync node"),
          fabrikamNodeLog: find("fabrikam", "Sync node log"),
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

/** One row of `ps`: a process, its parent and its state (Z: a zombie, exited). */
interface ProcessRow {
  pid: number;
  ppid: number;
  state: string;
  args: string;
}

function processes(): ProcessRow[] {
  return execFileSync("ps", ["-A", "-o", "pid=,ppid=,stat=,args="])
    .toString()
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), state: m[3]!, args: m[4]! }));
}

/** Processes started, directly or not, by `pid`. */
function descendants(pid: number): ProcessRow[] {
  const all = processes();
  const found: ProcessRow[] = [];
  const parents = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
  }
  return found;
}

/** True while `pid` runs (a zombie, exited but not yet reaped, does not count). */
function alive(pid: number): boolean {
  const row = processes().find((p) => p.pid === pid);
  return row !== undefined && !row.state.startsWith("Z");
}

/** Polls until none of `pids` runs; false when some still run after `boundMs`. */
async function allGone(pids: number[], boundMs: number): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    if (!pids.some(alive)) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return !pids.some(alive);
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
    // The URL table comes last; the nodes' JSON logs go to files, not between its lines.
    expect(first.startOutput.trimEnd().endsWith(LAST_LINE)).toBe(true);
    expect(first.startOutput).not.toMatch(/"level":/);
    expect(first.urls.contosoEmulator).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/contoso$/);
    expect(first.urls.fabrikamEmulator).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fabrikam$/);
    const contosoLog = path.resolve(ROOT, first.urls.contosoNodeLog);
    const fabrikamLog = path.resolve(ROOT, first.urls.fabrikamNodeLog);
    expect(contosoLog).toBe(path.join(dataDir, "logs", "contoso-node.log"));
    expect(fabrikamLog).toBe(path.join(dataDir, "logs", "fabrikam-node.log"));
    // The emulator answers (without a credential: 401).
    expect((await fetch(`${first.urls.contosoEmulator}/_apis/projects`)).status).toBe(401);
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
    expect(first.output().trimEnd().endsWith("Stopped.")).toBe(true);
    // Each node shut down gracefully on its one signal; none was forced by a second one.
    expect(first.output()).not.toMatch(/second SIG/);
    for (const log of [contosoLog, fabrikamLog]) {
      const text = readFileSync(log, "utf8");
      expect(text).toContain('"msg":"shutting down"');
      expect(text).not.toMatch(/second SIG|killed by timeout/);
    }
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

it(
  "leaves no sync node running when the dev host is killed with SIGKILL",
  async () => {
    const started = await start(dataDir);
    const nodes = descendants(started.child.pid!).filter((p) => p.args.includes("sync-node-entry"));
    expect(nodes).toHaveLength(2);
    // The process running start.ts, parent of both nodes (under the tsx command's process).
    const devHost = nodes[0]!.ppid;
    expect(nodes[1]!.ppid).toBe(devHost);
    expect(existsSync(path.join(dataDir, "logs", "contoso-node.log"))).toBe(true);

    const exited = new Promise((resolve) => started.child.once("exit", resolve));
    process.kill(devHost, "SIGKILL");
    await exited;

    const gone = await allGone(
      nodes.map((n) => n.pid),
      ORPHAN_STOP_BOUND_MS,
    );
    // Do not leave them running when they did not stop.
    for (const node of nodes) if (alive(node.pid)) process.kill(node.pid, "SIGKILL");
    expect(gone).toBe(true);
    expect(await reachable(`${started.urls.contosoNode}/health`)).toBe(false);
    expect(await reachable(`${started.urls.fabrikamNode}/health`)).toBe(false);
  },
  START_TIMEOUT_MS + 2 * ORPHAN_STOP_BOUND_MS,
);
