/**
 * Creates that never make a second work item (docs/architecture.md#sync-model).
 *
 * A create (`POST .../workitems/$Type`) is not idempotent, and its answer can be lost after
 * the service saved the item (timeout, dropped connection, 5xx). Repeating it blindly makes a
 * duplicate. So every create carries a **marker** the caller chooses, unique per twin (for
 * example `exalate:<connection short name>:<remote work item id>`):
 *
 * - `{ kind: "tag", tag }`: added to `System.Tags` (works on every process, visible to users);
 * - `{ kind: "field", field, value }`: written to a field the process defines for it (e.g. a
 *   hidden `Custom.SyncMarker`), invisible on the form.
 *
 * When the outcome of a create is unknown, the client waits (backoff), then asks WIQL for a
 * work item in the project carrying the marker. Found: it is adopted (`adopted: true`), never
 * created again. Not found: the create is sent again, up to `maxCreateAttempts`. A caller that
 * restarts after a crash (it does not know whether its earlier create landed) passes
 * `lookupFirst: true` so the lookup happens before the first create as well.
 * The marker stays on the work item: it is how a later lookup recognises it.
 */
import { SyncError } from "../../shared/errors";
import { type AdoHttp, isUnknownOutcome } from "../ado/ado-http";
import type { AdoWorkItem, JsonPatchOperation } from "../ado/ado-types";
import { queryWiql } from "../ado/wiql-api";
import { wiqlString } from "../ado/wiql-watermark";
import { getWorkItem } from "../ado/work-item-api";
import type { FieldChanges } from "./json-patch";
import type { SyncWarning } from "./sync-warning";
import { createWorkItem, type SaveOptions } from "./work-item-save";

/** The marker that identifies a work item created by the sync for one twin. */
export type CreateMarker =
  { kind: "tag"; tag: string } | { kind: "field"; field: string; value: string };

/** Input of `createWithMarker`. */
export interface MarkedCreate {
  project: string;
  type: string;
  fields: FieldChanges;
  extra?: JsonPatchOperation[];
  marker: CreateMarker;
}

/** Options of `createWithMarker`. */
export interface MarkedCreateOptions extends SaveOptions {
  /** Look for the marker before the first create (after a restart). (Default: false.) */
  lookupFirst?: boolean;
  /** Creates sent at most. (Default: 3: each one follows a lookup that found nothing, so more attempts only add load during an outage the sync queue will retry anyway.) */
  maxCreateAttempts?: number;
}

/** The created or adopted work item. */
export interface MarkedCreateResult {
  workItem: AdoWorkItem;
  /** True when an earlier create had landed and was found by its marker. */
  adopted: boolean;
  warnings: SyncWarning[];
}

/** Creates the work item once, adopting an earlier create whose answer was lost. */
export async function createWithMarker(
  http: AdoHttp,
  input: MarkedCreate,
  options: MarkedCreateOptions = {},
): Promise<MarkedCreateResult> {
  validateMarker(input.marker);
  const maxAttempts = options.maxCreateAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1 || options.lookupFirst) {
      const existing = await findByMarker(http, input.project, input.marker);
      if (existing) return { workItem: existing, adopted: true, warnings: [] };
    }
    try {
      const fields = withMarker(input.fields, input.marker);
      const saved = await createWorkItem(http, { ...input, fields }, options);
      return { ...saved, adopted: false };
    } catch (error) {
      if (!isUnknownOutcome(error) || attempt >= maxAttempts) throw error;
      await http.clock.sleep(http.backoffFor(attempt));
    }
  }
}

/** Finds the work item carrying `marker` in `project` (lowest id if, against all odds, several). */
export async function findByMarker(
  http: AdoHttp,
  project: string,
  marker: CreateMarker,
): Promise<AdoWorkItem | undefined> {
  const condition =
    marker.kind === "tag"
      ? `[System.Tags] CONTAINS ${wiqlString(marker.tag)}`
      : `[${marker.field}] = ${wiqlString(marker.value)}`;
  const query =
    `SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = ${wiqlString(project)}` +
    ` AND ${condition} ORDER BY [System.Id] ASC`;
  const { ids } = await queryWiql(http, query, { project });
  return ids.length > 0 ? getWorkItem(http, ids[0], { project }) : undefined;
}

/** The fields with the marker added (tags are `; `-separated in `System.Tags`). */
export function withMarker(fields: FieldChanges, marker: CreateMarker): FieldChanges {
  if (marker.kind === "field") return { ...fields, [marker.field]: marker.value };
  const tags = typeof fields["System.Tags"] === "string" ? fields["System.Tags"] : "";
  const list = tags
    .split(";")
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (!list.includes(marker.tag)) list.push(marker.tag);
  return { ...fields, "System.Tags": list.join("; ") };
}

/** Tags cannot hold `;` or `,` and are at most 400 characters (Azure DevOps tag rules). */
function validateMarker(marker: CreateMarker): void {
  const value = marker.kind === "tag" ? marker.tag : marker.value;
  if (!value || value.length > 400 || (marker.kind === "tag" && /[;,]/.test(value))) {
    throw new SyncError(
      "SYNC_ERR_REQUEST_INVALID",
      "The create marker is empty or not a valid tag.",
      {
        marker: value,
      },
    );
  }
}
