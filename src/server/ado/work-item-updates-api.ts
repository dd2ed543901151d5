/**
 * Revision deltas of a work item (wit/7.1 Updates_List: `GET .../workItems/{id}/updates`),
 * used to tell the sync's own writes from users' edits (no echo, docs/architecture.md#sync-model):
 * an update whose `revisedBy` is the sync identity came from the sync.
 */
import type { AdoHttp } from "./ado-http";
import { witPath } from "./ado-paths";
import type { AdoIdentityRef, AdoList, AdoWorkItemUpdate } from "./ado-types";

/** Page size. (200: the service's maximum `$top` for this resource; fewer round trips.) */
const PAGE = 200;

/** Lists all updates of work item `id`, oldest first, optionally only those after `afterRev`. */
export async function listUpdates(
  http: AdoHttp,
  id: number,
  options: { project?: string; afterRev?: number } = {},
): Promise<AdoWorkItemUpdate[]> {
  const updates: AdoWorkItemUpdate[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const response = await http.send<AdoList<AdoWorkItemUpdate>>({
      method: "GET",
      path: witPath(options.project, `workItems/${id}/updates`),
      query: { $top: PAGE, $skip: skip },
    });
    updates.push(...response.data.value);
    if (response.data.value.length < PAGE) break;
  }
  return updates.filter((update) => update.rev > (options.afterRev ?? 0));
}

/** True when `update` was made by `identity` (compared by id, else by unique name). */
export function isRevisedBy(update: AdoWorkItemUpdate, identity: AdoIdentityRef): boolean {
  const by = update.revisedBy;
  if (!by) return false;
  if (by.id && identity.id) return by.id.toLowerCase() === identity.id.toLowerCase();
  return Boolean(
    by.uniqueName &&
    identity.uniqueName &&
    by.uniqueName.toLowerCase() === identity.uniqueName.toLowerCase(),
  );
}

/** The updates not made by the sync identity: the edits a trigger should react to. */
export function updatesByOthers(
  updates: AdoWorkItemUpdate[],
  syncIdentity: AdoIdentityRef,
): AdoWorkItemUpdate[] {
  return updates.filter((update) => !isRevisedBy(update, syncIdentity));
}
