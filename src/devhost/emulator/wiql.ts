/**
 * `POST /{org}/{project?}/{team?}/_apis/wit/wiql` (`{query}`; `$top`, `timePrecision`): runs a
 * flat work item query and answers `{queryType, queryResultType, asOf, columns, sortColumns,
 * workItems: [{id, url}]}`. Bad WIQL gets the service's TF51005/TF51006 errors, so a trigger
 * can be validated by running it.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";

import { invalidArgument, projectNotFound, wiqlInvalid } from "./ado-errors";
import { type OrgSettings, queryParam } from "./context";
import { checkFields, matches, resolveField, sortItems, type WiqlContext } from "./wiql-eval";
import { parseWiql } from "./wiql-parser";
import { allWorkItems } from "./work-item-store";

/** Most work items a query may return without `$top` (VS402337). */
export const WIQL_MAX_RESULTS = 20_000;

type Params = { project?: string; team?: string };

function fieldRef(name: string, baseUrl: string) {
  const def = resolveField(name);
  return {
    referenceName: def.referenceName,
    name: def.name,
    url: `${baseUrl}/_apis/wit/fields/${def.referenceName}`,
  };
}

function runQuery(
  settings: OrgSettings,
  request: FastifyRequest<{ Params: Params; Body: { query?: unknown } }>,
) {
  const text = request.body?.query;
  if (typeof text !== "string" || !text.trim())
    throw invalidArgument('The query is required: send {"query": "SELECT ..."}.');
  const projectName = request.params.project;
  const project = projectName === undefined ? undefined : settings.store.project(projectName);
  if (projectName !== undefined && !project) throw projectNotFound(projectName);
  const query = parseWiql(text);
  if (query.from.toLowerCase() !== "workitems") {
    throw wiqlInvalid(
      `TF51011: The emulator runs flat queries FROM WorkItems only, not FROM ${query.from}.`,
    );
  }
  checkFields(query);
  const ctx: WiqlContext = {
    store: settings.store,
    projectName: project?.name,
    callerId: request.ado.caller.user.id,
    timePrecision: queryParam(request, "timePrecision") === "true",
  };
  const found = allWorkItems(settings.store).filter(
    (w) => w.rev > 0 && matches(ctx, query.where, w.fields),
  );
  const top = queryParam(request, "$top");
  if (top === undefined && found.length > WIQL_MAX_RESULTS) {
    throw wiqlInvalid(
      `VS402337: The number of work items returned exceeds the size limit of ${WIQL_MAX_RESULTS}. Change the query to return fewer items.`,
    );
  }
  const sorted = sortItems(ctx, query, found).slice(0, top === undefined ? undefined : Number(top));
  const baseUrl = request.ado.baseUrl;
  return {
    queryType: "flat",
    queryResultType: "workItem",
    asOf: new Date().toISOString(),
    columns: query.fields.map((f) => fieldRef(f, baseUrl)),
    sortColumns: query.orderBy.map((o) => ({
      field: fieldRef(o.field, baseUrl),
      descending: o.descending,
    })),
    workItems: sorted.map((w) => ({ id: w.id, url: `${baseUrl}/_apis/wit/workItems/${w.id}` })),
  };
}

/** Registers the WIQL routes (organization, project and team level). */
export function registerWiql(app: FastifyInstance, settings: OrgSettings) {
  const handler = async (request: FastifyRequest<{ Params: Params; Body: { query?: unknown } }>) =>
    runQuery(settings, request);
  for (const path of [
    "/_apis/wit/wiql",
    "/:project/_apis/wit/wiql",
    "/:project/:team/_apis/wit/wiql",
  ]) {
    app.post(path, { config: { scope: "vso.work" } }, handler);
  }
}
