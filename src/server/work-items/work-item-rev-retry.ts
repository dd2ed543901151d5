/**
 * Updates that survive concurrent edits (tfsaggregator/aggregator-cli#128).
 *
 * Every update carries `test /rev` with the revision it was computed from. When a user saved
 * in between, Azure DevOps refuses it (412, TF26071 or a failed test): the work item is read
 * again and the caller's plan is computed again from the fresh copy, so only the fields this
 * change owns are written and the user's edit to other fields survives. After
 * `maxConflictRetries` re-reads the update fails with SYNC_ERR_ADO_CONFLICT (retryable: the
 * sync queue tries again later).
 */
import { isSyncError } from "../../shared/errors";
import type { AdoHttp } from "../ado/ado-http";
import type { AdoWorkItem, JsonPatchOperation } from "../ado/ado-types";
import { getWorkItem } from "../ado/work-item-api";
import type { FieldChanges } from "./json-patch";
import { type SaveOptions, type SaveResult, updateWorkItem } from "./work-item-save";

/** What to write, computed from the current work item; null or empty: nothing to do. */
export interface OwnedChange {
  fields: FieldChanges;
  /** Further operations (relations); keep them idempotent against `current`. */
  extra?: JsonPatchOperation[];
}

/** Options of `updateOwnedFields`. */
export interface RevRetryOptions extends SaveOptions {
  project?: string;
  /** The copy the caller already read (saves the first read). */
  current?: AdoWorkItem;
  /** Re-reads after a conflict. (Default: 3: a user editing the same item three times within the seconds a sync takes is rare; after that the queue's backoff is kinder than a tight loop.) */
  maxConflictRetries?: number;
}

/** Result: `unchanged` when the plan had nothing to write. */
export interface OwnedUpdateResult extends SaveResult {
  status: "updated" | "unchanged";
  /** Re-reads made because of conflicts. */
  conflicts: number;
}

/**
 * Reads work item `id` (unless `current` is given), asks `plan` what to write, and writes it
 * guarded by `test /rev`; on a conflict re-reads and asks `plan` again.
 */
export async function updateOwnedFields(
  http: AdoHttp,
  id: number,
  plan: (current: AdoWorkItem) => OwnedChange | null,
  options: RevRetryOptions = {},
): Promise<OwnedUpdateResult> {
  const maxRetries = options.maxConflictRetries ?? 3;
  let current = options.current ?? (await getWorkItem(http, id, { project: options.project }));
  for (let conflicts = 0; ; conflicts++) {
    const change = plan(current);
    if (!change || (Object.keys(change.fields).length === 0 && !change.extra?.length)) {
      return { status: "unchanged", workItem: current, warnings: [], conflicts };
    }
    try {
      const input = { project: options.project, id, rev: current.rev, ...change };
      const saved = await updateWorkItem(http, input, options);
      return { status: "updated", ...saved, conflicts };
    } catch (error) {
      if (
        !isSyncError(error) ||
        error.code !== "SYNC_ERR_ADO_CONFLICT" ||
        conflicts >= maxRetries
      ) {
        throw error;
      }
      current = await getWorkItem(http, id, { project: options.project });
    }
  }
}

/**
 * A plan for the common case: set these fields, skipping those already equal (so a repeat
 * after a lost answer writes nothing).
 */
export function setFieldsPlan(fields: FieldChanges): (current: AdoWorkItem) => OwnedChange {
  return (current) => {
    const changed: FieldChanges = {};
    for (const [name, value] of Object.entries(fields)) {
      const now = current.fields[name];
      const same =
        value === null || value === undefined ? now === undefined : sameValue(now, value);
      if (!same) changed[name] = value;
    }
    return { fields: changed };
  };
}

function sameValue(current: unknown, wanted: unknown): boolean {
  if (current === wanted) return true;
  if (current && typeof current === "object" && typeof wanted === "string") {
    const ref = current as { uniqueName?: string; id?: string };
    return ref.uniqueName?.toLowerCase() === wanted.toLowerCase() || ref.id === wanted;
  }
  return JSON.stringify(current) === JSON.stringify(wanted);
}
