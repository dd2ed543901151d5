/**
 * Writing what an incoming script changed to Azure DevOps: a create with the connection's
 * marker (a retried create adopts the earlier one, docs/architecture.md#sync-model), or an update
 * guarded by `test /rev` that, on a conflict, re-reads the work item and re-applies
 * only the fields this sync request owns, at most 3 times, so a user's concurrent edit to
 * other fields survives.
 */
import { SyncError } from "../../shared/errors";
import type { AdoHttp } from "../ado/ado-http";
import type { AdoWorkItem } from "../ado/ado-types";
import type { FieldChanges } from "./json-patch";
import { createMarker, keepMarkers, splitTags } from "./sync-marker";
import type { SyncWarning } from "./sync-warning";
import { createWithMarker } from "./work-item-create-marker";
import type { WorkItemChanges } from "./work-item-diff";
import { setFieldsPlan, updateOwnedFields } from "./work-item-rev-retry";

/**
 * Re-reads after a rev conflict. (3: a user saving the same work item three
 * times within the seconds one apply takes is rare; after that the sync queue's backoff
 * retries the whole request later instead of looping tightly against a busy item.)
 */
export const MAX_CONFLICT_RETRIES = 3;

/** Result of a write. */
export interface WriteResult {
  workItem: AdoWorkItem;
  outcome: "created" | "updated" | "unchanged";
  /** True when a create found the item an earlier attempt had made (by its marker). */
  adopted: boolean;
  conflicts: number;
  warnings: SyncWarning[];
}

/** Creates the twin of remote work item `remoteId` (first sync). */
export async function createTwinWorkItem(
  http: AdoHttp,
  input: { connectionId: string; remoteId: string; changes: WorkItemChanges },
): Promise<WriteResult> {
  const project = input.changes.create?.projectKey;
  const type = input.changes.create?.type;
  if (!project || !type) {
    throw new SyncError(
      "SYNC_ERR_SCRIPT_RESULT",
      "Incoming script failed: on first sync it must set workItem.projectKey and workItem.typeName.",
      { script: "incoming", line: null, message: "projectKey or typeName not set on first sync" },
    );
  }
  const created = await createWithMarker(
    http,
    {
      project,
      type,
      fields: input.changes.fields,
      marker: createMarker(input.connectionId, input.remoteId),
    },
    // Always look first: after a crash between the create and the commit this request is
    // applied again, and the marker is the only trace of the earlier create (one WIQL query).
    { lookupFirst: true },
  );
  return {
    workItem: created.workItem,
    outcome: "created",
    adopted: created.adopted,
    conflicts: 0,
    warnings: created.warnings,
  };
}

/** Updates `current` with the fields the request owns (rev-guarded, conflict re-reads). */
export async function updateTwinWorkItem(
  http: AdoHttp,
  current: AdoWorkItem,
  changes: WorkItemChanges,
): Promise<WriteResult> {
  const owned = changes.fields;
  const result = await updateOwnedFields(http, current.id, ownedFieldsPlan(owned), {
    current,
    project: String(current.fields["System.TeamProject"] ?? "") || undefined,
    maxConflictRetries: MAX_CONFLICT_RETRIES,
  });
  return {
    workItem: result.workItem,
    outcome: result.status,
    adopted: false,
    conflicts: result.conflicts,
    warnings: result.warnings,
  };
}

/** Sets the owned fields, skipping equal ones, keeping the work item's marker tags. */
function ownedFieldsPlan(owned: FieldChanges) {
  return (current: AdoWorkItem) => {
    const fields = { ...owned };
    if ("System.Tags" in fields) {
      const tags = keepMarkers(fields["System.Tags"], current.fields["System.Tags"]);
      // Tags are a set: the service may return them in another order.
      if (sameTagSet(tags, current.fields["System.Tags"])) delete fields["System.Tags"];
      else fields["System.Tags"] = tags;
    }
    return setFieldsPlan(fields)(current);
  };
}

function sameTagSet(a: unknown, b: unknown): boolean {
  const left = splitTags(a)
    .map((tag) => tag.toLowerCase())
    .sort();
  const right = splitTags(b)
    .map((tag) => tag.toLowerCase())
    .sort();
  return left.length === right.length && left.every((tag, index) => tag === right[index]);
}
