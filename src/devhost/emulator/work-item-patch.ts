/**
 * Applies a JSON Patch document (RFC 6902 subset the service accepts) to a work item draft:
 * `/fields/{ref}` add|replace|remove|test, `/rev` and `/id` test, `/relations/-` add,
 * `/relations/{i}` remove|replace, `/relations/{i}/attributes/{name}` add|replace, and
 * `/multilineFieldsFormat/{ref}` add|replace. The body must be a non-empty array
 * (Work Items - Update, wit 7.1; devopshq/tfs#39).
 */
import {
  AdoError,
  attachmentNotFound,
  fieldNotFound,
  fieldReadOnly,
  invalidArgument,
  invalidPatchDocument,
  revisionMismatch,
  tooManyAttachments,
} from "./ado-errors";
import { BYPASS_WRITABLE, findField } from "./fields-catalog";
import type { FieldMap, RelationRow } from "./store";
import { normalizeValue, type SaveContext } from "./work-item-rules";

/** One operation of a patch document. */
export interface PatchOperation {
  op: string;
  path: string;
  value?: unknown;
  from?: string | null;
}

/** The mutable parts of a work item during a save. */
export interface Draft {
  rev: number;
  id: number;
  fields: FieldMap;
  relations: RelationRow[];
  formats: Record<string, string>;
  /** Reference names the patch wrote explicitly. */
  explicit: Set<string>;
}

const OPS = ["add", "replace", "remove", "test", "copy", "move"];

/**
 * Checks that a request body is a JSON Patch document.
 * @throws AdoError VssPropertyValidationException when it is an object, a single operation,
 *   an empty array, or has an operation without `op`/`path`.
 */
export function asPatchDocument(body: unknown): PatchOperation[] {
  if (!Array.isArray(body) || body.length === 0) throw invalidPatchDocument();
  for (const op of body as unknown[]) {
    const o = op as Record<string, unknown> | null;
    if (
      !o ||
      typeof o !== "object" ||
      typeof o.path !== "string" ||
      !OPS.includes(String(o.op).toLowerCase())
    ) {
      throw invalidPatchDocument();
    }
  }
  return body as PatchOperation[];
}

/** 412 for a failed `test` on anything but /rev (the service answers the same way). */
const testFailed = (path: string) =>
  new AdoError(
    412,
    "VssPropertyValidationException",
    `The test operation for path '${path}' failed.`,
    "Microsoft.VisualStudio.Services.Common.VssPropertyValidationException, Microsoft.VisualStudio.Services.Common",
  );

function applyField(ctx: SaveContext, draft: Draft, op: string, name: string, value: unknown) {
  const def = findField(name);
  if (!def) throw fieldNotFound(name);
  const ref = def.referenceName;
  if (op === "test") {
    if (JSON.stringify(draft.fields[ref]) !== JSON.stringify(normalizeValue(ctx, def, value)))
      throw testFailed(`/fields/${ref}`);
    return;
  }
  const writable = !def.readOnly || (ctx.bypassRules && BYPASS_WRITABLE.has(ref));
  if (!writable) throw fieldReadOnly(ref);
  draft.explicit.add(ref);
  const stored = op === "remove" ? undefined : normalizeValue(ctx, def, value);
  if (stored === undefined) delete draft.fields[ref];
  else draft.fields[ref] = stored;
}

function attachmentRelation(ctx: SaveContext, value: Record<string, unknown>): RelationRow {
  const url = String(value.url ?? "");
  const id = /attachments\/([0-9a-f-]{36})/i.exec(url)?.[1];
  const row = id
    ? (ctx.settings.store.db
        .prepare("SELECT file_name, length(content) AS size FROM attachments WHERE id = ?")
        .get(id) as { file_name: string; size: number } | undefined)
    : undefined;
  if (!id || !row) throw attachmentNotFound(id ?? url);
  const attributes = (value.attributes as Record<string, unknown> | undefined) ?? {};
  return {
    rel: "AttachedFile",
    url,
    attributes: {
      ...attributes,
      authorizedDate: ctx.settings.store.now(),
      id: 0,
      resourceCreatedDate: new Date().toISOString(),
      resourceModifiedDate: new Date().toISOString(),
      revisedDate: "9999-01-01T00:00:00Z",
      resourceSize: row.size,
      name: attributes.name ?? row.file_name,
    },
  };
}

function addRelation(ctx: SaveContext, draft: Draft, value: unknown) {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v.rel !== "string" || typeof v.url !== "string") {
    throw invalidArgument("A relation needs 'rel' and 'url'.");
  }
  if (
    draft.relations.some(
      (r) => r.rel === v.rel && r.url.toLowerCase() === String(v.url).toLowerCase(),
    )
  ) {
    throw invalidArgument(`Relation already exists: ${v.rel} ${v.url}.`);
  }
  if (v.rel === "AttachedFile") {
    const count = draft.relations.filter((r) => r.rel === "AttachedFile").length;
    if (count >= ctx.settings.attachmentsPerWorkItem)
      throw tooManyAttachments(ctx.settings.attachmentsPerWorkItem);
    draft.relations.push(attachmentRelation(ctx, v));
    return;
  }
  draft.relations.push({
    rel: v.rel,
    url: v.url,
    attributes: { ...((v.attributes as Record<string, unknown>) ?? {}) },
  });
}

function applyRelation(
  ctx: SaveContext,
  draft: Draft,
  op: string,
  parts: string[],
  value: unknown,
) {
  const [index, attributes, name] = parts;
  if (index === "-" && op === "add") return addRelation(ctx, draft, value);
  const i = Number(index);
  const relation = draft.relations[i];
  if (!Number.isInteger(i) || !relation)
    throw invalidArgument(`The relation index '${index}' is not valid.`);
  if (attributes === "attributes" && name && (op === "add" || op === "replace")) {
    relation.attributes = { ...relation.attributes, [name]: value };
  } else if (attributes === undefined && op === "remove") {
    draft.relations.splice(i, 1);
  } else if (attributes === undefined && op === "replace") {
    draft.relations[i] = { ...relation, ...(value as Partial<RelationRow>) };
  } else {
    throw invalidArgument(
      `The operation '${op}' is not supported for path '/relations/${parts.join("/")}'.`,
    );
  }
}

/**
 * Applies `ops` to `draft` in order.
 * @throws AdoError 412 TF26071 when `test /rev` does not match; 400 errors of the rules.
 */
export function applyPatch(ctx: SaveContext, draft: Draft, ops: PatchOperation[]): void {
  for (const operation of ops) {
    const op = operation.op.toLowerCase();
    const [root, ...rest] = operation.path.replace(/^\//, "").split("/");
    switch (root.toLowerCase()) {
      case "rev":
      case "id": {
        const current = root.toLowerCase() === "rev" ? draft.rev : draft.id;
        if (op !== "test")
          throw fieldReadOnly(root.toLowerCase() === "rev" ? "System.Rev" : "System.Id");
        if (Number(operation.value) !== current) throw revisionMismatch();
        break;
      }
      case "fields":
        applyField(ctx, draft, op, decodeURIComponent(rest.join("/")), operation.value);
        break;
      case "relations":
        applyRelation(ctx, draft, op, rest, operation.value);
        break;
      case "multilinefieldsformat":
        draft.formats[findField(rest.join("/"))?.referenceName ?? rest.join("/")] = String(
          operation.value,
        ).toLowerCase();
        break;
      default:
        throw invalidArgument(`The path '${operation.path}' is not valid for a work item.`);
    }
  }
}
