/**
 * Creating and updating work items: apply the patch to a draft, run the rules, stamp the
 * system fields and save the new revision, all in one SQLite transaction (nothing is written
 * when any rule fails). `validateOnly` runs everything but the write.
 */
import { noWritePermission, projectNotFound, workItemNotFound } from "./ado-errors";
import { insertComment } from "./comment-store";
import { canEditWorkItems } from "./permissions";
import type { FieldMap, ProjectRow, WorkItemRow } from "./store";
import { applyPatch, type Draft, type PatchOperation } from "./work-item-patch";
import {
  draftProject,
  type SaveContext,
  stampSystemFields,
  validateDraft,
} from "./work-item-rules";
import { loadWorkItem, reserveWorkItemId, saveWorkItem } from "./work-item-store";

/** Flags of a save (query parameters of the create and update routes). */
export interface SaveFlags {
  validateOnly: boolean;
}

/** Saves the revision; a non-empty History also becomes a comment (format html). */
function persist(ctx: SaveContext, item: WorkItemRow, history: unknown) {
  const hasHistory = history !== undefined && String(history).trim() !== "";
  const revisionFields: FieldMap = hasHistory
    ? { ...item.fields, "System.History": history }
    : { ...item.fields };
  saveWorkItem(ctx.settings.store, item, revisionFields);
  if (!hasHistory) return;
  const text = String(history);
  const date = String(item.fields["System.ChangedDate"]);
  const comment = { workItemId: item.id, text, rendered: text, format: "html" as const };
  insertComment(ctx.settings.store, { ...comment, userId: ctx.callerId, date });
}

function finish(
  ctx: SaveContext,
  draft: Draft,
  project: ProjectRow,
  previous: WorkItemRow | undefined,
  flags: SaveFlags,
): WorkItemRow {
  const target = draftProject(ctx, draft.fields, project);
  if (!canEditWorkItems(ctx.settings, ctx.callerId, target)) throw noWritePermission();
  const { state } = validateDraft(ctx, draft.id, draft.fields, target, previous?.fields);
  const history = draft.fields["System.History"];
  delete draft.fields["System.History"];
  const now = ctx.settings.store.now();
  const rev = flags.validateOnly ? draft.rev : draft.rev + 1;
  stampSystemFields(ctx, {
    id: draft.id,
    rev,
    fields: draft.fields,
    relations: draft.relations,
    previous: previous?.fields,
    stateCategory: state.category,
    now,
    explicit: draft.explicit,
  });
  if (history !== undefined && String(history).trim() !== "") {
    draft.fields["System.CommentCount"] = Number(draft.fields["System.CommentCount"] ?? 0) + 1;
  }
  const item: WorkItemRow = {
    id: draft.id,
    projectId: target.id,
    rev,
    fields: draft.fields,
    relations: draft.relations,
    formats: draft.formats,
  };
  if (!flags.validateOnly) persist(ctx, item, history);
  return item;
}

/**
 * Creates a work item of `typeName` in `projectName` from a patch document.
 * @throws AdoError for an unknown project or type, a failed rule, or missing permission.
 */
export function createWorkItem(
  ctx: SaveContext,
  projectName: string,
  typeName: string,
  ops: PatchOperation[],
  flags: SaveFlags,
): WorkItemRow {
  const { store } = ctx.settings;
  const project = store.project(projectName);
  if (!project) throw projectNotFound(projectName);
  return store.transaction(() => {
    const id = flags.validateOnly ? -1 : reserveWorkItemId(store, project.id);
    const draft: Draft = {
      id,
      rev: 0,
      fields: { "System.WorkItemType": typeName, "System.TeamProject": project.name },
      relations: [],
      formats: {},
      explicit: new Set(),
    };
    applyPatch(ctx, draft, ops);
    return finish(ctx, draft, project, undefined, flags);
  });
}

/**
 * Updates work item `id` with a patch document.
 * @throws AdoError 404 for an unknown work item; 412 for a failed `test /rev`; rule errors.
 */
export function updateWorkItem(
  ctx: SaveContext,
  id: number,
  ops: PatchOperation[],
  flags: SaveFlags,
): WorkItemRow {
  const { store } = ctx.settings;
  return store.transaction(() => {
    const current = loadWorkItem(store, id);
    if (!current || current.rev === 0) throw workItemNotFound(id);
    const project = store.project(current.projectId);
    if (!project) throw workItemNotFound(id);
    const draft: Draft = {
      id,
      rev: current.rev,
      fields: structuredClone(current.fields),
      relations: structuredClone(current.relations),
      formats: { ...current.formats },
      explicit: new Set(),
    };
    applyPatch(ctx, draft, ops);
    return finish(ctx, draft, project, current, flags);
  });
}

/**
 * Saves a revision the service makes on its own (a comment added or deleted): `changes` are
 * merged into the fields, Changed* stamped, and `history` recorded in the revision only.
 * @throws AdoError 404 for an unknown work item.
 */
export function saveSystemRevision(
  ctx: SaveContext,
  id: number,
  changes: FieldMap,
  history?: string,
): WorkItemRow {
  const { store } = ctx.settings;
  const current = loadWorkItem(store, id);
  if (!current || current.rev === 0) throw workItemNotFound(id);
  const now = store.now();
  const fields: FieldMap = {
    ...current.fields,
    ...changes,
    "System.Rev": current.rev + 1,
    "System.ChangedDate": now,
    "System.ChangedBy": ctx.callerId,
    "System.AuthorizedDate": now,
  };
  const item: WorkItemRow = { ...current, rev: current.rev + 1, fields };
  saveWorkItem(
    store,
    item,
    history === undefined ? { ...fields } : { ...fields, "System.History": history },
  );
  return item;
}
