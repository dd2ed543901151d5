/**
 * Checks of the Test run tab's inputs, done in the hub before anything is sent: a work item id
 * (the node's rule: a positive integer, WorkItemParamsSchema / OutgoingTestInputSchema) and a
 * replica pasted as JSON (parsed and completed here; the node checks its shape against
 * ReplicaSchema).
 */
import type { Replica } from "../../../shared/contracts";
import { emptyReplicaBody, REPLICA_VERSION } from "../../../shared/contracts/replica-defaults";

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
 * A replica pasted as JSON, completed: the fields it leaves out get the values of a replica
 * whose outgoing script did not set them (`REPLICA_VERSION`, `emptyReplicaBody()`: nulls,
 * empty lists, an empty object), so `{ "key": "1", "summary": "x" }` is enough. `key` is
 * required (a non-empty string; a number is turned into its string). Not JSON, not an object,
 * or no key: the message for the field. Wrong types in the fields given are the node's to
 * refuse (SYNC_ERR_REQUEST_INVALID, with the field in its message).
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
    return { ok: false, message: 'A replica is a JSON object: { "key": "42", ... }.' };
  const given = value as Record<string, unknown>;
  const key = replicaKey(given.key);
  if (key === null)
    return {
      ok: false,
      message: 'A replica needs a "key": the sending work item\'s id as a string, e.g. "42".',
    };
  const replica = { version: REPLICA_VERSION, ...emptyReplicaBody(), ...given, key };
  return { ok: true, value: replica as Replica };
}

/** A replica's key as the node needs it (a non-empty string), or null when there is none. */
function replicaKey(key: unknown): string | null {
  if (typeof key === "number" && Number.isFinite(key)) return String(key);
  if (typeof key === "string" && key.trim() !== "") return key;
  return null;
}

/** Pretty JSON for read-only blocks (2-space indent). */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
