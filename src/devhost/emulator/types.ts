/**
 * Work item type metadata (wit/7.1): `GET /{project}/_apis/wit/workitemtypes[/{type}]`,
 * `.../workitemtypes/{type}/states`, `.../workitemtypes/{type}/fields[/{field}]`,
 * `GET _apis/wit/fields[/{field}]` and `GET _apis/wit/workitemrelationtypes`.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";

import {
  fieldNotFound,
  invalidArgument,
  projectNotFound,
  workItemTypeNotFound,
} from "./ado-errors";
import { type OrgSettings, queryParam, sendList } from "./context";
import { type FieldDef, FIELDS, findField, supportedOperations } from "./fields-catalog";
import { COMMON_FIELDS, findType, type TypeDef, WORK_ITEM_TYPES } from "./types-catalog";
import { orgAndProject } from "./work-items";

/** Link types the emulator accepts in relations (name, reference name, directionality). */
const RELATION_TYPES: ReadonlyArray<[string, string]> = [
  ["Parent", "System.LinkTypes.Hierarchy-Reverse"],
  ["Child", "System.LinkTypes.Hierarchy-Forward"],
  ["Related", "System.LinkTypes.Related"],
  ["Successor", "System.LinkTypes.Dependency-Forward"],
  ["Predecessor", "System.LinkTypes.Dependency-Reverse"],
  ["Duplicate", "System.LinkTypes.Duplicate-Forward"],
  ["Duplicate Of", "System.LinkTypes.Duplicate-Reverse"],
  ["Hyperlink", "Hyperlink"],
  ["Attached File", "AttachedFile"],
  ["Artifact Link", "ArtifactLink"],
];

/** `WorkItemField` of the fields API. */
export function fieldShape(def: FieldDef, baseUrl: string) {
  return {
    name: def.name,
    referenceName: def.referenceName,
    description: "",
    type: def.type,
    usage: "workItem",
    readOnly: def.readOnly,
    canSortBy: def.type !== "html" && def.type !== "history",
    isQueryable: true,
    supportedOperations: supportedOperations(def.type),
    isIdentity: def.type === "identity",
    isPicklist: false,
    isPicklistSuggested: false,
    url: `${baseUrl}/_apis/wit/fields/${def.referenceName}`,
  };
}

function typeFields(type: TypeDef): FieldDef[] {
  return [...COMMON_FIELDS, ...type.extraFields]
    .map((ref) => findField(ref))
    .filter((f): f is FieldDef => f !== undefined);
}

function fieldInstance(def: FieldDef, baseUrl: string, expandAll = false) {
  return {
    ...(expandAll ? { allowedValues: [], dependentFields: [] } : {}),
    defaultValue: def.referenceName === "Microsoft.VSTS.Common.Priority" ? "2" : null,
    helpText: "",
    alwaysRequired: def.referenceName === "System.Title" || def.referenceName === "System.State",
    referenceName: def.referenceName,
    name: def.name,
    url: `${baseUrl}/_apis/wit/fields/${def.referenceName}`,
  };
}

function typeShape(type: TypeDef, projectId: string, baseUrl: string) {
  const url = `${baseUrl}/${projectId}/_apis/wit/workItemTypes/${encodeURIComponent(type.name)}`;
  const fields = typeFields(type).map((f) => fieldInstance(f, baseUrl));
  const transitions = Object.fromEntries(
    ["", ...type.states.map((s) => s.name)].map((from) => [
      from,
      type.states.filter((s) => s.name !== from).map((s) => ({ to: s.name, actions: null })),
    ]),
  );
  return {
    name: type.name,
    referenceName: type.referenceName,
    description: type.description,
    color: type.color,
    icon: {
      id: type.icon,
      url: `${baseUrl}/_apis/wit/workItemIcons/${type.icon}?color=${type.color}&v=2`,
    },
    isDisabled: false,
    xmlForm: `<FORM><Layout HideReadOnlyEmptyFields="true" HideControlBorders="true"><Control FieldName="System.Title" Type="FieldControl" /></Layout></FORM>`,
    fields,
    fieldInstances: fields,
    transitions,
    states: type.states,
    _links: { self: { href: url } },
    url,
  };
}

type Params = { project: string; type: string; field?: string };

const expandAll = (request: FastifyRequest) =>
  queryParam(request, "$expand")?.toLowerCase() === "all";

function resolve(settings: OrgSettings, request: FastifyRequest<{ Params: Params }>) {
  const project = settings.store.project(request.params.project);
  if (!project) throw projectNotFound(request.params.project);
  const type = findType(request.params.type);
  if (!type) throw workItemTypeNotFound(request.params.type);
  return { project, type };
}

/** Registers the type and field routes. */
export function registerTypes(app: FastifyInstance, settings: OrgSettings) {
  const read = { config: { scope: "vso.work" as const } };
  app.get<{ Params: { project: string } }>(
    "/:project/_apis/wit/workitemtypes",
    read,
    async (request, reply) => {
      const project = settings.store.project(request.params.project);
      if (!project) throw projectNotFound(request.params.project);
      return sendList(
        request,
        reply,
        WORK_ITEM_TYPES.map((t) => typeShape(t, project.id, request.ado.baseUrl)),
      );
    },
  );
  app.get<{ Params: Params }>("/:project/_apis/wit/workitemtypes/:type", read, async (request) => {
    const { project, type } = resolve(settings, request);
    return typeShape(type, project.id, request.ado.baseUrl);
  });
  app.get<{ Params: Params }>(
    "/:project/_apis/wit/workitemtypes/:type/states",
    read,
    async (request, reply) => sendList(request, reply, [...resolve(settings, request).type.states]),
  );
  app.get<{ Params: Params }>(
    "/:project/_apis/wit/workitemtypes/:type/fields",
    read,
    async (request, reply) => {
      const { type } = resolve(settings, request);
      return sendList(
        request,
        reply,
        typeFields(type).map((f) => fieldInstance(f, request.ado.baseUrl, expandAll(request))),
      );
    },
  );
  app.get<{ Params: Params }>(
    "/:project/_apis/wit/workitemtypes/:type/fields/:field",
    read,
    async (request) => {
      const { type } = resolve(settings, request);
      const def = typeFields(type).find((f) => f === findField(request.params.field ?? ""));
      if (!def) throw fieldNotFound(request.params.field ?? "");
      return fieldInstance(def, request.ado.baseUrl, expandAll(request));
    },
  );

  orgAndProject(app, "GET", "/_apis/wit/fields", read, async (request, reply) =>
    sendList(
      request,
      reply,
      FIELDS.map((f) => fieldShape(f, request.ado.baseUrl)),
    ),
  );
  orgAndProject(app, "GET", "/_apis/wit/fields/:id", read, async (request) => {
    const def = findField(request.params.id);
    if (!def) throw fieldNotFound(request.params.id);
    return fieldShape(def, request.ado.baseUrl);
  });
  const relationType = ([name, referenceName]: readonly [string, string], baseUrl: string) => ({
    attributes: {
      usage: referenceName.startsWith("System.") ? "workItemLink" : "resourceLink",
      editable: false,
      enabled: true,
    },
    referenceName,
    name,
    url: `${baseUrl}/_apis/wit/workItemRelationTypes/${referenceName}`,
  });
  app.get("/_apis/wit/workitemrelationtypes", read, async (request, reply) =>
    sendList(
      request,
      reply,
      RELATION_TYPES.map((r) => relationType(r, request.ado.baseUrl)),
    ),
  );
  app.get<{ Params: { name: string } }>(
    "/_apis/wit/workitemrelationtypes/:name",
    read,
    async (request) => {
      const key = request.params.name.toLowerCase();
      const found = RELATION_TYPES.find(([, ref]) => ref.toLowerCase() === key);
      if (!found)
        throw invalidArgument(`The relation type '${request.params.name}' does not exist.`);
      return relationType(found, request.ado.baseUrl);
    },
  );
}
