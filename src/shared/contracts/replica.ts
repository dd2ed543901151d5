/**
 * The replica (docs/architecture.md#glossary): plain JSON that the outgoing script makes from a
 * local work item and that travels to the other node, where the incoming script applies it. Also
 * the **script work item**: the local work item as scripts see it (`workItem`), and the context
 * scripts run with. Field mapping to Azure DevOps field reference names (the REST API's `fields`
 * map, wit/workItems spec) is given on each property.
 *
 * Times are ISO 8601 strings (UTC). HTML is the HTML Azure DevOps stores (not sanitized here).
 */
import { type Static, Type } from "typebox";

import { emptyReplicaBody, REPLICA_VERSION } from "./replica-defaults";

/** Any JSON value (what custom fields and the raw `fields` map hold). */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Schema of any JSON value (checked structurally by the sandbox before it reaches a schema). */
export const JsonValueSchema = Type.Unsafe<JsonValue>(Type.Unknown());

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/**
 * A person as scripts and replicas carry them. Azure DevOps identity fields (System.AssignedTo,
 * System.CreatedBy) are identity refs; `email` is their `uniqueName` (the sign-in address),
 * `displayName` their `displayName`.
 */
export const ScriptUserSchema = Type.Object({
  email: Type.String(),
  displayName: Type.String(),
});
export type ScriptUser = Static<typeof ScriptUserSchema>;

/**
 * Comment text format (Comments - Add Comment, wit 7.1: `format` markdown or html). Markdown sent
 * as plain text shows raw asterisks on the other side (Tiberriver256/mcp-server-azure-devops#179).
 */
export const COMMENT_FORMATS = ["html", "markdown"] as const;
export type CommentFormat = (typeof COMMENT_FORMATS)[number];

/** A work item comment (Azure DevOps `_apis/wit/workItems/{id}/comments`). */
export const CommentSchema = Type.Object({
  /** Comment id on the side that owns it, as a string; null for a comment not created yet. */
  id: nullable(Type.String()),
  /**
   * Id of the twin comment on the other side, when this comment was created by the sync from
   * a remote comment (or, in a replica, the receiver's comment this one was created from).
   * `commentHelper.mergeComments` uses it so that no comment is added twice or echoed back.
   */
  remoteId: Type.Optional(nullable(Type.String())),
  author: nullable(ScriptUserSchema),
  /** The comment text, in `format`. */
  body: Type.String(),
  format: Type.Enum([...COMMENT_FORMATS]),
  created: nullable(Type.String()),
  updated: nullable(Type.String()),
});
export type Comment = Static<typeof CommentSchema>;

/**
 * A work item attachment (an `AttachedFile` relation). The content travels separately: the
 * sync engine fetches it through `contentRef` (an opaque reference, e.g. the attachment URL).
 */
export const AttachmentSchema = Type.Object({
  /** Attachment id (the GUID in its URL) as a string; null for one not uploaded yet. */
  id: nullable(Type.String()),
  /** Id of the twin attachment on the other side (see `CommentSchema.remoteId`). */
  remoteId: Type.Optional(nullable(Type.String())),
  filename: Type.String(),
  mimeType: Type.String(),
  /** Size in bytes (relation attribute `resourceSize`). */
  size: Type.Integer({ minimum: 0 }),
  created: nullable(Type.String()),
  contentRef: Type.String(),
});
export type Attachment = Static<typeof AttachmentSchema>;

/** An Azure DevOps project as a replica names it. `key` is the project name (its URL segment). */
export const ReplicaProjectSchema = Type.Object({ key: Type.String(), name: Type.String() });
export type ReplicaProject = Static<typeof ReplicaProjectSchema>;

/**
 * Fields replicas and script work items share, as schema properties. Field reference names in
 * brackets.
 */
const WORK_ITEM_FIELDS = {
  /** [System.Title] */
  summary: nullable(Type.String()),
  /** [System.Description], HTML. */
  description: nullable(Type.String()),
  /** Work item type name [System.WorkItemType], e.g. "Bug". */
  type: nullable(Type.String()),
  /** State name [System.State], e.g. "Active". */
  status: nullable(Type.String()),
  /** [Microsoft.VSTS.Common.Priority], 1 (highest) to 4. */
  priority: nullable(Type.Integer()),
  /** [System.AssignedTo] */
  assignee: nullable(ScriptUserSchema),
  /** [System.CreatedBy] (on a work item: settable only when creating, with bypassRules). */
  reporter: nullable(ScriptUserSchema),
  /** Tags [System.Tags] ("a; b" in Azure DevOps), one string per tag. */
  labels: Type.Array(Type.String()),
  /** [System.AreaPath], project-prefixed, e.g. "Alpha\\Web". */
  areaPath: nullable(Type.String()),
  /** [System.IterationPath], project-prefixed, e.g. "Alpha\\Sprint 1". */
  iterationPath: nullable(Type.String()),
};

/** Lists and custom values replicas and script work items share. */
const WORK_ITEM_EXTRAS = {
  comments: Type.Array(CommentSchema),
  attachments: Type.Array(AttachmentSchema),
  /** Free-form values by key (custom field reference names, or any key the script chooses). */
  customFields: Type.Record(Type.String(), JsonValueSchema),
};

/**
 * A replica: what the outgoing script sent. Fields the script did not set are null (scalars),
 * empty arrays or an empty object.
 */
export const ReplicaSchema = Type.Object({
  /** Format version (`REPLICA_VERSION`). */
  version: Type.Literal(REPLICA_VERSION),
  /** The sending work item's id [System.Id] as a string: the remote id on the receiving side. */
  key: Type.String({ minLength: 1 }),
  ...WORK_ITEM_FIELDS,
  /** [System.TeamProject] */
  project: nullable(ReplicaProjectSchema),
  ...WORK_ITEM_EXTRAS,
});
export type Replica = Static<typeof ReplicaSchema>;

export { emptyReplicaBody, REPLICA_VERSION } from "./replica-defaults";

/** Replica fields a script may fill (everything but the envelope the host sets). */
export type ReplicaBody = Omit<Replica, "version" | "key">;

/**
 * The local work item as scripts see it (`workItem`). Named properties map to Azure DevOps
 * field reference names (in brackets); `fields` is the raw map by reference name, and
 * `customFields` holds the fields outside the `System.*` and `Microsoft.*` namespaces.
 * Inside scripts `workItem.typeName` is an alias of `type`, `workItem.project` reads
 * `{ key: projectKey, name: projectKey }`, and `workItem.setStatus(name)` sets `status`.
 */
export const ScriptWorkItemSchema = Type.Object({
  /** [System.Id]; null while the work item does not exist yet (first sync). */
  id: nullable(Type.Integer()),
  /** The id as a string (Exalate's `key`); null with `id`. */
  key: nullable(Type.String()),
  /** `type`: the incoming script sets it on first sync (alias `typeName`). */
  ...WORK_ITEM_FIELDS,
  /** Project name [System.TeamProject]; the incoming script sets it on first sync. */
  projectKey: nullable(Type.String()),
  /** [System.CreatedDate]; read-only. */
  created: nullable(Type.String()),
  /** `customFields`: the fields outside the `System.*` and `Microsoft.*` namespaces. */
  ...WORK_ITEM_EXTRAS,
  /** Every field by reference name, e.g. `fields["Microsoft.VSTS.TCM.ReproSteps"]`. */
  fields: Type.Record(Type.String(), JsonValueSchema),
});
export type ScriptWorkItem = Static<typeof ScriptWorkItemSchema>;

/** A work item that does not exist yet: what the incoming script starts from on first sync. */
export function emptyScriptWorkItem(): ScriptWorkItem {
  // The shared fields start as in a replica nobody filled; `project` is `projectKey` here.
  const { project: _project, ...shared } = emptyReplicaBody();
  return { id: null, key: null, ...shared, projectKey: null, created: null, fields: {} };
}

/** A user of this organization that `nodeHelper.getUserByEmail` can find. */
export const ScriptContextUserSchema = Type.Object({
  email: Type.String(),
  displayName: Type.String(),
});

/** A twin of this connection that `syncHelper.getLocalIssueKeyFromRemoteId` can find. */
export const ScriptTwinSchema = Type.Object({
  /** The other side's work item id, as a string. */
  remoteId: Type.String(),
  /** This side's work item id. */
  localId: Type.Integer(),
});
export type ScriptTwin = Static<typeof ScriptTwinSchema>;

/** What scripts know besides the work item and replica: the connection and lookups. */
export const ScriptContextSchema = Type.Object({
  /** `connection` inside scripts. */
  connection: Type.Object({
    name: Type.String(),
    localShortName: Type.String(),
    remoteShortName: Type.String(),
  }),
  /** `incomingProject` inside scripts: where first sync creates twins; null if not chosen. */
  incomingProject: nullable(ReplicaProjectSchema),
  /** Users `nodeHelper.getUserByEmail` resolves (matched case-insensitively by email). */
  users: Type.Array(ScriptContextUserSchema),
  /** Twins `syncHelper.getLocalIssueKeyFromRemoteId` resolves. */
  twins: Type.Array(ScriptTwinSchema),
});
export type ScriptContext = Static<typeof ScriptContextSchema>;
