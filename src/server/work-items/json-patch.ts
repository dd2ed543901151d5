/**
 * Builds the JSON Patch documents Azure DevOps expects for work item create and update
 * (devopshq/tfs#39): always an array of `{op, path, value}`, field paths
 * `/fields/<reference name>`, sent as `application/json-patch+json` (Work Items_Create /
 * Work Items_Update in wit/7.1). Setting a field uses `add` (the service treats it as replace);
 * clearing uses `remove`; optimistic concurrency uses `{op: "test", path: "/rev", value: rev}`
 * first (spec example
 * PATCH__wit_workitems__taskId_validate_only).
 */
import type { AdoWorkItemRelation, JsonPatchOperation } from "../ado/ado-types";

/** Field reference name -> new value; `null` clears the field. */
export type FieldChanges = Record<string, unknown>;

const REFERENCE_NAME = /^[A-Za-z_][\w]*(\.[\w]+)+$/;

/** True for a field reference name: dotted identifiers such as `System.Title`. */
export function isFieldReferenceName(name: string): boolean {
  return REFERENCE_NAME.test(name);
}

/**
 * The patch path of a field. Reference names are dotted identifiers (`System.Title`,
 * `Custom.My_Field`); RFC 6901 `~`/`/` escaping is applied anyway. Throws on a display name
 * like "Assigned To" (a programmer error: paths take reference names).
 */
export function fieldPath(referenceName: string): string {
  if (!isFieldReferenceName(referenceName)) {
    throw new Error(`"${referenceName}" is not a field reference name (e.g. System.Title).`);
  }
  return `/fields/${referenceName.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** One operation per field: `add` with the value, or `remove` for null/undefined. */
export function fieldOperations(fields: FieldChanges): JsonPatchOperation[] {
  return Object.entries(fields).map(([name, value]) =>
    value === null || value === undefined
      ? { op: "remove", path: fieldPath(name) }
      : { op: "add", path: fieldPath(name), value },
  );
}

/** The `test /rev` guard that makes an update fail with a conflict if `rev` is stale. */
export function revTest(rev: number): JsonPatchOperation {
  return { op: "test", path: "/rev", value: rev };
}

/** An update document: optional rev guard first, then field operations, then extra ops. */
export function buildUpdatePatch(
  fields: FieldChanges,
  options: { rev?: number; extra?: JsonPatchOperation[] } = {},
): JsonPatchOperation[] {
  const guard = options.rev === undefined ? [] : [revTest(options.rev)];
  return [...guard, ...fieldOperations(fields), ...(options.extra ?? [])];
}

/** `add /relations/-`: appends a link (e.g. rel `AttachedFile` with the attachment URL). */
export function addRelation(relation: AdoWorkItemRelation): JsonPatchOperation {
  return { op: "add", path: "/relations/-", value: relation };
}

/** Field changes of a patch (field name -> value, null for remove), for retries and warnings. */
export function fieldsOfPatch(operations: JsonPatchOperation[]): FieldChanges {
  const fields: FieldChanges = {};
  for (const operation of operations) {
    if (!operation.path.startsWith("/fields/")) continue;
    const name = operation.path.slice("/fields/".length).replace(/~1/g, "/").replace(/~0/g, "~");
    fields[name] = operation.op === "remove" ? null : operation.value;
  }
  return fields;
}
