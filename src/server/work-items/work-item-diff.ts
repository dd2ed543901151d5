/**
 * What an incoming script changed: field values by reference name, plus the comments and
 * attachments to add. The JSON Patch document is built once, from these field changes, when
 * the work item is saved (json-patch.ts); comments and attachments go through their own
 * endpoints.
 */

import type { JsonValue, ScriptUser, ScriptWorkItem } from "../../shared/contracts/replica";
import { SyncError } from "../../shared/errors";
import { jsonEqual } from "./json-equal";
import { type FieldChanges, isFieldReferenceName } from "./json-patch";
import {
  labelsToTags,
  MAPPED_PROPERTIES,
  type MappedProperty,
  READ_ONLY_FIELD_REFS,
  WORK_ITEM_FIELD_REFS,
} from "./work-item-fields";

/** A comment the sync engine must add (`POST _apis/wit/workItems/{id}/comments`). */
export interface CommentToAdd {
  body: string;
  format: "html" | "markdown";
  /** The other side's comment id it mirrors (record it so it is not added again). */
  remoteId: string | null;
  author: ScriptUser | null;
}

/** An attachment the sync engine must copy (fetch by `contentRef`, upload, link). */
export interface AttachmentToAdd {
  remoteId: string | null;
  filename: string;
  mimeType: string;
  size: number;
  contentRef: string;
}

/** Result of `diffWorkItem`. */
export interface WorkItemChanges {
  /** Changed fields by reference name, in script order; `null` clears. Empty: none changed. */
  fields: FieldChanges;
  comments: CommentToAdd[];
  attachments: AttachmentToAdd[];
  /**
   * When `before.id` is null (first sync): where to create the work item
   * (`POST {project}/_apis/wit/workitems/${type}`); project and type are then not in `fields`.
   */
  create: { projectKey: string | null; type: string | null } | null;
}

/** The patch value of a named property (users by email, labels as a tags string). */
function namedValue(property: MappedProperty, item: ScriptWorkItem): JsonValue {
  const value = item[property];
  if (property === "labels") return labelsToTags(item.labels);
  if (property === "assignee" || property === "reporter") {
    return (value as ScriptUser | null)?.email ?? null;
  }
  return value as JsonValue;
}

/** Field changes by reference name: the raw `fields` map, then `customFields`, then named properties (later wins). */
function changedFields(before: ScriptWorkItem, after: ScriptWorkItem): Map<string, JsonValue> {
  const changes = new Map<string, JsonValue>();
  for (const source of ["fields", "customFields"] as const) {
    const refs = new Set([...Object.keys(before[source]), ...Object.keys(after[source])]);
    for (const ref of refs) {
      const value = after[source][ref] ?? null;
      if (!jsonEqual(before[source][ref] ?? null, value)) changes.set(ref, value);
    }
  }
  for (const property of MAPPED_PROPERTIES) {
    const value = namedValue(property, after);
    if (!jsonEqual(namedValue(property, before), value)) {
      changes.set(WORK_ITEM_FIELD_REFS[property], value);
    }
  }
  return changes;
}

const isEmpty = (value: JsonValue) => value === null || value === "";

/** Identity ref objects in raw fields are written by their unique name. */
function patchValue(value: JsonValue): JsonValue {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const uniqueName = (value as { uniqueName?: unknown }).uniqueName;
    if (typeof uniqueName === "string") return uniqueName;
  }
  return value;
}

/**
 * What an incoming script changed, as field values by reference name.
 *
 * Rules: a field set to a value keeps it (identity refs by unique name); a field cleared
 * (null, "" or no labels) becomes `null` (a `remove` when saved), or is left out when creating. Read-only fields
 * (System.Id, System.Rev, System.ChangedDate, ...) are never written. The same field changed
 * in several places: named property beats `customFields` beats `fields`. Comments and
 * attachments without an `id` are the ones to add; editing or removing existing ones is not
 * synced. Pure: reads its arguments only.
 * @param before the work item the incoming script received (`emptyScriptWorkItem()` on first sync)
 * @param after the work item the incoming script returned
 */
export function diffWorkItem(before: ScriptWorkItem, after: ScriptWorkItem): WorkItemChanges {
  const creating = before.id === null;
  const fields: FieldChanges = {};
  for (const [ref, value] of changedFields(before, after)) {
    if (READ_ONLY_FIELD_REFS.has(ref)) continue;
    if (creating && (ref === WORK_ITEM_FIELD_REFS.projectKey || ref === WORK_ITEM_FIELD_REFS.type))
      continue;
    if (!isFieldReferenceName(ref)) {
      throw new SyncError(
        "SYNC_ERR_SCRIPT_RESULT",
        `Incoming script failed: "${ref}" is not a field reference name (e.g. System.Title).`,
        { script: "incoming", line: null, message: `field "${ref}" is not a reference name` },
      );
    }
    if (!isEmpty(value)) fields[ref] = patchValue(value);
    else if (!creating) fields[ref] = null;
  }
  return {
    fields,
    comments: after.comments
      .filter((comment) => comment.id === null)
      .map((comment) => ({
        body: comment.body,
        format: comment.format,
        remoteId: comment.remoteId ?? null,
        author: comment.author,
      })),
    attachments: after.attachments
      .filter((attachment) => attachment.id === null)
      .map(({ remoteId, filename, mimeType, size, contentRef }) => ({
        remoteId: remoteId ?? null,
        filename,
        mimeType,
        size,
        contentRef,
      })),
    create: creating ? { projectKey: after.projectKey, type: after.type } : null,
  };
}
