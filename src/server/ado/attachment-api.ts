/**
 * Work item attachments (wit "Attachments"): upload bytes (`POST {project}/_apis/wit/attachments
 * ?fileName=`, `application/octet-stream`), download them (`GET` the attachment URL), and link
 * them with `add /relations/-` `{rel: "AttachedFile", url}`.
 */
import type { AdoHttp } from "./ado-http";
import { witPath } from "./ado-paths";
import type { AdoAttachmentReference, AdoWorkItem } from "./ado-types";

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

/** The `AttachedFile` relations of a work item (read with relations expanded). */
export function attachedFiles(workItem: AdoWorkItem) {
  return (workItem.relations ?? []).filter((relation) => relation.rel === ATTACHED_FILE);
}
