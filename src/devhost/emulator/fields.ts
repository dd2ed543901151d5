/**
 * Field and link metadata (wit/7.1): `GET _apis/wit/fields[/{field}]` (organization or
 * project level) and `GET _apis/wit/workitemrelationtypes[/{referenceName}]`.
 */
import type { FastifyInstance } from "fastify";

import { fieldNotFound, invalidArgument } from "./ado-errors";
import { type OrgSettings, sendList } from "./context";
import { type FieldDef, FIELDS, findField, supportedOperations } from "./fields-catalog";
import { orgAndProject, READ_WORK } from "./routing";

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

function relationType([name, referenceName]: readonly [string, string], baseUrl: string) {
  return {
    attributes: {
      usage: referenceName.startsWith("System.") ? "workItemLink" : "resourceLink",
      editable: false,
      enabled: true,
    },
    referenceName,
    name,
    url: `${baseUrl}/_apis/wit/workItemRelationTypes/${referenceName}`,
  };
}

/** Registers the field and relation type routes. */
export function registerFields(app: FastifyInstance, _settings: OrgSettings) {
  orgAndProject(app, "GET", "/_apis/wit/fields", READ_WORK, async (request, reply) =>
    sendList(
      request,
      reply,
      FIELDS.map((f) => fieldShape(f, request.ado.baseUrl)),
    ),
  );
  orgAndProject(app, "GET", "/_apis/wit/fields/:id", READ_WORK, async (request) => {
    const def = findField(request.params.id);
    if (!def) throw fieldNotFound(request.params.id);
    return fieldShape(def, request.ado.baseUrl);
  });
  app.get("/_apis/wit/workitemrelationtypes", READ_WORK, async (request, reply) =>
    sendList(
      request,
      reply,
      RELATION_TYPES.map((r) => relationType(r, request.ado.baseUrl)),
    ),
  );
  app.get<{ Params: { name: string } }>(
    "/_apis/wit/workitemrelationtypes/:name",
    READ_WORK,
    async (request) => {
      const key = request.params.name.toLowerCase();
      const found = RELATION_TYPES.find(([, ref]) => ref.toLowerCase() === key);
      if (!found)
        throw invalidArgument(`The relation type '${request.params.name}' does not exist.`);
      return relationType(found, request.ado.baseUrl);
    },
  );
}
