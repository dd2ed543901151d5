/**
 * Work item reads and raw writes (wit/7.1 "Work Items"): get one, get a batch, create and
 * update with a JSON Patch document. Higher-level saves (title limit, unknown identities) are
 * in `work-item-save.ts`; rev-conflict retries in `work-item-rev-retry.ts`; duplicate-safe
 * creates in `work-item-create-marker.ts`.
 */
import { isSyncError, SyncError } from "../../shared/errors";
import { adoInfoOf } from "./ado-error-map";
import type { AdoHttp } from "./ado-http";
import { witPath } from "./ado-paths";
import type { AdoList, AdoWorkItem, JsonPatchOperation } from "./ado-types";

/** `$expand` of work item reads. */
export type WorkItemExpand = "none" | "relations" | "fields" | "links" | "all";

/** Azure DevOps' cap on ids per Work Items_Get Work Items Batch call. */
export const BATCH_MAX_IDS = 200;

/**
 * Reads one work item. (Default expand: relations, which attachments and links need.)
 * Throws SYNC_ERR_WORK_ITEM_NOT_FOUND on 404 (TF401232: missing or not readable).
 */
export async function getWorkItem(
  http: AdoHttp,
  id: number,
  options: { project?: string; expand?: WorkItemExpand; signal?: AbortSignal } = {},
): Promise<AdoWorkItem> {
  try {
    const response = await http.send<AdoWorkItem>({
      method: "GET",
      path: witPath(options.project, `workitems/${id}`),
      query: { $expand: options.expand ?? "relations" },
      signal: options.signal,
    });
    return response.data;
  } catch (error) {
    throw notFoundOr(error, id);
  }
}

/**
 * Reads many work items, 200 ids per call (Work Items_Get Work Items Batch). Ids the service
 * cannot return (deleted, no permission) are listed in `missing` (errorPolicy "omit").
 * `fields` and `expand` cannot be combined (the service refuses it); give one or neither.
 */
export async function getWorkItems(
  http: AdoHttp,
  ids: number[],
  options: { project?: string; fields?: string[]; expand?: WorkItemExpand } = {},
): Promise<{ items: AdoWorkItem[]; missing: number[] }> {
  const items: AdoWorkItem[] = [];
  for (let start = 0; start < ids.length; start += BATCH_MAX_IDS) {
    const chunk = ids.slice(start, start + BATCH_MAX_IDS);
    const response = await http.send<AdoList<AdoWorkItem | null>>({
      method: "POST",
      path: witPath(options.project, "workitemsbatch"),
      body: { kind: "json", value: batchBody(chunk, options) },
      idempotent: true,
    });
    items.push(...response.data.value.filter((item): item is AdoWorkItem => item !== null));
  }
  const found = new Set(items.map((item) => item.id));
  return { items, missing: ids.filter((id) => !found.has(id)) };
}

function batchBody(ids: number[], options: { fields?: string[]; expand?: WorkItemExpand }) {
  return {
    ids,
    errorPolicy: "omit",
    ...(options.fields ? { fields: options.fields } : { $expand: options.expand ?? "relations" }),
  };
}

/** Options of the raw write calls (query parameters of Work Items_Create / _Update). */
export interface WriteFlags {
  /** Check rules and permissions without saving. */
  validateOnly?: boolean;
  /** Skip notifications to subscribers (needs "Bypass rules" style permission on some servers). */
  suppressNotifications?: boolean;
}

/**
 * Creates a work item: `POST {project}/_apis/wit/workitems/${type}` with a JSON Patch array.
 * Not idempotent: a lost answer surfaces as an error with `details.outcome = "unknown"`; use
 * `createWithMarker` for creates that must not duplicate.
 */
export async function postWorkItem(
  http: AdoHttp,
  input: { project: string; type: string; operations: JsonPatchOperation[] } & WriteFlags,
): Promise<AdoWorkItem> {
  const response = await http.send<AdoWorkItem>({
    method: "POST",
    path: witPath(input.project, `workitems/$${encodeURIComponent(input.type)}`),
    query: writeQuery(input),
    body: { kind: "patch", operations: input.operations },
  });
  return response.data;
}

/**
 * Updates a work item: `PATCH {project}/_apis/wit/workitems/{id}` with a JSON Patch array.
 * `idempotent` may be set when repeating the document is harmless (it starts with
 * `test /rev`, or only sets field values).
 */
export async function patchWorkItem(
  http: AdoHttp,
  input: {
    project?: string;
    id: number;
    operations: JsonPatchOperation[];
    idempotent?: boolean;
  } & WriteFlags,
): Promise<AdoWorkItem> {
  try {
    const response = await http.send<AdoWorkItem>({
      method: "PATCH",
      path: witPath(input.project, `workitems/${input.id}`),
      query: writeQuery(input),
      body: { kind: "patch", operations: input.operations },
      idempotent: input.idempotent,
    });
    return response.data;
  } catch (error) {
    throw notFoundOr(error, input.id);
  }
}

function writeQuery(flags: WriteFlags): Record<string, string | undefined> {
  return {
    $expand: "relations",
    validateOnly: flags.validateOnly ? "true" : undefined,
    suppressNotifications: flags.suppressNotifications ? "true" : undefined,
  };
}

/** Maps a 404 to SYNC_ERR_WORK_ITEM_NOT_FOUND, keeping the service's details. */
function notFoundOr(error: unknown, id: number): unknown {
  if (!isSyncError(error) || adoInfoOf(error).status !== 404) return error;
  return new SyncError("SYNC_ERR_WORK_ITEM_NOT_FOUND", error.message, {
    ...error.details,
    workItemId: id,
  });
}
