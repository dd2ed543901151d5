/**
 * Checking what a script produced (main thread): the sandbox already guarantees plain JSON;
 * here it is held to the replica and script work item shapes (src/shared/contracts/replica.ts),
 * and failures become `SyncError`s with the catalogue's script codes.
 */

import { Value } from "typebox/value";

import {
  emptyReplicaBody,
  type Replica,
  REPLICA_VERSION,
  ReplicaSchema,
  type ScriptWorkItem,
  ScriptWorkItemSchema,
} from "../../shared/contracts/replica";
import { SyncError } from "../../shared/errors";
import { jsonEqual } from "../work-items/json-equal";
import type { ScriptFailure, ScriptKind } from "./script-task";

/** Work item properties a script cannot change (they identify the item or are set by Azure DevOps). */
const READ_ONLY_WORK_ITEM_KEYS = ["id", "key", "created"] as const;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Human label of a script, for messages. */
function scriptLabel(kind: ScriptKind | null): string {
  return kind === null
    ? "The script"
    : kind === "outgoing"
      ? "The outgoing script"
      : "The incoming script";
}

/**
 * The catalogued error for a failed run. `details` carries `script` (outgoing | incoming),
 * `line` and `column` (1-based, in the user's script, or null), `message` (what the script
 * threw) and, for result errors, `path`.
 */
export function scriptError(failure: ScriptFailure, kind: ScriptKind | null): SyncError {
  const where =
    failure.line === null
      ? ""
      : ` at line ${failure.line}${failure.column === null ? "" : `, column ${failure.column}`}`;
  const details: Record<string, unknown> = {
    script: kind,
    line: failure.line,
    column: failure.column,
    message: failure.message,
  };
  if (failure.path !== undefined) details.path = failure.path;
  return new SyncError(
    failure.code,
    `${scriptLabel(kind)} failed${where}: ${failure.message}`,
    details,
  );
}

function resultError(kind: ScriptKind, path: string, problem: string): SyncError {
  return scriptError(
    {
      code: "SYNC_ERR_SCRIPT_RESULT",
      message: `${path} ${problem}`,
      line: null,
      column: null,
      path,
    },
    kind,
  );
}

/** Throws a result error for the first schema violation of `value`, if any. */
function assertShape(
  kind: ScriptKind,
  root: string,
  schema: typeof ReplicaSchema | typeof ScriptWorkItemSchema,
  value: unknown,
): void {
  const [first] = Value.Errors(schema, value);
  if (!first) return;
  const path =
    root +
    first.instancePath.replace(/\/([^/]+)/g, (_m, part: string) =>
      /^\d+$/.test(part) ? `[${part}]` : `.${part}`,
    );
  throw resultError(kind, path, first.message);
}

/** Copies the keys of `value` that `allowed` knows; warns about the others. */
function knownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  root: string,
  warnings: string[],
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (allowed.includes(key)) kept[key] = field;
    else
      warnings.push(
        `${root}.${key} is not a ${root} field and was not kept; use ${root}.customFields instead.`,
      );
  }
  return kept;
}

/**
 * The replica from the outgoing script's `replica` value, or null when the script set nothing
 * (it returned early, left `replica` as it started, `emptyReplicaBody()`, or set it to null):
 * nothing is sent then.
 * @param key the sending work item's id as a string; the host sets `key` and `version`
 * @throws SyncError SYNC_ERR_SCRIPT_RESULT when the value is not a replica
 */
export function replicaFromOutput(value: unknown, key: string, warnings: string[]): Replica | null {
  if (value === null || jsonEqual(value, emptyReplicaBody())) return null;
  if (!isPlainObject(value)) throw resultError("outgoing", "replica", "must be an object");
  if (value.key !== undefined && String(value.key) !== key) {
    warnings.push(
      `replica.key is always the work item id (${key}); the script's value was ignored.`,
    );
  }
  const body = knownKeys(value, Object.keys(ReplicaSchema.properties), "replica", warnings);
  const replica = { ...emptyReplicaBody(), ...body, version: REPLICA_VERSION, key };
  assertShape("outgoing", "replica", ReplicaSchema, replica);
  return replica as Replica;
}

/**
 * The work item after the incoming script. Properties the script deleted keep their old value;
 * `id`, `key` and `created` cannot change (a warning says so when the script tried).
 * @throws SyncError SYNC_ERR_SCRIPT_RESULT when the value is not a script work item
 */
export function workItemFromOutput(
  value: unknown,
  before: ScriptWorkItem,
  warnings: string[],
): ScriptWorkItem {
  if (!isPlainObject(value)) throw resultError("incoming", "workItem", "must be an object");
  const body = knownKeys(value, Object.keys(ScriptWorkItemSchema.properties), "workItem", warnings);
  const after: Record<string, unknown> = { ...before, ...body };
  for (const key of READ_ONLY_WORK_ITEM_KEYS) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) {
      warnings.push(`workItem.${key} is read-only; the script's change was ignored.`);
      after[key] = before[key];
    }
  }
  assertShape("incoming", "workItem", ScriptWorkItemSchema, after);
  return after as ScriptWorkItem;
}
