/**
 * Work item type metadata (wit/7.1): `GET /{project}/_apis/wit/workitemtypes[/{type}]`,
 * `.../workitemtypes/{type}/states`, `.../workitemtypes/{type}/fields[/{field}]`,
 * (fields and relation types: `fields.ts`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import { fieldNotFound, projectNotFound, workItemTypeNotFound } from "./ado-errors";
import { type OrgSettings, queryParam, sendList } from "./context";
import { type FieldDef, findField } from "./fields-catalog";
import { COMMON_FIELDS, findType, type TypeDef, WORK_ITEM_TYPES } from "./types-catalog";

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

type ProjectParams = { project: string };
type Handler<P> = (request: FastifyRequest<{ Params: P }>, reply: FastifyReply) => Promise<unknown>;

const listTypes =
  (settings: OrgSettings): Handler<ProjectParams> =>
  async (request, reply) => {
    const project = settings.store.project(request.params.project);
    if (!project) throw projectNotFound(request.params.project);
    const base = request.ado.baseUrl;
    return sendList(
      request,
      reply,
      WORK_ITEM_TYPES.map((t) => typeShape(t, project.id, base)),
    );
  };

const getTypeField =
  (settings: OrgSettings): Handler<Params> =>
  async (request) => {
    const { type } = resolve(settings, request);
    const def = typeFields(type).find((f) => f === findField(request.params.field ?? ""));
    if (!def) throw fieldNotFound(request.params.field ?? "");
    return fieldInstance(def, request.ado.baseUrl, expandAll(request));
  };

/** Registers the work item type routes. */
export function registerTypes(app: FastifyInstance, settings: OrgSettings) {
  const read = { config: { scope: "vso.work" as const } };
  const base = "/:project/_apis/wit/workitemtypes";
  app.get<{ Params: ProjectParams }>(base, read, listTypes(settings));
  app.get<{ Params: Params }>(`${base}/:type`, read, async (request) => {
    const { project, type } = resolve(settings, request);
    return typeShape(type, project.id, request.ado.baseUrl);
  });
  app.get<{ Params: Params }>(`${base}/:type/states`, read, async (request, reply) =>
    sendList(request, reply, [...resolve(settings, request).type.states]),
  );
  app.get<{ Params: Params }>(`${base}/:type/fields`, read, async (request, reply) => {
    const { type } = resolve(settings, request);
    const all = expandAll(request);
    const fields = typeFields(type).map((f) => fieldInstance(f, request.ado.baseUrl, all));
    return sendList(request, reply, fields);
  });
  app.get<{ Params: Params }>(`${base}/:type/fields/:field`, read, getTypeField(settings));
}
