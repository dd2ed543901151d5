/** Linking an uploaded attachment to a work item: one `add /relations/-` JSON Patch operation. */
import { type AdoHttp, isUnknownOutcome } from "../ado/ado-http";
import type { AdoWorkItem } from "../ado/ado-types";
import { ATTACHED_FILE, attachedFiles } from "../ado/attachment-api";
import { getWorkItem, patchWorkItem } from "../ado/work-item-api";
import { addRelation } from "./json-patch";

/**
 * Links an uploaded attachment to a work item (one revision). When the answer is lost, the
 * work item is read again and the link adopted if it is there; else it is sent once more.
 */
export async function linkAttachment(
  http: AdoHttp,
  input: { project?: string; workItemId: number; url: string; name: string; comment?: string },
): Promise<AdoWorkItem> {
  const attributes: Record<string, unknown> = { name: input.name };
  if (input.comment) attributes.comment = input.comment;
  const link = () =>
    patchWorkItem(http, {
      project: input.project,
      id: input.workItemId,
      operations: [addRelation({ rel: ATTACHED_FILE, url: input.url, attributes })],
    });
  try {
    return await link();
  } catch (error) {
    if (!isUnknownOutcome(error)) throw error;
    const current = await getWorkItem(http, input.workItemId, { project: input.project });
    return attachedFiles(current).some((relation) => relation.url === input.url) ? current : link();
  }
}
