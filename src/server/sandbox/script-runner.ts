/**
 * The script runner: runs outgoing and incoming scripts in a piscina pool of worker threads,
 * each with its own bounded QuickJS module (script-worker.ts; docs/architecture.md#trust-model:
 * no I/O, a time limit, a fixed memory cap and a stack limit, off the HTTP event loop). Scripts
 * take JSON and give JSON. A host-side AbortController kills a worker that overruns its deadline by
 * a grace period (a last resort: the QuickJS interrupt normally stops the script first);
 * piscina then replaces the worker, so the pool keeps serving.
 */
import { join } from "node:path";
import { MessageChannel } from "node:worker_threads";

import { Piscina } from "piscina";

import {
  emptyReplicaBody,
  emptyScriptWorkItem,
  type Replica,
  type ScriptContext,
  type ScriptWorkItem,
} from "../../shared/contracts/replica";
import { SyncError } from "../../shared/errors";
import { replicaFromOutput, scriptError, workItemFromOutput } from "./script-output";
import type { ScriptKind, ScriptLimits, ScriptTask, ScriptTaskResult } from "./script-task";

/** Pool and limit settings; every field has a default. */
export interface ScriptRunnerOptions {
  /** Worker threads (default 2: scripts are short; more threads cost ~70 MiB each). */
  threads?: number;
  /** Time limit per script run in ms (default 2000: mapping scripts take a few ms). */
  timeoutMs?: number;
  /** QuickJS heap limit per run in bytes (default 48 MiB, below the 64 MiB wasm cap). */
  memoryLimitBytes?: number;
  /** Each worker's fixed wasm memory cap in bytes (default 64 MiB). */
  wasmMemoryBytes?: number;
  /** QuickJS stack limit in bytes (default and maximum 256 KiB; larger values are capped). */
  maxStackBytes?: number;
  /**
   * Extra time after `timeoutMs` before the host kills the worker thread (default 3000 ms:
   * the interrupt is polled every ~10k operations, and a helper call like stripHtml on a huge
   * string is not interruptible; killing costs a worker restart of ~100 ms).
   */
  killGraceMs?: number;
}

/** Input of an outgoing script run. */
export interface RunOutgoingInput {
  script: string;
  /** The local work item (`workItem` in the script). */
  workItem: ScriptWorkItem;
  context: ScriptContext;
}

/** Result of an outgoing run: the replica to send, or null when the script set nothing. */
export interface RunOutgoingResult {
  replica: Replica | null;
  /** Problems the run survived and console output of the script, for the sync history. */
  warnings: string[];
}

/** Input of an incoming script run. */
export interface RunIncomingInput {
  script: string;
  /** The replica received from the other side (`replica` in the script). */
  replica: Replica;
  /** The local twin; on first sync omit it (or pass `emptyScriptWorkItem()`). */
  workItem?: ScriptWorkItem;
  firstSync: boolean;
  context: ScriptContext;
}

/** Result of an incoming run: the work item as the script left it (diff it with `diffWorkItem`). */
export interface RunIncomingResult {
  workItem: ScriptWorkItem;
  warnings: string[];
}

/** Result of `checkSyntax`: line and column are 1-based, in the user's script. */
export type SyntaxCheckResult =
  { ok: true } | { ok: false; line: number | null; column: number | null; message: string };

/** A running script pool. */
export interface ScriptRunner {
  /**
   * Runs an outgoing script: `workItem` in, `replica` out.
   * @throws SyncError SYNC_ERR_SCRIPT_SYNTAX | _RUNTIME | _TIMEOUT | _MEMORY | _RESULT
   */
  runOutgoing(input: RunOutgoingInput): Promise<RunOutgoingResult>;
  /**
   * Runs an incoming script: `replica` and `workItem` in, the changed `workItem` out.
   * @throws SyncError SYNC_ERR_SCRIPT_SYNTAX | _RUNTIME | _TIMEOUT | _MEMORY | _RESULT
   */
  runIncoming(input: RunIncomingInput): Promise<RunIncomingResult>;
  /**
   * Compiles a script without running it (for the script editor's save).
   * @throws SyncError SYNC_ERR_SCRIPT_TIMEOUT | _MEMORY for pathological scripts
   */
  checkSyntax(script: string): Promise<SyntaxCheckResult>;
  /** Stops the worker threads (waits for running scripts). */
  close(): Promise<void>;
}

/**
 * Highest stack limit accepted: above 256 KiB, deep recursion can overflow the wasm stack
 * itself instead of raising a catchable QuickJS error (justjake/quickjs-emscripten#60).
 */
const MAX_STACK_BYTES = 256 * 1024;

const DEFAULTS: Required<ScriptRunnerOptions> = {
  threads: 2,
  timeoutMs: 2000,
  memoryLimitBytes: 48 * 1024 * 1024,
  wasmMemoryBytes: 64 * 1024 * 1024,
  maxStackBytes: MAX_STACK_BYTES,
  killGraceMs: 3000,
};

/** Where piscina loads workers from (a .cjs entry that loads the TypeScript worker via tsx). */
export const SCRIPT_WORKER_ENTRY = join(__dirname, "script-worker-entry.cjs");

/** Starts a script runner with its own worker pool. Close it when done. */
export function createScriptRunner(options: ScriptRunnerOptions = {}): ScriptRunner {
  return new PooledScriptRunner({ ...DEFAULTS, ...options });
}

/** The piscina pool of script workers, each with its own fixed wasm memory. */
function startPool(settings: Required<ScriptRunnerOptions>) {
  return new Piscina<ScriptTask, ScriptTaskResult>({
    filename: SCRIPT_WORKER_ENTRY,
    minThreads: settings.threads,
    maxThreads: settings.threads,
    execArgv: [], // the entry loads TypeScript itself; tsx's inherited loader flags only slow start
    concurrentTasksPerWorker: 1, // one QuickJS runtime at a time shares the worker's fixed memory
    workerData: { wasmMemoryBytes: settings.wasmMemoryBytes },
  });
}

class PooledScriptRunner implements ScriptRunner {
  private readonly pool: Piscina<ScriptTask, ScriptTaskResult>;
  private readonly limits: ScriptLimits;
  private readonly killAfterMs: number;

  constructor(settings: Required<ScriptRunnerOptions>) {
    this.pool = startPool(settings);
    this.limits = {
      timeoutMs: settings.timeoutMs,
      memoryLimitBytes: settings.memoryLimitBytes,
      maxStackBytes: Math.min(settings.maxStackBytes, MAX_STACK_BYTES),
    };
    this.killAfterMs = settings.timeoutMs + settings.killGraceMs;
  }

  async runOutgoing({ script, workItem, context }: RunOutgoingInput): Promise<RunOutgoingResult> {
    const replica = emptyReplicaBody(); // containers exist: replica.customFields["x"] = ... works
    const input = JSON.stringify({ workItem, replica, firstSync: false, context });
    const output = await this.execute({ op: "run", kind: "outgoing", script, input }, "outgoing");
    const key = workItem.key ?? String(workItem.id);
    return {
      replica: replicaFromOutput(output.value, key, output.warnings),
      warnings: output.warnings,
    };
  }

  async runIncoming(run: RunIncomingInput): Promise<RunIncomingResult> {
    const before = run.workItem ?? emptyScriptWorkItem();
    const input = JSON.stringify({
      workItem: before,
      replica: run.replica,
      firstSync: run.firstSync,
      context: run.context,
    });
    const task = { op: "run", kind: "incoming", script: run.script, input } as const;
    const output = await this.execute(task, "incoming");
    return {
      workItem: workItemFromOutput(output.value, before, output.warnings),
      warnings: output.warnings,
    };
  }

  async checkSyntax(script: string): Promise<SyntaxCheckResult> {
    try {
      await this.execute({ op: "check", script }, null);
      return { ok: true };
    } catch (error) {
      if (!(error instanceof SyncError) || error.code !== "SYNC_ERR_SCRIPT_SYNTAX") throw error;
      const { line, column, message } = error.details as Omit<
        Extract<SyntaxCheckResult, { ok: false }>,
        "ok"
      >;
      return { ok: false, line, column, message };
    }
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }

  private execute(task: DistributiveOmit<ScriptTask, "limits">, kind: ScriptKind | null) {
    const withLimits = { ...task, limits: this.limits } as ScriptTask;
    return executeTask(this.pool, withLimits, kind, this.killAfterMs);
  }
}

/** `Omit` applied to each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Output of a successful run: the script's value and its console lines as warnings. */
interface RunOutput {
  value: unknown;
  warnings: string[];
}

/**
 * Runs a task in the pool. The kill timer starts when a worker picks the task up (the worker
 * reports it on a MessageChannel), so time spent queued behind other scripts never counts.
 */
async function executeTask(
  pool: Piscina<ScriptTask, ScriptTaskResult>,
  task: ScriptTask,
  kind: ScriptKind | null,
  killAfterMs: number,
): Promise<RunOutput> {
  const controller = new AbortController();
  const started = new MessageChannel();
  let timer: NodeJS.Timeout | undefined;
  started.port1.on("message", () => {
    timer = setTimeout(() => controller.abort(), killAfterMs);
  });
  let result: ScriptTaskResult;
  try {
    result = await pool.run(
      { ...task, startedPort: started.port2 },
      { signal: controller.signal, transferList: [started.port2] },
    );
  } catch (error) {
    throw poolError(error, controller.signal.aborted, kind, killAfterMs);
  } finally {
    clearTimeout(timer);
    started.port1.close();
  }
  if (!result.ok) throw scriptError(result.failure, kind);
  return parseOutput(result.output, kind);
}

/**
 * The worker's `{ value, logs }` JSON text. The sandbox produces it, but a script can tamper
 * with the built-ins it uses, so it is parsed defensively: anything else is a result error.
 */
function parseOutput(output: string, kind: ScriptKind | null): RunOutput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(output);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || !("value" in parsed)) {
    const message = "The script's result could not be read as JSON.";
    throw scriptError({ code: "SYNC_ERR_SCRIPT_RESULT", message, line: null, column: null }, kind);
  }
  const logs = (parsed as { logs?: unknown }).logs;
  const warnings = Array.isArray(logs) ? logs.filter((line) => typeof line === "string") : [];
  return { value: (parsed as { value: unknown }).value, warnings };
}

/** The error for a task the pool rejected: a host kill (timeout) or a pool failure. */
function poolError(
  error: unknown,
  killed: boolean,
  kind: ScriptKind | null,
  killAfterMs: number,
): SyncError {
  if (killed) {
    const message = `The script did not stop at its time limit; its worker was stopped after ${killAfterMs} ms.`;
    return scriptError(
      { code: "SYNC_ERR_SCRIPT_TIMEOUT", message, line: null, column: null },
      kind,
    );
  }
  return new SyncError("SYNC_ERR_INTERNAL", "The script pool failed.", {
    cause: error instanceof Error ? error.message : String(error),
  });
}
