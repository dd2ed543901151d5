/**
 * The script worker: a piscina task handler that runs one user script in QuickJS
 * (stack-notes section 4). Each worker thread owns one QuickJS wasm module whose
 * WebAssembly.Memory has a FIXED maximum, so no script can grow the worker past it (the QuickJS
 * heap limit alone does not bound strings and typed arrays: quickjs-emscripten#271). Every run
 * gets a fresh runtime and context with a heap limit, a stack limit and a deadline interrupt.
 * If the wasm module itself fails (an abort, a failed dispose), it is dropped and rebuilt for
 * the next task, so the worker keeps serving. Loaded through script-worker-entry.cjs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import releaseSyncVariant from "@jitl/quickjs-wasmfile-release-sync";
import { workerData } from "piscina";
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSContext,
  type QuickJSWASMModule,
  shouldInterruptAfterDeadline,
} from "quickjs-emscripten-core";

import { stripHtml } from "./html-text";
import { failureFromError, type SandboxError } from "./script-failure";
import { scriptFileName, wrapScript } from "./script-location";
import type { ScriptFailure, ScriptTask, ScriptTaskResult } from "./script-task";

/** WebAssembly page size (fixed by the wasm spec). */
const WASM_PAGE_BYTES = 64 * 1024;
/**
 * Default cap of a worker's wasm memory: 64 MiB. Big enough for a work item with thousands of
 * comments, small enough that a bomb fails in well under a second (stack-notes: ~0.2-0.4 s).
 */
const DEFAULT_WASM_MEMORY_BYTES = 64 * 1024 * 1024;
/** Initial wasm memory: 16 MiB, what the release build asks for at start. */
const INITIAL_WASM_MEMORY_BYTES = 16 * 1024 * 1024;

/** The helpers' source, evaluated in every context (see script-helpers.js). */
const HELPERS_SOURCE = readFileSync(join(__dirname, "script-helpers.js"), "utf8");

let modulePromise: Promise<QuickJSWASMModule> | null = null;

function wasmMemoryBytes(): number {
  const configured = (workerData as { wasmMemoryBytes?: unknown } | undefined)?.wasmMemoryBytes;
  return typeof configured === "number" ? configured : DEFAULT_WASM_MEMORY_BYTES;
}

/** This worker's QuickJS module with its fixed-size memory (built once, rebuilt after a crash). */
function quickJsModule(): Promise<QuickJSWASMModule> {
  if (!modulePromise) {
    const maximum = Math.ceil(wasmMemoryBytes() / WASM_PAGE_BYTES);
    const initial = Math.min(maximum, INITIAL_WASM_MEMORY_BYTES / WASM_PAGE_BYTES);
    const wasmMemory = new WebAssembly.Memory({ initial, maximum });
    modulePromise = newQuickJSWASMModuleFromVariant(newVariant(releaseSyncVariant, { wasmMemory }));
  }
  return modulePromise;
}

/**
 * Runs one task. Never throws for script problems: they come back as `{ ok: false, failure }`.
 * @param task a syntax check or a run of an outgoing/incoming script
 */
export default async function runScriptTask(task: ScriptTask): Promise<ScriptTaskResult> {
  const module = await quickJsModule();
  try {
    return evaluateTask(module, task);
  } catch (error) {
    modulePromise = null; // the wasm instance may be corrupt: start the next task on a new one
    return { ok: false, failure: hostFailure(error) };
  }
}

function evaluateTask(module: QuickJSWASMModule, task: ScriptTask): ScriptTaskResult {
  const runtime = module.newRuntime();
  runtime.setMemoryLimit(task.limits.memoryLimitBytes);
  runtime.setMaxStackSize(task.limits.maxStackBytes);
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + task.limits.timeoutMs));
  const context = runtime.newContext();
  try {
    const syntaxFailure = compileFailure(
      context,
      task.script,
      task.op === "run" ? task.kind : "script",
    );
    if (syntaxFailure) return { ok: false, failure: syntaxFailure };
    if (task.op === "check") return { ok: true, output: "null" };
    return runScript(context, task);
  } finally {
    context.dispose();
    runtime.dispose();
  }
}

/** Compiles (without running) the wrapped script; a failure is a syntax error in the user's lines. */
function compileFailure(
  context: QuickJSContext,
  script: string,
  kind: string,
): ScriptFailure | null {
  const result = context.evalCode(wrapScript(script), scriptFileName(kind), { compileOnly: true });
  if (!result.error) {
    result.value.dispose();
    return null;
  }
  const failure = failureFromError(dumpError(context, result.error), script, kind);
  return failure.code === "SYNC_ERR_SCRIPT_RUNTIME"
    ? { ...failure, code: "SYNC_ERR_SCRIPT_SYNTAX" }
    : failure;
}

function runScript(
  context: QuickJSContext,
  task: Extract<ScriptTask, { op: "run" }>,
): ScriptTaskResult {
  const api = context.evalCode(HELPERS_SOURCE, "helpers.js");
  if (api.error)
    return { ok: false, failure: failureFromError(dumpError(context, api.error), "", task.kind) };
  try {
    const setupError = callApi(context, api.value, "setup", [task.input], true);
    if (setupError)
      return { ok: false, failure: failureFromError(setupError, task.script, task.kind) };
    const run = context.evalCode(wrapScript(task.script), scriptFileName(task.kind));
    if (run.error) {
      return {
        ok: false,
        failure: failureFromError(dumpError(context, run.error), task.script, task.kind),
      };
    }
    run.value.dispose();
    return collectOutput(context, api.value, task);
  } finally {
    api.value.dispose();
  }
}

function collectOutput(
  context: QuickJSContext,
  api: ReturnType<QuickJSContext["newObject"]>,
  task: Extract<ScriptTask, { op: "run" }>,
): ScriptTaskResult {
  const output: { text?: string } = {};
  const error = callApi(context, api, "collect", [task.kind], false, output);
  if (error) return { ok: false, failure: failureFromError(error, task.script, task.kind) };
  return { ok: true, output: output.text ?? "null" };
}

/**
 * Calls `api[name](...args)` with string arguments (plus the host stripHtml function when
 * `withHost`). Returns the dumped error, or null; a string result goes to `output.text`.
 */
function callApi(
  context: QuickJSContext,
  api: ReturnType<QuickJSContext["newObject"]>,
  name: string,
  args: string[],
  withHost: boolean,
  output: { text?: string } = {},
): SandboxError | null {
  const fn = context.getProp(api, name);
  const handles = args.map((arg) => context.newString(arg));
  if (withHost)
    handles.push(
      context.newFunction("stripHtml", (html) =>
        context.newString(stripHtml(context.getString(html))),
      ),
    );
  try {
    const result = context.callFunction(fn, context.undefined, ...handles);
    if (result.error) return dumpError(context, result.error);
    if (context.typeof(result.value) === "string") output.text = context.getString(result.value);
    result.value.dispose();
    return null;
  } finally {
    handles.forEach((handle) => handle.dispose());
    fn.dispose();
  }
}

/** The thrown value as plain data, then releases its handle. */
function dumpError(context: QuickJSContext, handle: { dispose(): void }): SandboxError {
  try {
    return context.dump(handle as never) as SandboxError;
  } finally {
    handle.dispose();
  }
}

/** A failure of the wasm module itself (it is rebuilt): reported as a memory failure when it is one. */
function hostFailure(error: unknown): ScriptFailure {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const memory = /memory|out of bounds|Aborted/i.test(message);
  return {
    code: memory ? "SYNC_ERR_SCRIPT_MEMORY" : "SYNC_ERR_SCRIPT_RUNTIME",
    message: `The script sandbox failed: ${message}`,
    line: null,
    column: null,
  };
}
