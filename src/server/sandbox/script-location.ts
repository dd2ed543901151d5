/**
 * Wrapping a user script for QuickJS and finding error locations in the user's own lines.
 * The script runs as a function body (so a top-level `return` ends it early, as in Exalate
 * scripts); the wrapper adds exactly one line before it, which locations subtract again.
 */

/** Text before the user's script: one line, so user line N is wrapped line N + 1. */
const WRAPPER_PREFIX = "(function () {\n";
/** Text after the user's script; its own line so that a trailing `//` comment cannot eat it. */
const WRAPPER_SUFFIX = "\n})();";
/** Lines the prefix adds. */
const PREFIX_LINES = 1;

/** The code QuickJS evaluates for `script`. */
export function wrapScript(script: string): string {
  return WRAPPER_PREFIX + script + WRAPPER_SUFFIX;
}

/** The file name QuickJS reports for a script, e.g. "outgoing.js". */
export function scriptFileName(kind: string): string {
  return `${kind}.js`;
}

/** A 1-based position in the user's script. */
export interface ScriptPosition {
  line: number;
  column: number | null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Finds the first stack frame in `fileName` (QuickJS frames look like `at f (incoming.js:3:7)`
 * or, for syntax errors, `at incoming.js:3:7`) and maps it to the user's script. Frames in
 * the helpers are skipped, so an error inside a helper points at the line that called it.
 * Positions past the script's end (an unclosed brace reported at the wrapper's last line) are
 * clamped to the last line. Returns null when no frame is in the script.
 */
export function locateInScript(
  stack: string,
  fileName: string,
  script: string,
): ScriptPosition | null {
  const match = new RegExp(`${escapeRegExp(fileName)}:(\\d+)(?::(\\d+))?`).exec(stack);
  if (!match) return null;
  const lineCount = script.split("\n").length;
  const wrappedLine = Number(match[1]);
  const column = match[2] === undefined ? null : Number(match[2]);
  const line = wrappedLine - PREFIX_LINES;
  if (line < 1) return { line: 1, column: null };
  if (line > lineCount) return { line: lineCount, column: null };
  return { line, column };
}
