/**
 * Work item routes (wit/7.1 "Work Items"): the reads of `work-item-reads.ts`, create
 * (`POST /{project}/_apis/wit/workitems/${type}`) and update (`PATCH .../workitems/{id}`), both
 * with `Content-Type: application/json-patch+json` only (Work Items - Update, wit 7.1;
 * devopshq/tfs#39).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";

import { contentTypeNotSupported, workItemNotFound } from "./ado-errors";
import { type OrgSettings, queryParam } from "./context";
import { type ItemHandler, type ItemParams, orgAndProject, READ_WORK, WRITE_WORK } from "./routing";
import { userId } from "./seed";
import { asPatchDocument } from "./work-item-patch";
import {
  batchWorkItems,
  checkProject,
  getWorkItem,
  listWorkItems,
  readExpand,
} from "./work-item-reads";
import type { SaveContext } from "./work-item-rules";
import { createWorkItem, updateWorkItem } from "./work-item-save";
import { workItemShape } from "./work-item-shape";
import { loadWorkItem } from "./work-item-store";

function saveContext(settings: OrgSettings, request: FastifyRequest): SaveContext {
  return {
    settings,
    callerId: request.ado.caller.user.id,
    bypassRules: queryParam(request, "bypassRules") === "true",
  };
}

/** @throws AdoError 415 unless the body is `application/json-patch+json` (devopshq/tfs#39). */
function requirePatchContentType(request: FastifyRequest) {
  const type = (request.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json-patch+json") throw contentTypeNotSupported(type, request.method);
}

/**
 * Applies a `concurrentEdit` fault: another user (Max Member) saves a revision first, so a
 * `test /rev` update fails with 412 (tfsaggregator/aggregator-cli#128).
 */
function concurrentEdit(settings: OrgSettings, request: FastifyRequest, id: number) {
  const path = request.url.split("?")[0];
  const fault = settings.faults.take(["concurrentEdit"], request.method, path, id);
  if (!fault) return;
  const max = settings.store.identity(userId(settings.organization, "max"));
  const editor = max?.id ?? request.ado.caller.user.id;
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

const saveFlags = (request: FastifyRequest) => ({
  validateOnly: queryParam(request, "validateOnly") === "true",
});

const createHandler =
  (settings: OrgSettings): ItemHandler =>
  async (request) => {
    requirePatchContentType(request);
    const ops = asPatchDocument(request.body);
    const typeName = request.params.type.replace(/^\$/, "");
    const project = request.params.project ?? "";
    const item = createWorkItem(
      saveContext(settings, request),
      project,
      typeName,
      ops,
      saveFlags(request),
    );
    const options = { expand: readExpand(request), relations: true };
    return workItemShape(settings.store, item, request.ado.baseUrl, options);
  };

const updateHandler =
  (settings: OrgSettings): ItemHandler =>
  async (request) => {
    checkProject(settings, request);
    requirePatchContentType(request);
    const ops = asPatchDocument(request.body);
    const id = Number(request.params.id);
    if (!loadWorkItem(settings.store, id)) throw workItemNotFound(request.params.id);
    concurrentEdit(settings, request, id);
    const item = updateWorkItem(saveContext(settings, request), id, ops, saveFlags(request));
    const options = { expand: readExpand(request), relations: true };
    return workItemShape(settings.store, item, request.ado.baseUrl, options);
  };

/** Registers the work item routes. */
export function registerWorkItems(app: FastifyInstance, settings: OrgSettings) {
  orgAndProject(app, "GET", "/_apis/wit/workitems/:id", READ_WORK, getWorkItem(settings));
  orgAndProject(app, "GET", "/_apis/wit/workitems", READ_WORK, listWorkItems(settings));
  orgAndProject(app, "POST", "/_apis/wit/workitemsbatch", READ_WORK, batchWorkItems(settings));
  orgAndProject(app, "PATCH", "/_apis/wit/workitems/:id", WRITE_WORK, updateHandler(settings));
  app.post<{ Params: ItemParams }>(
    "/:project/_apis/wit/workitems/:type",
    WRITE_WORK,
    createHandler(settings),
  );
}
