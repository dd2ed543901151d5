/**
 * WIQL queries (wit/7.1 Wiql_Query By Wiql: `POST {org}/{project}/{team}/_apis/wit/wiql`).
 * A WIQL answer holds ids only; read the work items with `getWorkItems`.
 */
import type { AdoHttp } from "./ado-http";
import { projectPrefix } from "./ado-paths";
import type { AdoWiqlResult } from "./ado-types";

/** Options of `queryWiql`. */
export interface WiqlOptions {
  /** Project context (`@project` and the default scope). */
  project?: string;
  /** Team context (`@currentIteration`); needs `project`. */
  team?: string;
  /** At most this many ids. (Default: none: the service caps a flat query at 20000 ids, VS402337.) */
  top?: number;
  /** Compare dates with their time of day. (Default: true: watermarks need it.) */
  timePrecision?: boolean;
}

/** Runs a flat WIQL query; returns the ids in query order and the service's `asOf`. */
export async function queryWiql(
  http: AdoHttp,
  query: string,
  options: WiqlOptions = {},
): Promise<{ ids: number[]; asOf?: string }> {
  const team = options.project && options.team ? `${encodeURIComponent(options.team)}/` : "";
  const response = await http.send<AdoWiqlResult>({
    method: "POST",
    path: `${projectPrefix(options.project)}${team}_apis/wit/wiql`,
    query: { timePrecision: options.timePrecision ?? true, $top: options.top },
    body: { kind: "json", value: { query } },
    idempotent: true,
  });
  return { ids: response.data.workItems.map((item) => item.id), asOf: response.data.asOf };
}
