/**
 * Saving work items so that one bad value does not sink the whole save: titles are cut to the
 * limit and unknown identities are left out or replaced by the fallback.
 * Each such change becomes a warning in the result.
 */
import { isSyncError } from "../../shared/errors";
import { adoInfoOf } from "../ado/ado-error-map";
import type { AdoHttp } from "../ado/ado-http";
import type { AdoWorkItem, JsonPatchOperation } from "../ado/ado-types";
import { patchWorkItem, postWorkItem, type WriteFlags } from "../ado/work-item-api";
import {
  fieldOfIdentity,
  type IdentityPolicy,
  replaceUnknownIdentity,
  unknownIdentityOf,
} from "./identity-fallback";
import { buildUpdatePatch, type FieldChanges, fieldOperations } from "./json-patch";
import type { SyncWarning } from "./sync-warning";
import { DEFAULT_TITLE_MAX, limitTitle } from "./title-limit";

/** Options of a save. */
export interface SaveOptions {
  /** Title limit in UTF-16 units. (Default: 255, Azure DevOps' own limit.) */
  titleMax?: number;
  /** Unknown identities. (Default: leave the field out.) */
  identity?: IdentityPolicy;
}

/** A saved work item and what had to be changed to save it. */
export interface SaveResult {
  workItem: AdoWorkItem;
  warnings: SyncWarning[];
}

/** Creates a work item of `type` in `project` from field values (plus extra operations). */
export async function createWorkItem(
  http: AdoHttp,
  input: {
    project: string;
    type: string;
    fields: FieldChanges;
    extra?: JsonPatchOperation[];
  } & WriteFlags,
  options: SaveOptions = {},
): Promise<SaveResult> {
  return saveWithFallback(input.fields, options, (fields) =>
    postWorkItem(http, {
      ...input,
      operations: [...fieldOperations(fields), ...(input.extra ?? [])],
    }),
  );
}

/** Updates work item `id`; with `rev`, the save fails with SYNC_ERR_ADO_CONFLICT if stale. */
export async function updateWorkItem(
  http: AdoHttp,
  input: {
    project?: string;
    id: number;
    fields: FieldChanges;
    rev?: number;
    extra?: JsonPatchOperation[];
  } & WriteFlags,
  options: SaveOptions = {},
): Promise<SaveResult> {
  return saveWithFallback(input.fields, options, (fields) =>
    patchWorkItem(http, {
      ...input,
      operations: buildUpdatePatch(fields, { rev: input.rev, extra: input.extra }),
      // Repeating is harmless: with a rev guard a repeat conflicts; without, it sets the same values.
      idempotent: !input.extra?.length,
    }),
  );
}

/**
 * Runs `send` with the title limited, and again after each unknown-identity rejection with
 * that field changed, until it saves or fails for another reason.
 */
export async function saveWithFallback(
  initial: FieldChanges,
  options: SaveOptions,
  send: (fields: FieldChanges) => Promise<AdoWorkItem>,
): Promise<SaveResult> {
  const warnings: SyncWarning[] = [];
  let fields = limitTitleField(initial, options.titleMax ?? DEFAULT_TITLE_MAX, warnings);
  for (;;) {
    try {
      return { workItem: await send(fields), warnings };
    } catch (error) {
      const unknown = isSyncError(error) ? unknownIdentityOf(adoInfoOf(error)) : undefined;
      const field = unknown ? fieldOfIdentity(fields, unknown) : undefined;
      if (!unknown || !field) throw error;
      const replaced = replaceUnknownIdentity(fields, field, unknown, options.identity ?? {});
      fields = replaced.fields;
      warnings.push(replaced.warning);
    }
  }
}

function limitTitleField(fields: FieldChanges, max: number, warnings: SyncWarning[]): FieldChanges {
  const title = fields["System.Title"];
  if (typeof title !== "string") return fields;
  const limited = limitTitle(title, max);
  if (limited.warning) warnings.push(limited.warning);
  return { ...fields, "System.Title": limited.title };
}
