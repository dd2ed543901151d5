/**
 * Field rules of a work item save, as the service applies them: value types, the 255-char
 * limit of string fields (TF401324, microsoft/onefuzz#3015), identities that must resolve (one
 * unknown identity fails the whole save, bluebasher/WorkItemUpdater#78), states
 * of the type, area/iteration paths that exist (TF401347), tags normalized to "a; b", and the
 * system fields every revision stamps (Rev, ChangedDate, ChangedBy, ...).
 */
import {
  fieldTooLong,
  invalidTreePath,
  projectNotFound,
  ruleError,
  unknownIdentity,
  workItemTypeNotFound,
} from "./ado-errors";
import { findNode } from "./classification";
import type { OrgSettings } from "./context";
import { type FieldDef } from "./fields-catalog";
import { findIdentities } from "./identity";
import type { FieldMap, ProjectRow, RelationRow } from "./store";
import { defaultReason, findState, findType, type StateCategory } from "./types-catalog";

/** Who saves, and how. */
export interface SaveContext {
  settings: OrgSettings;
  callerId: string;
  bypassRules: boolean;
}

/** Invalid-type rule error for a value that does not fit the field. */
const invalidType = (def: FieldDef, value: unknown) =>
  ruleError(
    def.name,
    def.referenceName,
    "InvalidType",
    `The value '${String(value)}' is not valid for field '${def.name}'.`,
  );

/** Normalizes tags: split on ';', trim, drop empties and duplicates, sort, join with "; ". */
export function normalizeTags(value: unknown): string {
  const seen = new Map<string, string>();
  for (const tag of String(value ?? "").split(";")) {
    const t = tag.trim();
    if (t && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  }
  return [...seen.values()]
    .sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }))
    .join("; ");
}

function identityValue(ctx: SaveContext, def: FieldDef, value: unknown): string | undefined {
  if (value === null || value === "") return undefined;
  const v = value as Record<string, unknown>;
  const text =
    typeof value === "object"
      ? String(v.id ?? v.uniqueName ?? v.descriptor ?? v.displayName ?? "")
      : String(value);
  const [match] = findIdentities(ctx.settings.store, text);
  if (match) return match.id;
  if (ctx.bypassRules) return text;
  throw unknownIdentity(text, def.name);
}

/**
 * The stored form of a value written to a field, or undefined to clear the field.
 * @throws AdoError TF401324 (too long), unknown identity, or an invalid-type rule error.
 */
export function normalizeValue(ctx: SaveContext, def: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (def.type) {
    case "identity":
      return identityValue(ctx, def, value);
    case "integer": {
      const n = Number(value);
      if (value === "" || !Number.isInteger(n)) throw invalidType(def, value);
      return n;
    }
    case "double": {
      const n = Number(value);
      if (value === "" || !Number.isFinite(n)) throw invalidType(def, value);
      return n;
    }
    case "dateTime": {
      const time = Date.parse(String(value));
      if (Number.isNaN(time)) throw invalidType(def, value);
      return new Date(time).toISOString();
    }
    case "boolean":
      return value === true || String(value).toLowerCase() === "true";
    case "string": {
      const text = String(value);
      if (def.maxLength !== undefined && text.length > def.maxLength)
        throw fieldTooLong(def.referenceName);
      return text === "" ? undefined : text;
    }
    case "plainText":
      if (def.referenceName === "System.Tags") return normalizeTags(value) || undefined;
      return String(value) || undefined;
    case "html":
    case "history":
    case "treePath":
      return String(value);
  }
}

/** Resolves the project of a draft (System.TeamProject may move the work item). */
export function draftProject(ctx: SaveContext, fields: FieldMap, fallback: ProjectRow): ProjectRow {
  const name = fields["System.TeamProject"];
  if (name === undefined || name === fallback.name) return fallback;
  const project = ctx.settings.store.project(String(name));
  if (!project) throw projectNotFound(String(name));
  return project;
}

/** Checks area and iteration paths (default: the project root) and sets their node ids. */
function resolvePaths(ctx: SaveContext, id: number, fields: FieldMap, project: ProjectRow) {
  for (const [ref, structure, idRef] of [
    ["System.AreaPath", "area", "System.AreaId"],
    ["System.IterationPath", "iteration", "System.IterationId"],
  ] as const) {
    const path = String(fields[ref] ?? project.name);
    const node = findNode(ctx.settings.store, project.id, structure, path);
    if (!node) throw invalidTreePath(id, ref);
    fields[ref] = node.path;
    fields[idRef] = node.id;
  }
}

/**
 * Validates the draft against the rules and fills defaults (type, state, reason, paths).
 * @throws AdoError for a missing title, unknown type or state, or a path that does not exist.
 */
export function validateDraft(
  ctx: SaveContext,
  id: number,
  fields: FieldMap,
  project: ProjectRow,
  previous?: FieldMap,
) {
  const type = findType(String(fields["System.WorkItemType"] ?? ""));
  if (!type) throw workItemTypeNotFound(String(fields["System.WorkItemType"]));
  fields["System.WorkItemType"] = type.name;
  fields["System.TeamProject"] = project.name;
  if (!String(fields["System.Title"] ?? "").trim()) {
    throw ruleError(
      "Title",
      "System.Title",
      "Required, HasValues, LimitedToValues, AllowsOldValue, InvalidEmpty",
      "The field 'Title' cannot be empty.",
    );
  }
  const state = findState(type, String(fields["System.State"] ?? type.states[0].name));
  if (!state) {
    throw ruleError(
      "State",
      "System.State",
      "Required, HasValues, LimitedToValues, AllowsOldValue, InvalidListValue",
      `The field 'State' contains the value '${String(fields["System.State"])}' that is not in the list of supported values`,
    );
  }
  fields["System.State"] = state.name;
  if (!previous || previous["System.State"] !== state.name) {
    if (
      fields["System.Reason"] === undefined ||
      fields["System.Reason"] === previous?.["System.Reason"]
    ) {
      fields["System.Reason"] = defaultReason(type, state, !previous);
    }
  }
  resolvePaths(ctx, id, fields, project);
  return { type, state };
}

const CATEGORY_STAMPS: Partial<Record<StateCategory, [string, string]>> = {
  InProgress: ["Microsoft.VSTS.Common.ActivatedDate", "Microsoft.VSTS.Common.ActivatedBy"],
  Resolved: ["Microsoft.VSTS.Common.ResolvedDate", "Microsoft.VSTS.Common.ResolvedBy"],
  Completed: ["Microsoft.VSTS.Common.ClosedDate", "Microsoft.VSTS.Common.ClosedBy"],
};

function countRelations(fields: FieldMap, relations: RelationRow[]) {
  const count = (pred: (r: RelationRow) => boolean) => relations.filter(pred).length;
  fields["System.AttachedFileCount"] = count((r) => r.rel === "AttachedFile");
  fields["System.HyperLinkCount"] = count((r) => r.rel === "Hyperlink");
  fields["System.ExternalLinkCount"] = count((r) => r.rel === "ArtifactLink");
  fields["System.RelatedLinkCount"] = count((r) => r.rel.startsWith("System.LinkTypes."));
  const parent = relations.find((r) => r.rel === "System.LinkTypes.Hierarchy-Reverse");
  if (parent) fields["System.Parent"] = Number(parent.url.split("/").pop());
  else delete fields["System.Parent"];
}

/**
 * Stamps the system fields of a new revision: Id, Rev, Changed*, Authorized/Revised dates,
 * Created* on the first revision, state dates, link counts.
 */
export function stampSystemFields(
  ctx: SaveContext,
  save: {
    id: number;
    rev: number;
    fields: FieldMap;
    relations: RelationRow[];
    previous?: FieldMap;
    stateCategory: StateCategory;
    now: string;
    explicit: Set<string>;
  },
) {
  const { fields, previous, now } = save;
  const keep = (ref: string) => ctx.bypassRules && save.explicit.has(ref);
  fields["System.Id"] = save.id;
  fields["System.Rev"] = save.rev;
  if (!keep("System.ChangedDate")) fields["System.ChangedDate"] = now;
  if (!keep("System.ChangedBy")) fields["System.ChangedBy"] = ctx.callerId;
  fields["System.AuthorizedDate"] = fields["System.ChangedDate"];
  fields["System.RevisedDate"] = "9999-01-01T00:00:00Z";
  if (!previous) {
    if (!keep("System.CreatedDate")) fields["System.CreatedDate"] = fields["System.ChangedDate"];
    if (!keep("System.CreatedBy")) fields["System.CreatedBy"] = fields["System.ChangedBy"];
    fields["System.CommentCount"] ??= 0;
    if (fields["Microsoft.VSTS.Common.Priority"] === undefined)
      fields["Microsoft.VSTS.Common.Priority"] = 2;
  }
  if (!previous || previous["System.State"] !== fields["System.State"]) {
    fields["Microsoft.VSTS.Common.StateChangeDate"] = fields["System.ChangedDate"];
    const stamp = CATEGORY_STAMPS[save.stateCategory];
    if (stamp) {
      fields[stamp[0]] = fields["System.ChangedDate"];
      fields[stamp[1]] = fields["System.ChangedBy"];
    }
  }
  fields["System.BoardColumn"] = fields["System.State"];
  countRelations(fields, save.relations);
}
