/**
 * Work item history routes (wit/7.1 "Revisions" and "Updates"):
 * `GET .../workitems/{id}/revisions[/{rev}]` (snapshots) and
 * `GET .../workitems/{id}/updates[/{updateNumber}]` (field deltas `{oldValue, newValue}`,
 * relation changes, and `revisedBy`, which a sync uses to skip its own writes).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";

import { invalidArgument, workItemNotFound } from "./ado-errors";
import { type OrgSettings, queryParam, sendList } from "./context";
import { type ItemHandler, orgAndProject, READ_WORK } from "./routing";
import type { RelationRow, RevisionRow } from "./store";
import { renderValue, workItemShape } from "./work-item-shape";
import { loadRevisions, loadWorkItem } from "./work-item-store";

const FOREVER = "9999-01-01T00:00:00Z";
type Params = { id: string; rev?: string; project?: string };

function revisions(settings: OrgSettings, request: FastifyRequest<{ Params: Params }>) {
  const item = loadWorkItem(settings.store, Number(request.params.id));
  if (!item || item.rev === 0) throw workItemNotFound(request.params.id);
  return { item, revs: loadRevisions(settings.store, item.id) };
}

function page<T>(request: FastifyRequest, list: T[]): T[] {
  const skip = Number(queryParam(request, "$skip") ?? 0);
  const top = queryParam(request, "$top");
  return list.slice(skip, top === undefined ? undefined : skip + Number(top));
}

function relationKey(r: RelationRow) {
  return `${r.rel}|${r.url.toLowerCase()}`;
}

function relationDelta(before: RelationRow[], after: RelationRow[]) {
  const old = new Map(before.map((r) => [relationKey(r), r]));
  const now = new Map(after.map((r) => [relationKey(r), r]));
  const added = after.filter((r) => !old.has(relationKey(r)));
  const removed = before.filter((r) => !now.has(relationKey(r)));
  const updated = after.filter(
    (r) => old.has(relationKey(r)) && JSON.stringify(old.get(relationKey(r))) !== JSON.stringify(r),
  );
  const delta = {
    ...(added.length ? { added } : {}),
    ...(removed.length ? { removed } : {}),
    ...(updated.length ? { updated } : {}),
  };
  return Object.keys(delta).length ? delta : undefined;
}

function updateShape(settings: OrgSettings, baseUrl: string, revs: RevisionRow[], index: number) {
  const rev = revs[index];
  const before = revs[index - 1]?.fields ?? {};
  const render = (ref: string, value: unknown) => renderValue(settings.store, ref, value, baseUrl);
  const fields: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
  for (const ref of new Set([...Object.keys(before), ...Object.keys(rev.fields)])) {
    if (ref === "System.RevisedDate") continue;
    const oldValue = ref === "System.History" ? undefined : before[ref];
    const newValue = rev.fields[ref];
    if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
    fields[ref] = {
      ...(oldValue === undefined ? {} : { oldValue: render(ref, oldValue) }),
      ...(newValue === undefined ? {} : { newValue: render(ref, newValue) }),
    };
  }
  const relations = relationDelta(revs[index - 1]?.relations ?? [], rev.relations);
  const url = `${baseUrl}/_apis/wit/workItems/${rev.workItemId}/updates/${rev.rev}`;
  return {
    id: rev.rev,
    workItemId: rev.workItemId,
    rev: rev.rev,
    revisedBy: render("System.ChangedBy", rev.fields["System.ChangedBy"]),
    revisedDate: revs[index + 1]?.fields["System.ChangedDate"] ?? FOREVER,
    fields,
    ...(relations ? { relations } : {}),
    _links: {
      self: { href: url },
      workItemUpdates: { href: `${baseUrl}/_apis/wit/workItems/${rev.workItemId}/updates` },
      parent: { href: `${baseUrl}/_apis/wit/workItems/${rev.workItemId}` },
    },
    url,
  };
}

function revisionShape(
  settings: OrgSettings,
  request: FastifyRequest,
  item: { projectId: string },
  revs: RevisionRow[],
  index: number,
) {
  const r = revs[index];
  const revisedDate = revs[index + 1]?.fields["System.ChangedDate"] ?? FOREVER;
  const fields = { ...r.fields, "System.RevisedDate": revisedDate };
  const expand = queryParam(request, "$expand")?.toLowerCase() ?? "";
  const options = {
    expand: ["relations", "all"].includes(expand) ? ("relations" as const) : undefined,
  };
  const row = { ...r, id: r.workItemId, projectId: item.projectId, fields };
  return workItemShape(settings.store, row, request.ado.baseUrl, options);
}

/** Finds revision `request.params.rev`. @throws AdoError when there is none. */
function revisionIndex(
  request: FastifyRequest<{ Params: Params }>,
  revs: RevisionRow[],
  what: string,
) {
  const index = revs.findIndex((r) => r.rev === Number(request.params.rev));
  if (index < 0) {
    throw invalidArgument(
      `${what} ${request.params.rev} of work item ${request.params.id} does not exist.`,
    );
  }
  return index;
}

const listRevisions =
  (settings: OrgSettings): ItemHandler =>
  async (request, reply) => {
    const { item, revs } = revisions(settings, request);
    const shaped = revs.map((_, i) => revisionShape(settings, request, item, revs, i));
    return sendList(request, reply, page(request, shaped));
  };

const getRevision =
  (settings: OrgSettings): ItemHandler =>
  async (request) => {
    const { item, revs } = revisions(settings, request);
    return revisionShape(settings, request, item, revs, revisionIndex(request, revs, "Revision"));
  };

const listUpdates =
  (settings: OrgSettings): ItemHandler =>
  async (request, reply) => {
    const { revs } = revisions(settings, request);
    const shaped = revs.map((_, i) => updateShape(settings, request.ado.baseUrl, revs, i));
    return sendList(request, reply, page(request, shaped));
  };

const getUpdate =
  (settings: OrgSettings): ItemHandler =>
  async (request) => {
    const { revs } = revisions(settings, request);
    return updateShape(settings, request.ado.baseUrl, revs, revisionIndex(request, revs, "Update"));
  };

/** Registers the revisions and updates routes. */
export function registerHistory(app: FastifyInstance, settings: OrgSettings) {
  const base = "/_apis/wit/workitems/:id";
  orgAndProject(app, "GET", `${base}/revisions`, READ_WORK, listRevisions(settings));
  orgAndProject(app, "GET", `${base}/revisions/:rev`, READ_WORK, getRevision(settings));
  orgAndProject(app, "GET", `${base}/updates`, READ_WORK, listUpdates(settings));
  orgAndProject(app, "GET", `${base}/updates/:rev`, READ_WORK, getUpdate(settings));
}
