/**
 * Minimal shapes of the Azure DevOps REST resources the sync node reads and writes, written
 * from the Swagger specs in `ado-rest-specs/specification/{core,wit}/7.1` (definitions
 * `WorkItem`, `WorkItemRelation`, `IdentityRef`, `JsonPatchOperation`, `Comment`, `CommentList`,
 * `WorkItemUpdate`, `TeamProjectReference`, `WorkItemType`, `WorkItemStateColor`,
 * `WorkItemField2`, `WorkItemQueryResult`, `AttachmentReference`). Only the members we use are
 * declared; everything else the service sends is kept but untyped.
 */

/** An identity as work item fields and comments carry it (spec `IdentityRef`). */
export interface AdoIdentityRef {
  id?: string;
  displayName?: string;
  /** Sign-in name; usually the e-mail address on Services. */
  uniqueName?: string;
  descriptor?: string;
  url?: string;
}

/** A link from a work item (spec `WorkItemRelation`); attachments use rel `AttachedFile`. */
export interface AdoWorkItemRelation {
  rel: string;
  url: string;
  attributes?: Record<string, unknown>;
}

/** A work item (spec `WorkItem`): `fields` is keyed by field reference name. */
export interface AdoWorkItem {
  id: number;
  rev: number;
  fields: Record<string, unknown>;
  relations?: AdoWorkItemRelation[];
  url?: string;
}

/** One RFC 6902 operation as Azure DevOps accepts it (spec `JsonPatchOperation`). */
export interface JsonPatchOperation {
  op: "add" | "remove" | "replace" | "test" | "move" | "copy";
  /** e.g. `/fields/System.Title`, `/relations/-`, `/rev`. */
  path: string;
  value?: unknown;
  from?: string;
}

/** The comment formats of Comments 7.1-preview.4 (spec `CommentFormat`). */
export const COMMENT_FORMATS = ["markdown", "html"] as const;
export type CommentFormat = (typeof COMMENT_FORMATS)[number];

/** A work item comment (spec `Comment`). `format` is absent before 7.1 (always HTML then). */
export interface AdoComment {
  id: number;
  workItemId: number;
  version?: number;
  text: string;
  renderedText?: string;
  format?: CommentFormat;
  createdBy?: AdoIdentityRef;
  createdDate?: string;
  modifiedBy?: AdoIdentityRef;
  modifiedDate?: string;
  isDeleted?: boolean;
}

/** One page of comments (spec `CommentList`). */
export interface AdoCommentList {
  comments: AdoComment[];
  continuationToken?: string | null;
  totalCount?: number;
  count?: number;
}

/** One revision's delta (spec `WorkItemUpdate`): who changed what. */
export interface AdoWorkItemUpdate {
  id: number;
  workItemId: number;
  rev: number;
  revisedBy?: AdoIdentityRef;
  revisedDate?: string;
  fields?: Record<string, { oldValue?: unknown; newValue?: unknown }>;
  relations?: {
    added?: AdoWorkItemRelation[];
    removed?: AdoWorkItemRelation[];
    updated?: AdoWorkItemRelation[];
  };
}

/** A project (spec `TeamProjectReference`). */
export interface AdoProject {
  id: string;
  name: string;
  description?: string;
  state?: string;
  visibility?: string;
  lastUpdateTime?: string;
}

/** A work item type (spec `WorkItemType`, trimmed). */
export interface AdoWorkItemType {
  name: string;
  referenceName?: string;
  description?: string;
  isDisabled?: boolean;
  states?: AdoWorkItemState[];
}

/** A state of a work item type (spec `WorkItemStateColor`). */
export interface AdoWorkItemState {
  name: string;
  /** Proposed | InProgress | Resolved | Completed | Removed. */
  category?: string;
  color?: string;
}

/** A field definition (spec `WorkItemField2`, trimmed). */
export interface AdoField {
  name: string;
  referenceName: string;
  /** string | integer | dateTime | plainText | html | treePath | history | double | guid | boolean | identity | picklist... */
  type?: string;
  readOnly?: boolean;
  isIdentity?: boolean;
}

/** A WIQL answer (spec `WorkItemQueryResult`, flat queries). */
export interface AdoWiqlResult {
  asOf?: string;
  queryType?: string;
  workItems: { id: number; url?: string }[];
}

/** An uploaded attachment (spec `AttachmentReference`). */
export interface AdoAttachmentReference {
  id: string;
  url: string;
}

/** The `{count, value}` envelope of list answers. */
export interface AdoList<T> {
  count?: number;
  value: T[];
}
