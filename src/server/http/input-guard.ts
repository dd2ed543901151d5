/**
 * Rejects text the database cannot store the same way on both engines: PostgreSQL refuses the
 * NUL character (U+0000) in `text` columns, SQLite keeps it. Checked on path parameters and
 * JSON bodies before validation, so such a request is a 400 on either engine, never a 500.
 */
import type { preValidationAsyncHookHandler } from "fastify";

import { SyncError } from "../../shared/errors";

/** Nesting depth walked at most: request bodies of this API are at most 3 levels deep. */
const MAX_DEPTH = 8;

/** The path (e.g. "incomingProject/name") of the first string containing NUL, or null. */
function findNul(value: unknown, path: string, depth: number): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (typeof value !== "object" || value === null || depth > MAX_DEPTH) return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes("\u0000")) return path ? `${path}/${key}` : key;
    const found = findNul(child, path ? `${path}/${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** preValidation hook: 400 SYNC_ERR_REQUEST_INVALID for NUL in params or body. */
export const rejectNulCharacters: preValidationAsyncHookHandler = async (request) => {
  for (const [location, value] of [
    ["params", request.params],
    ["body", request.body],
  ] as const) {
    const field = findNul(value, "", 0);
    if (field !== null) {
      throw new SyncError("SYNC_ERR_REQUEST_INVALID", "Text must not contain NUL characters.", {
        field,
        location,
      });
    }
  }
};
