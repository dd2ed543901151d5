/** Answers of the fake sync node (fake-backend.ts and its route files): status and JSON body. */
import { type ErrorCode, ERRORS } from "../../../src/shared/errors";

/** What the fake `fetch` answers: a status and an optional JSON body. */
export type Answer = { status: number; body?: unknown };

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
