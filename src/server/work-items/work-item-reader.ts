/**
 * Reads a work item with its comments and attachments as scripts see it (`workItem`), for the
 * outgoing script and as the `before` of an incoming apply. Comments and attachments the sync
 * created (or sent) carry their twin's id in `remoteId`, taken from the twin's maps, so
 * `commentHelper.mergeComments` never adds one twice nor echoes it back.
 */
import type {
  Attachment,
  Comment,
  JsonValue,
  ScriptWorkItem,
} from "../../shared/contracts/replica";
import type { AdoHttp } from "../ado/ado-http";
import type { AdoComment, AdoWorkItem, AdoWorkItemRelation } from "../ado/ado-types";
import { attachedFiles } from "../ado/attachment-api";
import { listComments } from "../ado/comment-api";
import { getWorkItem } from "../ado/work-item-api";
import { isMarkerTag, splitTags } from "./sync-marker";
import { identityToUser, labelsToTags, toScriptWorkItem } from "./work-item-fields";

/**
 * The twin's id maps a read needs: local comment/attachment id -> the partner's id, for those
 * the sync created or sent.
 */
export interface TwinIdMaps {
  commentMap: Record<string, string>;
  attachmentMap: Record<string, string>;
}

/** A work item read for sync. */
export interface ReadWorkItem {
  /** As Azure DevOps returned it (relations expanded). */
  raw: AdoWorkItem;
  /** Its comments, oldest first (deleted ones left out). */
  comments: AdoComment[];
  /** As scripts see it, marker tags hidden. */
  item: ScriptWorkItem;
}

/** Reads work item `id` and builds its script work item using `twin`'s id maps. */
export async function readWorkItem(
  http: AdoHttp,
  id: number,
  twin: TwinIdMaps | undefined,
): Promise<ReadWorkItem> {
  const raw = await getWorkItem(http, id);
  const project = String(raw.fields["System.TeamProject"] ?? "");
  const comments = (await listComments(http, project, id)).filter((c) => !c.isDeleted);
  return { raw, comments, item: scriptWorkItemOf(raw, comments, twin) };
}

/** The script work item of an already read work item and comment list. */
export function scriptWorkItemOf(
  raw: AdoWorkItem,
  comments: AdoComment[],
  twin: TwinIdMaps | undefined,
): ScriptWorkItem {
  const commentMap = twin?.commentMap ?? {};
  const attachmentMap = twin?.attachmentMap ?? {};
  const item = toScriptWorkItem(
    { id: raw.id, fields: raw.fields as Record<string, JsonValue> },
    comments.map((comment) => toComment(comment, commentMap)),
    attachedFiles(raw).map((relation) => toAttachment(relation, attachmentMap)),
  );
  const labels = item.labels.filter((tag) => !isMarkerTag(tag));
  const fields = { ...item.fields };
  if (typeof fields["System.Tags"] === "string") {
    const tags = splitTags(fields["System.Tags"]).filter((tag) => !isMarkerTag(tag));
    if (tags.length > 0) fields["System.Tags"] = labelsToTags(tags);
    else delete fields["System.Tags"];
  }
  return { ...item, labels, fields };
}

function toComment(comment: AdoComment, map: Record<string, string>): Comment {
  const id = String(comment.id);
  return {
    id,
    remoteId: map[id] ?? null,
    author: identityToUser(comment.createdBy ?? null),
    body: comment.text,
    format: comment.format ?? "html",
    created: comment.createdDate ?? null,
    updated: comment.modifiedDate ?? null,
  };
}

/** The attachment id: the GUID at the end of its URL (`.../_apis/wit/attachments/{id}`). */
export function attachmentIdOf(url: string): string {
  const path = new URL(url).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
}

function toAttachment(relation: AdoWorkItemRelation, map: Record<string, string>): Attachment {
  const attributes = relation.attributes ?? {};
  const id = attachmentIdOf(relation.url);
  const name = typeof attributes.name === "string" ? attributes.name : id;
  const created = attributes.resourceCreatedDate;
  return {
    id,
    remoteId: map[id] ?? null,
    filename: name,
    mimeType: "application/octet-stream",
    size: typeof attributes.resourceSize === "number" ? attributes.resourceSize : 0,
    created: typeof created === "string" ? created : null,
    contentRef: relation.url,
  };
}
