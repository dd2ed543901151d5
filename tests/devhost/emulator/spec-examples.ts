/**
 * Loads Microsoft's example requests and responses (`httpExamples/` next to each spec in
 * /work/shared/ado-rest-specs, MicrosoftDocs/vsts-rest-api-specs) and compares response shapes.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Root of the specs (strip the UTF-8 BOM before JSON.parse). */
export const SPECS_ROOT = process.env.ADO_SPECS_ROOT ?? "/work/shared/ado-rest-specs/specification";

/** One example: request and the documented response. */
export interface SpecExample {
  /** e.g. `wit/workItems/PATCH__wit_workitems__taskId_3.json` */
  name: string;
  method: string;
  url: string;
  accept?: string;
  body: unknown;
  status: number;
  response: unknown;
}

const METHOD_BY_PREFIX: Record<string, string> = { UPDATE: "PATCH" };

/** The examples of `area` (core | wit) for 7.1 in the listed folders. */
export function loadExamples(area: string, folders: readonly string[]): SpecExample[] {
  return folders.flatMap((folder) => {
    const dir = path.join(SPECS_ROOT, area, "7.1", "httpExamples", folder);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((file) => {
        const json = JSON.parse(readFileSync(path.join(dir, file), "utf8").replace(/^\uFEFF/, ""));
        const [status] = Object.keys(json.responses);
        const prefix = file.split("_")[0].toUpperCase();
        const params = json.parameters ?? {};
        return {
          name: `${area}/${folder}/${file}`,
          method: String(
            json["x-ms-vss-request-method"] ?? METHOD_BY_PREFIX[prefix] ?? prefix,
          ).toUpperCase(),
          url: String(json["x-ms-vss-request-url"] ?? "").trim(),
          accept: params.accept,
          body: params.body ?? null,
          status: Number(status),
          response: json.responses[status]?.body ?? null,
        };
      });
  });
}

function kind(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** List properties whose first element is compared too. */
const LISTS = ["value", "comments", "workItems", "columns", "children"];

/**
 * Differences between the documented shape and an actual body: every key of the example is
 * present with the same JSON type (null in the example matches anything; extra keys are
 * allowed), at the top level and in the first element of list properties.
 */
export function shapeDifferences(expected: unknown, actual: unknown, where = "body"): string[] {
  if (expected === null || expected === undefined) return [];
  if (kind(expected) !== kind(actual))
    return [`${where}: ${kind(expected)} expected, got ${kind(actual)}`];
  if (Array.isArray(expected)) {
    return expected.length > 0 && (actual as unknown[]).length > 0
      ? shapeDifferences(expected[0], (actual as unknown[])[0], `${where}[0]`)
      : [];
  }
  if (kind(expected) !== "object") return [];
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(e)) {
    if (!(key in a)) problems.push(`${where}.${key} missing`);
    else if (e[key] !== null && kind(e[key]) !== kind(a[key]))
      problems.push(`${where}.${key}: ${kind(e[key])} expected, got ${kind(a[key])}`);
    else if (LISTS.includes(key) && Array.isArray(e[key]) && where === "body")
      problems.push(...shapeDifferences(e[key], a[key], `${where}.${key}`));
  }
  return problems;
}
