/**
 * What the fake sync node answers (tests/helpers/fake-node): a status and a JSON body or raw
 * text, optionally after a delay. Route answers and test-set failures share this shape.
 */
import type { ConnectionScripts } from "../../../src/shared/contracts";
import { type ErrorCode, ERRORS } from "../../../src/shared/errors";

/**
 * One answer of the fake node, for `fetch` (jsdom) and the loopback server alike.
 * - `status`: the HTTP status;
 * - `body`: sent as JSON (`application/json`); absent with `text`: an empty body;
 * - `text`: sent as is (`text/plain`) instead of `body`, e.g. a proxy's HTML error page;
 * - `delayMs`: wait this long before answering (to run into a client's timeout).
 */
export type Answer = { status: number; body?: unknown; text?: string; delayMs?: number };

/** The node's error body for `code` (catalogue status; its message unless one is given). */
export function errorAnswer(
  code: ErrorCode,
  message?: string,
  details?: Record<string, unknown>,
): Answer {
  const spec = ERRORS[code];
  return {
    status: spec.status,
    body: {
      statusCode: spec.status,
      code,
      error: "Error",
      message: message ?? spec.message,
      ...(details ? { details } : {}),
    },
  };
}

/** A syntax error answer with the node's details (script, 1-based line and column). */
export function syntaxAnswer(
  script: keyof ConnectionScripts,
  line: number,
  column: number,
): Answer {
  return {
    status: 400,
    body: {
      statusCode: 400,
      code: "SYNC_ERR_SCRIPT_SYNTAX",
      error: "Bad Request",
      message: `Script failed at line ${line}`,
      details: { script, line, column, message: "SyntaxError: unexpected token" },
    },
  };
}

/** The text an answer is sent as: `text`, else `body` as JSON, else nothing. */
export function answerText(answer: Answer): string {
  if (answer.text !== undefined) return answer.text;
  return answer.body === undefined ? "" : JSON.stringify(answer.body);
}

/** The content type an answer is sent with, or null for an empty body. */
export function answerContentType(answer: Answer): string | null {
  if (answer.text !== undefined) return "text/plain; charset=utf-8";
  return answer.body === undefined ? null : "application/json; charset=utf-8";
}
