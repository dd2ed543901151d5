/**
 * Work item reads (wit/7.1 "Work Items"): get one (`$expand`, `fields`, `asOf`, and the
 * `${type}` template), list (`?ids=`, `errorPolicy`) and batch (`POST workitemsbatch`, at most
 * 200 ids).
 */
import type { FastifyRequest } from "fastify";

import { invalidArgument, projectNotFound, workItemNotFound } from "./ado-errors";
import { type OrgSettings, queryParam, sendList } from "./context";
import type { ItemHandler, ItemParams } from "./routing";
import { findType } from "./types-catalog";
import { type Expand, EXPANDS, workItemShape } from "./work-item-shape";
import { loadWorkItem, revisionAsOf } from "./work-item-store";

/** Most ids one list or batch request may name (wit/7.1 "Get Work Items Batch"). */
export const MAX_BATCH_IDS = 200;

/** Reads `$expand`. @throws AdoError for an unknown value or one combined with `fields`. */
export function readExpand(request: FastifyRequest, fields?: string[]): Expand | undefined {
  const raw = queryParam(request, "$expand")?.toLowerCase();
  if (raw === undefined) return undefined;
  if (!EXPANDS.includes(raw as Expand)) {
    throw invalidArgument(`The value '${raw}' is not valid for $expand.`);
  }
  if (fields && raw !== "none") {
    throw invalidArgument("The expand parameter can not be used with the fields parameter.");
  }
  return raw as Expand;
}

/** @throws AdoError TF200016 when the URL names a project that does not exist. */
export function checkProject(
  settings: OrgSettings,
  request: FastifyRequest<{ Params: ItemParams }>,
) {
  const name = request.params.project;
  if (name !== undefined && !settings.store.project(name)) throw projectNotFound(name);
}

/** A work item, or its revision current at `asOf`; undefined when it does not exist. */
function read(settings: OrgSettings, id: number, asOf: string | undefined) {
  const item = loadWorkItem(settings.store, id);
  if (!item || item.rev === 0) return undefined;
  if (!asOf) return item;
  const revision = revisionAsOf(settings.store, id, asOf);
  return revision
    ? { ...item, rev: revision.rev, fields: revision.fields, relations: revision.relations }
    : undefined;
}

/** Loads work items for list and batch reads (`errorPolicy`: fail | omit). */
function readMany(settings: OrgSettings, ids: number[], asOf: string | undefined, omit: boolean) {
  if (ids.length > MAX_BATCH_IDS) {
    throw invalidArgument(
      `The number of work item ids in the request exceeds the limit of ${MAX_BATCH_IDS}.`,
    );
  }
  return ids.map((id) => {
    const item = read(settings, id, asOf);
    if (!item && !omit) throw workItemNotFound(id);
    return item;
  });
}

/** `GET .../workitems/{id}` (and `.../workitems/${type}`, the template). */
export const getWorkItem =
  (settings: OrgSettings): ItemHandler =>
  async (request) => {
    checkProject(settings, request);
    if (request.params.id.startsWith("$")) return template(settings, request);
    const fields = queryParam(request, "fields")?.split(",");
    const expand = readExpand(request, fields);
    const item = read(settings, Number(request.params.id), queryParam(request, "asOf"));
    if (!item) throw workItemNotFound(request.params.id);
    return workItemShape(settings.store, item, request.ado.baseUrl, { expand, fields });
  };

/** `GET .../workitems?ids=`. */
export const listWorkItems =
  (settings: OrgSettings): ItemHandler =>
  async (request, reply) => {
    checkProject(settings, request);
    const ids = (queryParam(request, "ids") ?? "").split(",").filter(Boolean).map(Number);
    if (ids.length === 0) throw invalidArgument("The ids parameter is required.");
    const fields = queryParam(request, "fields")?.split(",");
    const expand = readExpand(request, fields);
    const omit = queryParam(request, "errorPolicy")?.toLowerCase() === "omit";
    const items = readMany(settings, ids, queryParam(request, "asOf"), omit);
    const base = request.ado.baseUrl;
    const shaped = items.map((i) =>
      i ? workItemShape(settings.store, i, base, { expand, fields }) : null,
    );
    return sendList(request, reply, shaped);
  };

type Batch = {
  ids?: number[];
  fields?: string[];
  $expand?: string;
  asOf?: string;
  errorPolicy?: string;
};

/** `POST .../workitemsbatch` `{ids, fields?, $expand?, asOf?, errorPolicy?}`. */
export const batchWorkItems =
  (settings: OrgSettings): ItemHandler =>
  async (request, reply) => {
    checkProject(settings, request);
    const body = (request.body ?? {}) as Batch;
    if (!Array.isArray(body.ids) || body.ids.length === 0) {
      throw invalidArgument("The ids parameter is required.");
    }
    const expand = body.$expand?.toLowerCase() as Expand | undefined;
    if (body.fields && expand && expand !== "none") {
      throw invalidArgument("The expand parameter can not be used with the fields parameter.");
    }
    const items = readMany(
      settings,
      body.ids,
      body.asOf,
      body.errorPolicy?.toLowerCase() === "omit",
    );
    const options = { expand, fields: body.fields };
    const base = request.ado.baseUrl;
    return sendList(
      request,
      reply,
      items.map((i) => (i ? workItemShape(settings.store, i, base, options) : null)),
    );
  };

/** `GET /{project}/_apis/wit/workitems/${type}`: an unsaved work item with the defaults. */
function template(settings: OrgSettings, request: FastifyRequest<{ Params: ItemParams }>) {
  const type = findType(request.params.id.slice(1));
  const project = settings.store.project(request.params.project ?? "");
  if (!type || !project) throw workItemNotFound(request.params.id);
  const base = request.ado.baseUrl;
  const typeUrl = `${base}/${project.id}/_apis/wit/workItemTypes/${encodeURIComponent(type.name)}`;
  return {
    fields: {
      "System.WorkItemType": type.name,
      "System.TeamProject": project.name,
      "System.AreaPath": project.name,
      "System.IterationPath": project.name,
      "System.State": type.states[0].name,
      "System.Reason": "New",
      "Microsoft.VSTS.Common.Priority": 2,
    },
    _links: { workItemType: { href: typeUrl }, fields: { href: `${base}/_apis/wit/fields` } },
    url: `${base}/${project.id}/_apis/wit/workItems/$${encodeURIComponent(type.name)}`,
  };
}
