/**
 * Runs one sync node as a child process, as `npm run node` does (src/server/main.ts compiled by
 * tsx, its configuration in the environment), and stops it cleanly.
 *
 * The child runs in a process group of its own, so a Ctrl-C in the terminal reaches the dev host
 * only and the dev host stops each node with exactly one SIGTERM. It starts through
 * `sync-node-entry.ts`, which stops the node when the dev host is gone (even after `kill -9`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";

/**
 * How long a node may take to answer `/health` after start, in ms. tsx compiles the node on
 * start: about 15 s on an idle 2-core machine, over a minute when browser tests run beside it.
 * Long enough for a loaded CI machine; a node that is truly stuck still fails the start.
 */
const READY_TIMEOUT_MS = 180_000;
/** Pause between health probes while waiting, in ms. */
const READY_POLL_MS = 250;
/**
 * Grace period between SIGTERM and SIGKILL on stop, in ms: longer than the node's own shutdown
 * limit (10 s to finish in-flight requests, then it exits by itself).
 */
const STOP_GRACE_MS = 15_000;

/** A started sync node. */
export interface SyncNodeProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  child: ChildProcess;
  /** Stops the node: one SIGTERM, then SIGKILL after a grace period. Resolves when it exited. */
  stop(): Promise<void>;
}

/** Options of one node. */
export interface SyncNodeOptions {
  root: string;
  /** Label in the log lines, e.g. "contoso node". */
  label: string;
  port: number;
  /** Environment of the node (PUBLIC_URL, DATABASE_URL, AZDO_*, ...), added to ours. */
  env: Record<string, string>;
  /** Where the node's output lines go, prefixed with the label, unless `logFile` is given. */
  log: (line: string) => void;
  /**
   * File the node writes its output (pino JSON lines, errors) to, appended; its folder is
   * created. Without it the output goes to `log`.
   */
  logFile?: string;
}

/** The node's entry point; absent until the sync node is built. */
export function syncNodeEntry(root: string): string {
  return path.join(root, "src/server/main.ts");
}

/** The dev host's entry for a node child (watches the dev host, then runs `syncNodeEntry`). */
const CHILD_ENTRY = path.join(__dirname, "sync-node-entry.ts");

/** True when this checkout has a sync node to start. */
export function syncNodeAvailable(root: string): boolean {
  return existsSync(syncNodeEntry(root));
}

/**
 * Starts a node and waits until `GET /health` answers 200.
 * @throws Error when it exits early or is not healthy within `READY_TIMEOUT_MS`
 */
export async function startSyncNode(options: SyncNodeOptions): Promise<SyncNodeProcess> {
  const output = openOutput(options.logFile);
  let child: ChildProcess;
  try {
    // `--import tsx` compiles TypeScript in this very process (the tsx command would add a
    // process between the dev host and the node).
    child = spawn(process.execPath, ["--import", "tsx", CHILD_ENTRY, syncNodeEntry(options.root)], {
      cwd: options.root,
      env: { ...process.env, PORT: String(options.port), HOST: "127.0.0.1", ...options.env },
      stdio: ["ignore", output ?? "pipe", output ?? "pipe", "ipc"],
      detached: true,
    });
  } finally {
    // The child has its own copy of the file descriptor.
    if (output !== undefined) closeSync(output);
  }
  const prefix = (data: Buffer) => {
    for (const line of data.toString().split("\n"))
      if (line.trim()) options.log(`[${options.label}] ${line}`);
  };
  child.stdout?.on("data", prefix);
  child.stderr?.on("data", prefix);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const node: SyncNodeProcess = {
    url,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  await waitHealthy(url, child, options.logFile).catch(async (error: unknown) => {
    await node.stop();
    throw error;
  });
  return node;
}

/**
 * Opens `file` for appending (creating its folder) with a line marking this start.
 * @returns its file descriptor, or undefined without a file
 */
function openOutput(file: string | undefined): number | undefined {
  if (file === undefined) return undefined;
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "a");
  writeSync(fd, `--- dev host started this sync node at ${new Date().toISOString()} ---\n`);
  return fd;
}

/** Lines of a node's log file shown when it fails to start. */
const LOG_TAIL_LINES = 20;

/** The last lines of `file` after the newest start marker, for an error message ("" if none). */
function logTail(file: string | undefined): string {
  if (file === undefined || !existsSync(file)) return "";
  const text = readFileSync(file, "utf8");
  const start = text.lastIndexOf("--- dev host started this sync node");
  const lines = text.slice(Math.max(start, 0)).trimEnd().split("\n").slice(-LOG_TAIL_LINES);
  return `\nLast lines of ${file}:\n${lines.join("\n")}`;
}

async function waitHealthy(url: string, child: ChildProcess, logFile?: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The sync node at ${url} exited with code ${child.exitCode}.${logTail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new Error(
    `The sync node at ${url} did not become healthy within ${READY_TIMEOUT_MS} ms.` +
      logTail(logFile),
  );
}
