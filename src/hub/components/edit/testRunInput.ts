/**
 * Checks of the Test run tab's inputs, done in the hub before anything is sent: a work item id
 * (the node's rule: a positive integer, WorkItemParamsSchema / OutgoingTestInputSchema) and a
 * replica pasted as JSON (parsed here; the node checks its shape against ReplicaSchema).
 */
import type { Replica } from "../../../shared/contracts";

/** A parsed input, or the message to show at its field. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Largest id the node accepts (10 digits, WorkItemParamsSchema; Azure DevOps ids are int32). */
const MAX_WORK_ITEM_ID = 2_147_483_647;

/** A work item id typed by the user: a whole number from 1 (surrounding spaces allowed). */
export function checkWorkItemId(text: string): Checked<number> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: "Enter a work item id." };
  if (!/^[0-9]+$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > MAX_WORK_ITEM_ID)
    return { ok: false, message: "A work item id is a whole number above 0, e.g. 42." };
  return { ok: true, value: Number(trimmed) };
}

/** An optional work item id: empty means none (first sync). */
export function checkOptionalWorkItemId(text: string): Checked<number | undefined> {
  return text.trim() ? checkWorkItemId(text) : { ok: true, value: undefined };
}

/**
 * A replica pasted as JSON. Only the JSON itself and that it is an object are checked here;
 * the node answers SYNC_ERR_REQUEST_INVALID for a replica that lacks fields.
 */
export function checkReplicaJson(text: string): Checked<Replica> {
  if (!text.trim())
    return { ok: false, message: "Paste a replica (JSON), or run the outgoing script first." };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `This is not valid JSON: ${reason}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, message: 'A replica is a JSON object: { "version": 1, "key": ... }.' };
  return { ok: true, value: value as Replica };
}

/** Pretty JSON for read-only blocks (2-space indent). */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
