/**
 * Adding the comments and attachments an incoming script merged in, so that a
 * repeated apply (at-least-once delivery, a crash before the commit) adds nothing twice:
 * before adding, an existing comment (same text) or attachment (same name and size) that no
 * twin maps yet is **adopted** instead. The twin's id maps gain one entry per item.
 */
import type { SyncEnvelope } from "../../shared/contracts/sync-envelope";
import type { AdoHttp } from "../ado/ado-http";
import type { AdoComment, AdoWorkItem } from "../ado/ado-types";
import { attachedFiles } from "../ado/attachment-api";
import { addComment, commentForTarget } from "../ado/comment-api";
import { attachFiles } from "../work-items/attachment-sync";
import type { AttachmentToAdd, CommentToAdd } from "../work-items/work-item-diff";
import { attachmentIdOf } from "../work-items/work-item-reader";

/** Id maps after adding, plus warnings for what was skipped. */
export interface ExtrasResult {
  commentMap: Record<string, string>;
  attachmentMap: Record<string, string>;
  warnings: string[];
}

/** Adds (or adopts) `comments` on `workItem`; returns the updated local -> remote map. */
export async function addMergedComments(
  http: AdoHttp,
  workItem: AdoWorkItem,
  comments: CommentToAdd[],
  existing: AdoComment[],
  commentMap: Record<string, string>,
): Promise<Record<string, string>> {
  const map = { ...commentMap };
  const project = String(workItem.fields["System.TeamProject"] ?? "");
  const markdown = (await http.versions()).markdownComments;
  for (const comment of comments) {
    if (comment.remoteId && Object.values(map).includes(comment.remoteId)) continue;
    const sent = commentForTarget({ text: comment.body, format: comment.format }, markdown);
    const adopt = existing.find(
      (local) => map[String(local.id)] === undefined && local.text.trim() === sent.text.trim(),
    );
    const local = adopt ?? (await addComment(http, project, workItem.id, sent));
    if (comment.remoteId) map[String(local.id)] = comment.remoteId;
  }
  return map;
}

/** Uploads (or adopts) `attachments` from the envelope's bytes; returns the map and warnings. */
export async function addMergedAttachments(
  http: AdoHttp,
  workItem: AdoWorkItem,
  attachments: AttachmentToAdd[],
  envelope: SyncEnvelope,
  attachmentMap: Record<string, string>,
): Promise<{ map: Record<string, string>; warnings: string[] }> {
  const map = { ...attachmentMap };
  const warnings: string[] = [];
  const project = String(workItem.fields["System.TeamProject"] ?? "");
  let existingCount = attachedFiles(workItem).length;
  for (const attachment of attachments) {
    const remoteId = attachment.remoteId;
    if (remoteId && Object.values(map).includes(remoteId)) continue;
    const adopted = adoptAttachment(workItem, attachment, map);
    if (adopted) {
      if (remoteId) map[adopted] = remoteId;
      continue;
    }
    const content = remoteId ? envelope.attachmentContents[remoteId] : undefined;
    if (content === undefined) {
      warnings.push(
        `The attachment "${attachment.filename}" was not copied: the other side did not send its content.`,
      );
      continue;
    }
    const bytes = Buffer.from(content, "base64");
    const [result] = await attachFiles(
      http,
      [{ name: attachment.filename, size: bytes.byteLength, read: async () => bytes }],
      { project, workItemId: workItem.id, existingCount },
    );
    warnings.push(...result.warnings.map((warning) => warning.message));
    if (result.status === "ok" && result.value) {
      existingCount += 1;
      if (remoteId) map[attachmentIdOf(result.value.url)] = remoteId;
    }
  }
  return { map, warnings };
}

/** An attached file no twin maps yet with the same name and size, if any. */
function adoptAttachment(
  workItem: AdoWorkItem,
  attachment: AttachmentToAdd,
  map: Record<string, string>,
): string | undefined {
  const match = attachedFiles(workItem).find((relation) => {
    const id = attachmentIdOf(relation.url);
    const attributes = relation.attributes ?? {};
    return (
      map[id] === undefined &&
      attributes.name === attachment.filename &&
      (attachment.size === 0 || attributes.resourceSize === attachment.size)
    );
  });
  return match ? attachmentIdOf(match.url) : undefined;
}
