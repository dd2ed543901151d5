/**
 * Runs a bench helper script (`tsx <script>`) as a child process: waits for the first JSON line
 * it prints on stdout (its URLs), and stops it with SIGTERM (SIGKILL after a grace period).
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
/** A helper has 90 s to print its line: tsx compiles on start and seeding takes seconds. */
const READY_TIMEOUT_MS = 90_000;
/** Grace between SIGTERM and SIGKILL on stop, in ms. */
const STOP_GRACE_MS = 5_000;

/** A started helper and what it printed. */
export interface BenchChild<T> {
  child: ChildProcess;
  /** The parsed first stdout line. */
  ready: T;
  stop(): Promise<void>;
}

/**
 * Starts `tsx <script>` with `env` added to ours.
 * @throws Error when the child exits or prints nothing parsable within READY_TIMEOUT_MS
 */
export function startBenchChild<T>(
  script: string,
  env: Record<string, string>,
): Promise<BenchChild<T>> {
  const tsx = require.resolve("tsx/cli", { paths: [ROOT] });
  const child = spawn(process.execPath, [tsx, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  let stderr = "";
  child.stderr?.on("data", (data: Buffer) => (stderr += data.toString()));
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      void stop().then(() => reject(new Error(`${path.basename(script)}: ${why}\n${stderr}`)));
    };
    const timer = setTimeout(() => fail("not ready in time"), READY_TIMEOUT_MS);
    let out = "";
    child.stdout?.on("data", (data: Buffer) => {
      out += data.toString();
      const line = out.split("\n").find((l) => l.trim().startsWith("{"));
      if (!line || !out.includes("\n")) return;
      clearTimeout(timer);
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      resolve({ child, ready: JSON.parse(line) as T, stop });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(`exited with ${code}`);
    });
  });
}
