/**
 * Work item attachments (wit "Attachments"): upload bytes (`POST {project}/_apis/wit/attachments
 * ?fileName=`, `application/octet-stream`), download them (`GET` the attachment URL), and link
 * them with `add /relations/-` `{rel: "AttachedFile", url}`.
 */
import { type AdoHttp, isUnknownOutcome } from "./ado-http";
import { witPath } from "./ado-paths";
import type { AdoAttachmentReference, AdoWorkItem } from "./ado-types";
import { addRelation } from "../work-items/json-patch";
import { getWorkItem, patchWorkItem } from "./work-item-api";

/** The relation type of a file attachment. */
export const ATTACHED_FILE = "AttachedFile";

/**
 * Uploads a file; returns its id and URL. Treated as idempotent: a repeat after a lost answer
 * only leaves an unlinked upload behind, which the service discards.
 */
export async function uploadAttachment(
  http: AdoHttp,
  project: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<AdoAttachmentReference> {
  const response = await http.send<AdoAttachmentReference>({
    method: "POST",
    path: witPath(project, "attachments"),
    query: { fileName },
    body: { kind: "binary", bytes },
    idempotent: true,
  });
  return response.data;
}

/** Downloads an attachment by the URL in its relation (must be on the organization's host). */
export async function downloadAttachment(http: AdoHttp, url: string): Promise<Uint8Array> {
  const response = await http.send<Uint8Array>({
    method: "GET",
    path: url,
    query: { download: "true" },
    responseType: "bytes",
  });
  return response.data;
}

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

/** The `AttachedFile` relations of a work item (read with relations expanded). */
export function attachedFiles(workItem: AdoWorkItem) {
  return (workItem.relations ?? []).filter((relation) => relation.rel === ATTACHED_FILE);
}
