/**
 * Work item routes (wit/7.1 "Work Items"): get one (`$expand`, `fields`, `asOf`), list
 * (`?ids=`), batch (`POST workitemsbatch`, at most 200 ids), create
 * (`POST /{project}/_apis/wit/workitems/${type}`) and update (`PATCH .../workitems/{id}`), both
 * with `Content-Type: application/json-patch+json` only (case S1).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";

import {
  contentTypeNotSupported,
  invalidArgument,
  projectNotFound,
  workItemNotFound,
} from "./ado-errors";
import { type OrgSettings, queryParam, sendList } from "./context";
import { userId } from "./seed";
import type { WorkItemRow } from "./store";
import { findType } from "./types-catalog";
import { asPatchDocument } from "./work-item-patch";
import type { SaveContext } from "./work-item-rules";
import { createWorkItem, updateWorkItem } from "./work-item-save";
import { type Expand, EXPANDS, workItemShape } from "./work-item-shape";
import { loadWorkItem, revisionAsOf } from "./work-item-store";

/** Most ids one list or batch request may name (wit/7.1 "Get Work Items Batch"). */
export const MAX_BATCH_IDS = 200;

type Params = { project?: string; id: string; type: string; rev?: string };

/** Registers `path` at organization level and under `/{project}`. */
export function orgAndProject(
  app: FastifyInstance,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  opts: RouteShorthandOptions,
  handler: (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => Promise<unknown>,
) {
  app.route<{ Params: Params }>({ method, url: path, ...opts, handler });
  app.route<{ Params: Params }>({ method, url: `/:project${path}`, ...opts, handler });
}

function readExpand(request: FastifyRequest, fields: string[] | undefined): Expand | undefined {
  const raw = queryParam(request, "$expand")?.toLowerCase();
  if (raw === undefined) return undefined;
  if (!EXPANDS.includes(raw as Expand))
    throw invalidArgument(`The value '${raw}' is not valid for $expand.`);
  if (fields && raw !== "none")
    throw invalidArgument("The expand parameter can not be used with the fields parameter.");
  return raw as Expand;
}

function checkProject(settings: OrgSettings, request: FastifyRequest<{ Params: Params }>) {
  const name = request.params.project;
  if (name !== undefined && !settings.store.project(name)) throw projectNotFound(name);
}

/** Loads work items for list and batch reads (`errorPolicy`: fail | omit). */
function readMany(settings: OrgSettings, ids: number[], asOf: string | undefined, omit: boolean) {
  if (ids.length > MAX_BATCH_IDS)
    throw invalidArgument(
      `The number of work item ids in the request exceeds the limit of ${MAX_BATCH_IDS}.`,
    );
  return ids.map((id) => {
    const item = read(settings, id, asOf);
    if (!item && !omit) throw workItemNotFound(id);
    return item;
  });
}

function read(settings: OrgSettings, id: number, asOf: string | undefined) {
  const item = loadWorkItem(settings.store, id);
  if (!item || item.rev === 0) return undefined;
  if (!asOf) return item;
  const revision = revisionAsOf(settings.store, id, asOf);
  return revision
    ? { ...item, rev: revision.rev, fields: revision.fields, relations: revision.relations }
    : undefined;
}

function saveContext(settings: OrgSettings, request: FastifyRequest): SaveContext {
  return {
    settings,
    callerId: request.ado.caller.user.id,
    bypassRules: queryParam(request, "bypassRules") === "true",
  };
}

function requirePatchContentType(request: FastifyRequest) {
  const type = (request.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json-patch+json") throw contentTypeNotSupported(type, request.method);
}

/** Applies a `concurrentEdit` fault: another user saves a revision first (case S7). */
function concurrentEdit(settings: OrgSettings, request: FastifyRequest, id: number) {
  const fault = settings.faults.take(
    ["concurrentEdit"],
    request.method,
    request.url.split("?")[0],
    id,
  );
  if (!fault) return;
  const editor =
    settings.store.identity(userId(settings.organization, "max"))?.id ?? request.ado.caller.user.id;
  const fields = fault.fields ?? { "System.History": "Concurrent edit (emulator fault)" };
  const ops = Object.entries(fields).map(([ref, value]) => ({
    op: "add",
    path: `/fields/${ref}`,
    value,
  }));
  updateWorkItem({ settings, callerId: editor, bypassRules: false }, id, ops, {
    validateOnly: false,
  });
}

/** Registers the work item routes. */
export function registerWorkItems(app: FastifyInstance, settings: OrgSettings) {
  const shape = (
    request: FastifyRequest,
    item: WorkItemRow,
    expand?: Expand,
    fields?: string[],
    relations = false,
  ) => workItemShape(settings.store, item, request.ado.baseUrl, { expand, fields, relations });

  orgAndProject(
    app,
    "GET",
    "/_apis/wit/workitems/:id",
    { config: { scope: "vso.work" } },
    async (request) => {
      checkProject(settings, request);
      if (request.params.id.startsWith("$")) return template(settings, request);
      const fields = queryParam(request, "fields")?.split(",");
      const expand = readExpand(request, fields);
      const item = read(settings, Number(request.params.id), queryParam(request, "asOf"));
      if (!item) throw workItemNotFound(request.params.id);
      return shape(request, item, expand, fields);
    },
  );

  orgAndProject(
    app,
    "GET",
    "/_apis/wit/workitems",
    { config: { scope: "vso.work" } },
    async (request, reply) => {
      checkProject(settings, request);
      const ids = (queryParam(request, "ids") ?? "").split(",").filter(Boolean).map(Number);
      if (ids.length === 0) throw invalidArgument("The ids parameter is required.");
      const fields = queryParam(request, "fields")?.split(",");
      const expand = readExpand(request, fields);
      const items = readMany(
        settings,
        ids,
        queryParam(request, "asOf"),
        queryParam(request, "errorPolicy") === "omit",
      );
      return sendList(
        request,
        reply,
        items.map((i) => (i ? shape(request, i, expand, fields) : null)),
      );
    },
  );

  type Batch = {
    ids?: number[];
    fields?: string[];
    $expand?: string;
    asOf?: string;
    errorPolicy?: string;
  };
  orgAndProject(
    app,
    "POST",
    "/_apis/wit/workitemsbatch",
    { config: { scope: "vso.work" } },
    async (request, reply) => {
      checkProject(settings, request);
      const body = (request.body ?? {}) as Batch;
      if (!Array.isArray(body.ids) || body.ids.length === 0)
        throw invalidArgument("The ids parameter is required.");
      const expand = body.$expand?.toLowerCase() as Expand | undefined;
      if (body.fields && expand && expand !== "none")
        throw invalidArgument("The expand parameter can not be used with the fields parameter.");
      const items = readMany(
        settings,
        body.ids,
        body.asOf,
        body.errorPolicy?.toLowerCase() === "omit",
      );
      return sendList(
        request,
        reply,
        items.map((i) => (i ? shape(request, i, expand, body.fields) : null)),
      );
    },
  );

  app.post<{ Params: Params }>(
    "/:project/_apis/wit/workitems/:type",
    { config: { scope: "vso.work_write" } },
    async (request) => {
      requirePatchContentType(request);
      const ops = asPatchDocument(request.body);
      const typeName = request.params.type.replace(/^\$/, "");
      const flags = { validateOnly: queryParam(request, "validateOnly") === "true" };
      const item = createWorkItem(
        saveContext(settings, request),
        request.params.project ?? "",
        typeName,
        ops,
        flags,
      );
      return shape(request, item, readExpand(request, undefined), undefined, true);
    },
  );

  orgAndProject(
    app,
    "PATCH",
    "/_apis/wit/workitems/:id",
    { config: { scope: "vso.work_write" } },
    async (request) => {
      checkProject(settings, request);
      requirePatchContentType(request);
      const ops = asPatchDocument(request.body);
      const id = Number(request.params.id);
      if (!loadWorkItem(settings.store, id)) throw workItemNotFound(request.params.id);
      concurrentEdit(settings, request, id);
      const flags = { validateOnly: queryParam(request, "validateOnly") === "true" };
      const item = updateWorkItem(saveContext(settings, request), id, ops, flags);
      return shape(request, item, readExpand(request, undefined), undefined, true);
    },
  );
}

/** `GET /{project}/_apis/wit/workitems/${type}`: an unsaved work item with the defaults. */
function template(settings: OrgSettings, request: FastifyRequest<{ Params: Params }>) {
  const type = findType(request.params.id.slice(1));
  const project = settings.store.project(request.params.project ?? "");
  if (!type || !project) throw workItemNotFound(request.params.id);
  const base = request.ado.baseUrl;
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
    _links: {
      workItemType: {
        href: `${base}/${project.id}/_apis/wit/workItemTypes/${encodeURIComponent(type.name)}`,
      },
      fields: { href: `${base}/_apis/wit/fields` },
    },
    url: `${base}/${project.id}/_apis/wit/workItems/$${encodeURIComponent(type.name)}`,
  };
}
