/**
 * The `WorkItem` REST shape: `{id, rev, fields, relations?, _links, url}` with identity fields
 * as IdentityRef objects, `$expand` (none | relations | fields | links | all) and `fields=`.
 */
import { FIELDS, findField } from "./fields-catalog";
import { identityRef } from "./identity-refs";
import type { EmulatorStore, FieldMap, RelationRow } from "./store";

/** `$expand` values of the work item routes. */
export const EXPANDS = ["none", "relations", "fields", "links", "all"] as const;
export type Expand = (typeof EXPANDS)[number];

/** Fields the service keeps out of `fields` unless asked for by name. */
const HIDDEN_BY_DEFAULT = new Set([
  "System.Id",
  "System.Rev",
  "System.AreaId",
  "System.IterationId",
  "System.AuthorizedDate",
  "System.RevisedDate",
]);

const ORDER = new Map(FIELDS.map((f, i) => [f.referenceName, i]));

/** Renders one stored field value (identity ids become IdentityRef objects). */
export function renderValue(store: EmulatorStore, ref: string, value: unknown, baseUrl: string) {
  if (findField(ref)?.type !== "identity" || typeof value !== "string") return value;
  const identity = store.identity(value);
  return identity ? identityRef(identity, baseUrl) : { displayName: value, uniqueName: value };
}

/** Renders a field map; `only` limits it to the named fields (the `fields=` parameter). */
export function renderFields(
  store: EmulatorStore,
  fields: FieldMap,
  baseUrl: string,
  only?: string[],
): FieldMap {
  const names = only
    ? only.map((n) => findField(n)?.referenceName ?? n).filter((n) => fields[n] !== undefined)
    : Object.keys(fields)
        .filter((n) => !HIDDEN_BY_DEFAULT.has(n))
        .sort((a, b) => (ORDER.get(a) ?? 999) - (ORDER.get(b) ?? 999));
  return Object.fromEntries(names.map((n) => [n, renderValue(store, n, fields[n], baseUrl)]));
}

/** Work item links (`_links`) as the service sends them. */
export function workItemLinks(id: number, projectId: string, type: string, baseUrl: string) {
  const self = `${baseUrl}/_apis/wit/workItems/${id}`;
  return {
    self: { href: self },
    workItemUpdates: { href: `${self}/updates` },
    workItemRevisions: { href: `${self}/revisions` },
    workItemComments: { href: `${self}/comments` },
    html: { href: `${baseUrl}/web/wi.aspx?id=${id}` },
    workItemType: {
      href: `${baseUrl}/${projectId}/_apis/wit/workItemTypes/${encodeURIComponent(type)}`,
    },
    fields: { href: `${baseUrl}/_apis/wit/fields` },
  };
}

/** What to render of a work item. */
export interface ShapeOptions {
  expand?: Expand;
  fields?: string[];
  /** Include relations even without `$expand` (PATCH and create answers do). */
  relations?: boolean;
}

/** Renders a work item (or one revision of it). */
export function workItemShape(
  store: EmulatorStore,
  item: {
    id: number;
    rev: number;
    projectId: string;
    fields: FieldMap;
    relations: RelationRow[];
    formats?: Record<string, string>;
  },
  baseUrl: string,
  options: ShapeOptions = {},
) {
  const expand = options.expand ?? "none";
  const withRelations =
    expand === "relations" ||
    expand === "all" ||
    (options.relations === true && item.relations.length > 0);
  const formats = item.formats ?? {};
  return {
    id: item.id,
    rev: item.rev,
    fields: renderFields(store, item.fields, baseUrl, options.fields),
    ...(withRelations ? { relations: item.relations } : {}),
    ...(Object.keys(formats).length > 0 ? { multilineFieldsFormat: formats } : {}),
    ...(options.fields
      ? {}
      : {
          _links: workItemLinks(
            item.id,
            item.projectId,
            String(item.fields["System.WorkItemType"]),
            baseUrl,
          ),
        }),
    url: `${baseUrl}/_apis/wit/workItems/${item.id}`,
  };
}
