/**
 * Messages between the script runner (main thread) and its pool workers. Only plain data
 * crosses the thread boundary: scripts take JSON text and give JSON text back, and failures
 * are returned as data (a thrown error would lose its fields in the structured clone).
 */
import type { MessagePort } from "node:worker_threads";

import type { ErrorCode } from "../../shared/errors";

/** Which script runs: the outgoing script (work item -> replica) or the incoming one. */
export const SCRIPT_KINDS = ["outgoing", "incoming"] as const;
export type ScriptKind = (typeof SCRIPT_KINDS)[number];

/** Limits of one script run inside a worker. */
export interface ScriptLimits {
  /** Wall-clock budget of the run in ms; the QuickJS interrupt handler enforces it. */
  timeoutMs: number;
  /** QuickJS runtime heap limit in bytes (below the worker's fixed wasm memory cap). */
  memoryLimitBytes: number;
  /** QuickJS stack limit in bytes (256 KiB or less: see MAX_STACK_BYTES in script-runner.ts). */
  maxStackBytes: number;
}

/**
 * A task for a pool worker. `input` is JSON text: `{ workItem, replica, firstSync, context }`.
 * `startedPort`, when given, receives one message as the worker starts the task: the host's
 * kill timer counts from then, not from when the task was queued.
 */
export type ScriptTask = (
  | { op: "run"; kind: ScriptKind; script: string; input: string; limits: ScriptLimits }
  | { op: "check"; script: string; limits: ScriptLimits }
) & { startedPort?: MessagePort };

/** The script codes a worker can report. */
export type ScriptFailureCode = Extract<
  ErrorCode,
  | "SYNC_ERR_SCRIPT_SYNTAX"
  | "SYNC_ERR_SCRIPT_RUNTIME"
  | "SYNC_ERR_SCRIPT_TIMEOUT"
  | "SYNC_ERR_SCRIPT_MEMORY"
  | "SYNC_ERR_SCRIPT_RESULT"
>;

/** Why a run failed. Line and column are 1-based, in the user's script (not the wrapper). */
export interface ScriptFailure {
  code: ScriptFailureCode;
  /** The error as the script saw it, e.g. "TypeError: cannot read property 'x' of null". */
  message: string;
  line: number | null;
  column: number | null;
  /** For SYNC_ERR_SCRIPT_RESULT: where in the result the non-JSON value is, e.g. "replica.x". */
  path?: string;
}

/** A worker's answer. `output` is JSON text: `{ value, logs }` (see script-helpers.js). */
export type ScriptTaskResult = { ok: true; output: string } | { ok: false; failure: ScriptFailure };
