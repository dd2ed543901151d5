/**
 * Turning what a QuickJS script threw into a catalogued failure (runs in the script worker).
 * QuickJS reports its limits as uncatchable or internal errors: `InternalError: interrupted`
 * (the deadline interrupt), `InternalError: out of memory` (heap limit or the fixed wasm
 * memory), `InternalError: stack overflow` (setMaxStackSize). Checked in
 * tests/server/sandbox/limits.integration.test.ts.
 */
import { locateInScript, scriptFileName } from "./script-location";
import type { ScriptFailure, ScriptFailureCode } from "./script-task";

/** A thrown value after `context.dump`: an Error's fields, or any other thrown value. */
export type SandboxError =
  | { name?: unknown; message?: unknown; stack?: unknown; path?: unknown }
  | string
  | number
  | boolean
  | null
  | undefined;

/** Longest error message kept (a thrown megabyte string is not an error message). */
const MAX_MESSAGE_LENGTH = 2000;

function codeFor(name: string, message: string): ScriptFailureCode {
  if (name === "ScriptResultError") return "SYNC_ERR_SCRIPT_RESULT";
  if (name === "SyntaxError") return "SYNC_ERR_SCRIPT_SYNTAX";
  if (name === "InternalError" && message === "interrupted") return "SYNC_ERR_SCRIPT_TIMEOUT";
  if (name === "InternalError" && message === "out of memory") return "SYNC_ERR_SCRIPT_MEMORY";
  return "SYNC_ERR_SCRIPT_RUNTIME";
}

function thrownText(thrown: SandboxError): string {
  if (typeof thrown === "string") return thrown;
  try {
    return JSON.stringify(thrown) ?? String(thrown);
  } catch {
    return String(thrown);
  }
}

/**
 * The failure for a value the script (or a helper it called) threw. A SyntaxError thrown
 * while running (e.g. by `JSON.parse`) counts as a runtime error; the caller marks
 * compile-time failures as syntax errors. Line and column are in the user's script.
 * @param kind "outgoing", "incoming" or "script" (syntax check): names the script's file
 */
export function failureFromError(
  thrown: SandboxError,
  script: string,
  kind: string,
): ScriptFailure {
  const isError = typeof thrown === "object" && thrown !== null;
  const name = isError && typeof thrown.name === "string" ? thrown.name : "";
  const rawMessage = isError && typeof thrown.message === "string" ? thrown.message : "";
  const stack = isError && typeof thrown.stack === "string" ? thrown.stack : "";
  const position = locateInScript(stack, scriptFileName(kind), script);
  let code = codeFor(name, rawMessage);
  if (code === "SYNC_ERR_SCRIPT_SYNTAX" && !isCompileError(stack, kind))
    code = "SYNC_ERR_SCRIPT_RUNTIME";
  const message =
    code === "SYNC_ERR_SCRIPT_RESULT"
      ? rawMessage
      : isError && name
        ? `${name}: ${rawMessage}`
        : `Uncaught ${thrownText(thrown)}`;
  const failure: ScriptFailure = {
    code,
    message: message.slice(0, MAX_MESSAGE_LENGTH),
    line: position?.line ?? null,
    column: position?.column ?? null,
  };
  if (isError && typeof thrown.path === "string") failure.path = thrown.path;
  return failure;
}

/** A compile error's stack is a bare location (`at outgoing.js:3:7`), not a call frame. */
function isCompileError(stack: string, kind: string): boolean {
  const firstFrame = stack.trimStart().split("\n")[0] ?? "";
  return firstFrame.startsWith(`at ${scriptFileName(kind)}:`);
}
