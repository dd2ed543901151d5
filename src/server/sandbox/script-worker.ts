/**
 * The script worker: a piscina task handler that runs one user script in QuickJS
 * (docs/architecture.md#trust-model). Each worker thread owns one QuickJS wasm module whose
 * WebAssembly.Memory has a FIXED maximum, so no script can grow the worker past it (the QuickJS
 * heap limit alone does not bound strings and typed arrays: justjake/quickjs-emscripten#271).
 * Every run gets a fresh runtime and context with a heap limit, a stack limit and a deadline
 * interrupt. If the wasm module itself fails (an abort, a failed dispose), it is dropped and
 * rebuilt for the next task, so the worker keeps serving. Loaded through script-worker-entry.cjs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import releaseSyncVariant from "@jitl/quickjs-wasmfile-release-sync";
import { workerData } from "piscina";
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSContext,
  type QuickJSHandle,
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
 * comments, small enough that a bomb fails in well under a second (measured: ~0.2-0.4 s).
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
  task.startedPort?.postMessage("started");
  task.startedPort?.close();
  try {
    return evaluateTask(await quickJsModule(), task);
  } catch (error) {
    modulePromise = null; // the wasm instance may be corrupt: start the next task on a new one
    return failed(hostFailure(error, task.op));
  }
}

/** Output of a successful syntax check (nothing ran, so no value and no logs). */
const CHECKED_OUTPUT = JSON.stringify({ value: null, logs: [] });

const failed = (failure: ScriptFailure): ScriptTaskResult => ({ ok: false, failure });

function evaluateTask(module: QuickJSWASMModule, task: ScriptTask): ScriptTaskResult {
  const runtime = module.newRuntime();
  runtime.setMemoryLimit(task.limits.memoryLimitBytes);
  runtime.setMaxStackSize(task.limits.maxStackBytes);
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + task.limits.timeoutMs));
  const context = runtime.newContext();
  // No `finally`: when a host error escapes the wasm code mid-run (e.g. V8's own stack
  // overflow), the runtime's state is inconsistent and disposing it would abort the module;
  // the caller drops the whole module instead.
  const result = evaluateInContext(context, task);
  context.dispose();
  runtime.dispose();
  return result;
}

function evaluateInContext(context: QuickJSContext, task: ScriptTask): ScriptTaskResult {
  const syntaxFailure = compileFailure(
    context,
    task.script,
    task.op === "run" ? task.kind : "script",
  );
  if (syntaxFailure) return failed(syntaxFailure);
  if (task.op === "check") return { ok: true, output: CHECKED_OUTPUT };
  return runScript(context, task);
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
  // Too deeply nested code overflows the parser's stack: that is a syntax problem too.
  return failure.code === "SYNC_ERR_SCRIPT_RUNTIME"
    ? { ...failure, code: "SYNC_ERR_SCRIPT_SYNTAX" }
    : failure;
}

/** Evaluates the helpers, defines the globals from the input, runs the script, collects JSON. */
function runScript(context: QuickJSContext, task: RunTask): ScriptTaskResult {
  const helpers = context.evalCode(HELPERS_SOURCE, "helpers.js");
  if (helpers.error)
    return failed(failureFromError(dumpError(context, helpers.error), "", "helpers"));
  const api = helpers.value;
  const scriptFailure = (thrown: SandboxError) =>
    failed(failureFromError(thrown, task.script, task.kind));
  try {
    const stripHtmlFunction = context.newFunction("stripHtml", (html) =>
      context.newString(stripHtml(context.getString(html))),
    );
    const setup = callApi(context, api, "setup", [
      context.newString(task.input),
      stripHtmlFunction,
    ]);
    if (!setup.ok) return scriptFailure(setup.error);
    const run = context.evalCode(wrapScript(task.script), scriptFileName(task.kind));
    if (run.error) return scriptFailure(dumpError(context, run.error));
    run.value.dispose();
    const collected = callApi(context, api, "collect", [context.newString(task.kind)]);
    return collected.ok
      ? { ok: true, output: collected.text ?? "" }
      : scriptFailure(collected.error);
  } finally {
    api.dispose();
  }
}

type RunTask = Extract<ScriptTask, { op: "run" }>;

/** Result of calling a helpers API function: its string result, or what it threw. */
type ApiCall = { ok: true; text: string | null } | { ok: false; error: SandboxError };

/** Calls `api[name](...args)` and disposes the argument handles. */
function callApi(
  context: QuickJSContext,
  api: QuickJSHandle,
  name: string,
  args: QuickJSHandle[],
): ApiCall {
  const fn = context.getProp(api, name);
  try {
    const result = context.callFunction(fn, context.undefined, ...args);
    if (result.error) return { ok: false, error: dumpError(context, result.error) };
    const text = context.typeof(result.value) === "string" ? context.getString(result.value) : null;
    result.value.dispose();
    return { ok: true, text };
  } finally {
    args.forEach((handle) => handle.dispose());
    fn.dispose();
  }
}

/** The thrown value as plain data, then releases its handle. */
function dumpError(context: QuickJSContext, handle: QuickJSHandle): SandboxError {
  try {
    return context.dump(handle) as SandboxError;
  } finally {
    handle.dispose();
  }
}

/**
 * A failure of the wasm module itself (it is rebuilt). Deeply nested code or data can exhaust
 * the thread's native stack before QuickJS's own stack check fires (the QuickJS parser and
 * JSON.parse recurse with little QuickJS stack per level): V8 then throws a RangeError out of
 * the wasm code. That is reported like QuickJS's stack overflow (a syntax error while
 * compiling); a wasm abort or memory fault as a memory failure.
 */
function hostFailure(error: unknown, op: ScriptTask["op"]): ScriptFailure {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const base = { line: null, column: null };
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return op === "check"
      ? { ...base, code: "SYNC_ERR_SCRIPT_SYNTAX", message: "SyntaxError: too deeply nested" }
      : { ...base, code: "SYNC_ERR_SCRIPT_RUNTIME", message: "InternalError: stack overflow" };
  }
  const memory = /memory|out of bounds|Aborted/i.test(message);
  return {
    ...base,
    code: memory ? "SYNC_ERR_SCRIPT_MEMORY" : "SYNC_ERR_SCRIPT_RUNTIME",
    message: `The script sandbox failed: ${message}`,
  };
}
