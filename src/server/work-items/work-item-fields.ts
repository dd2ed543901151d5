/**
 * The mapping between script work item properties and Azure DevOps field reference names
 * (wit/workItems REST spec: a work item's `fields` map, identity fields as identity refs, tags
 * as one "a; b" string), and building the script work item from a work item read over REST.
 */
import type {
  Attachment,
  Comment,
  JsonValue,
  ScriptUser,
  ScriptWorkItem,
} from "../../shared/contracts/replica";
import type { AdoWorkItem } from "../ado/ado-types";

/** Named script work item properties and the field reference names they stand for. */
export const WORK_ITEM_FIELD_REFS = {
  summary: "System.Title",
  description: "System.Description",
  type: "System.WorkItemType",
  status: "System.State",
  priority: "Microsoft.VSTS.Common.Priority",
  assignee: "System.AssignedTo",
  reporter: "System.CreatedBy",
  labels: "System.Tags",
  areaPath: "System.AreaPath",
  iterationPath: "System.IterationPath",
  projectKey: "System.TeamProject",
  created: "System.CreatedDate",
} as const satisfies Partial<Record<keyof ScriptWorkItem, string>>;

/** A named property that maps to one field. */
export type MappedProperty = keyof typeof WORK_ITEM_FIELD_REFS;

/** Named properties in patch order (the order operations appear in a JSON Patch). */
export const MAPPED_PROPERTIES = Object.keys(WORK_ITEM_FIELD_REFS) as MappedProperty[];

/**
 * Fields Azure DevOps sets itself: never written by a patch (writing them needs bypassRules,
 * or is refused outright).
 */
export const READ_ONLY_FIELD_REFS: ReadonlySet<string> = new Set([
  "System.Id",
  "System.Rev",
  "System.CreatedDate",
  "System.ChangedDate",
  "System.ChangedBy",
  "System.AuthorizedDate",
  "System.AuthorizedAs",
  "System.RevisedDate",
  "System.Watermark",
  "System.CommentCount",
  "System.PersonId",
  "System.NodeName",
  "System.AreaId",
  "System.IterationId",
]);

/** True for fields outside Azure DevOps' own namespaces (they go to `customFields`). */
export function isCustomFieldRef(ref: string): boolean {
  return !ref.startsWith("System.") && !ref.startsWith("Microsoft.");
}

/** Tags as Azure DevOps stores them ("a; b") to a list, and back. */
export function tagsToLabels(tags: unknown): string[] {
  if (typeof tags !== "string") return [];
  return tags
    .split(";")
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/** Labels to the System.Tags value (`"; "`-separated, as Azure DevOps writes them). */
export function labelsToTags(labels: readonly string[]): string {
  return labels.join("; ");
}

/** An identity ref (`{ displayName, uniqueName }`) or "Name <email>" string to a script user. */
export function identityToUser(identity: unknown): ScriptUser | null {
  if (typeof identity === "string") {
    const match = /^(.*)<([^>]+)>\s*$/.exec(identity);
    return match
      ? { email: match[2].trim(), displayName: match[1].trim() }
      : { email: identity, displayName: identity };
  }
  if (typeof identity !== "object" || identity === null) return null;
  const ref = identity as { uniqueName?: unknown; displayName?: unknown };
  if (typeof ref.uniqueName !== "string") return null;
  const displayName = typeof ref.displayName === "string" ? ref.displayName : ref.uniqueName;
  return { email: ref.uniqueName, displayName };
}

const stringOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * The script work item for a work item read over REST, with its comments and attachments
 * (already mapped by the caller, with `remoteId` set for those the sync created).
 */
export function toScriptWorkItem(
  item: Pick<AdoWorkItem, "id" | "fields">,
  comments: Comment[] = [],
  attachments: Attachment[] = [],
): ScriptWorkItem {
  // Field values of a REST work item are JSON (spec `WorkItem.fields`).
  const fields = item.fields as Record<string, JsonValue>;
  const priority = fields[WORK_ITEM_FIELD_REFS.priority];
  const customFields: Record<string, JsonValue> = {};
  for (const [ref, value] of Object.entries(fields)) {
    if (isCustomFieldRef(ref)) customFields[ref] = value;
  }
  return {
    id: item.id,
    key: String(item.id),
    summary: stringOrNull(fields[WORK_ITEM_FIELD_REFS.summary]),
    description: stringOrNull(fields[WORK_ITEM_FIELD_REFS.description]),
    type: stringOrNull(fields[WORK_ITEM_FIELD_REFS.type]),
    status: stringOrNull(fields[WORK_ITEM_FIELD_REFS.status]),
    priority: typeof priority === "number" ? priority : null,
    assignee: identityToUser(fields[WORK_ITEM_FIELD_REFS.assignee]),
    reporter: identityToUser(fields[WORK_ITEM_FIELD_REFS.reporter]),
    labels: tagsToLabels(fields[WORK_ITEM_FIELD_REFS.labels]),
    areaPath: stringOrNull(fields[WORK_ITEM_FIELD_REFS.areaPath]),
    iterationPath: stringOrNull(fields[WORK_ITEM_FIELD_REFS.iterationPath]),
    projectKey: stringOrNull(fields[WORK_ITEM_FIELD_REFS.projectKey]),
    created: stringOrNull(fields[WORK_ITEM_FIELD_REFS.created]),
    comments,
    attachments,
    customFields,
    fields: { ...fields },
  };
}
