/**
 * Runs one sync node as a child process, exactly as `npm run node` does
 * (`tsx src/server/main.ts` with its configuration in the environment), and stops it cleanly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
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
 * After Ctrl-C, how long a node may take to exit by itself before it is sent SIGTERM, in ms.
 * (3000: a node with nothing in flight exits within a second; one still draining gets SIGTERM,
 * and one that never saw the signal, when only the dev host was signalled, waits only this.)
 */
const SIGNALLED_WAIT_MS = 3_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
/** Grace period between SIGTERM and SIGKILL on stop, in ms (the node drains its queues). */
const STOP_GRACE_MS = 10_000;

/** A started sync node. */
export interface SyncNodeProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  child: ChildProcess;
  /**
   * Stops the node: SIGTERM, then SIGKILL after a grace period. Resolves when it exited.
   * @param signalled the node probably got a signal already (Ctrl-C reaches the whole process
   *   group): give it `SIGNALLED_WAIT_MS` to exit on its own before sending SIGTERM, as a
   *   second signal makes it skip its graceful shutdown
   */
  stop(signalled?: boolean): Promise<void>;
}

/** Options of one node. */
export interface SyncNodeOptions {
  root: string;
  /** Label in the log lines, e.g. "contoso node". */
  label: string;
  port: number;
  /** Environment of the node (PUBLIC_URL, DATABASE_URL, AZDO_*, ...), added to ours. */
  env: Record<string, string>;
  log: (line: string) => void;
}

/** The node's entry point; absent until the sync node is built. */
export function syncNodeEntry(root: string): string {
  return path.join(root, "src/server/main.ts");
}

/** True when this checkout has a sync node to start. */
export function syncNodeAvailable(root: string): boolean {
  return existsSync(syncNodeEntry(root));
}

/**
 * Starts a node and waits until `GET /health` answers 200.
 * @throws Error when it exits early or is not healthy within `READY_TIMEOUT_MS`
 */
export async function startSyncNode(options: SyncNodeOptions): Promise<SyncNodeProcess> {
  const tsx = require.resolve("tsx/cli", { paths: [options.root] });
  const child = spawn(process.execPath, [tsx, syncNodeEntry(options.root)], {
    cwd: options.root,
    env: { ...process.env, PORT: String(options.port), HOST: "127.0.0.1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
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
    async stop(signalled = false) {
      const running = () => child.exitCode === null && child.signalCode === null;
      if (!running()) return;
      if (signalled) await Promise.race([exited, sleep(SIGNALLED_WAIT_MS)]);
      if (!running()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  await waitHealthy(url, child).catch(async (error: unknown) => {
    await node.stop();
    throw error;
  });
  return node;
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The sync node at ${url} exited with code ${child.exitCode}.`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new Error(`The sync node at ${url} did not become healthy within ${READY_TIMEOUT_MS} ms.`);
}
