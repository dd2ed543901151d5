/**
 * The sync node's Azure DevOps REST client: the entry point the sync engine imports.
 * See README.md in this folder for the operations, their errors and the rules they follow.
 */
export { ADO_PRODUCTS, type AdoProduct, API_VERSIONS, isAdoProduct } from "./ado-api-version";
export { type AdoErrorInfo, adoInfoOf, isRevConflict } from "./ado-error-map";
export {
  type AdoCredential,
  AdoHttp,
  type AdoHttpOptions,
  type AdoLogger,
  type AdoRequest,
  type AdoResponse,
} from "./ado-http";
export { identityServiceUrl, isUnknownOutcome } from "./ado-http";
export type * from "./ado-types";
export {
  ATTACHED_FILE,
  attachedFiles,
  downloadAttachment,
  linkAttachment,
  uploadAttachment,
} from "./attachment-api";
export {
  attachFiles,
  type AttachFilesOptions,
  type AttachmentFile,
  MAX_ATTACHMENTS_PER_WORK_ITEM,
} from "./attachment-sync";
export {
  addComment,
  commentAsMarkdown,
  type CommentBody,
  commentBodyOf,
  commentForTarget,
  listComments,
} from "./comment-api";
export { htmlToMarkdown, markdownToHtml, sanitizeCommentHtml } from "./comment-format";
export {
  type CredentialCheck,
  type CredentialPermission,
  verifyCredential,
  type VerifyCredentialOptions,
} from "./credential-check";
export type { IdentityPolicy } from "./identity-fallback";
export { IdentityDirectory } from "./identity-lookup";
export {
  addRelation,
  buildUpdatePatch,
  type FieldChanges,
  fieldOperations,
  fieldPath,
  revTest,
} from "./json-patch-builder";
export {
  getProject,
  listFields,
  listProjects,
  listWorkItemTypes,
  listWorkItemTypeStates,
} from "./project-api";
export { type AdoClock, OrganizationGate, systemClock } from "./rate-limit-gate";
export type { ItemResult, SyncWarning, SyncWarningCode } from "./sync-warning";
export { DEFAULT_TITLE_MAX, limitTitle } from "./title-limit";
export { queryWiql, type WiqlOptions } from "./wiql-api";
export { buildWatermarkQuery, type WatermarkQueryInput, wiqlString } from "./wiql-watermark";
export {
  BATCH_MAX_IDS,
  getWorkItem,
  getWorkItems,
  patchWorkItem,
  postWorkItem,
  type WorkItemExpand,
} from "./work-item-api";
export {
  type CreateMarker,
  createWithMarker,
  findByMarker,
  type MarkedCreate,
  type MarkedCreateOptions,
  type MarkedCreateResult,
  withMarker,
} from "./work-item-create-marker";
export {
  type OwnedChange,
  type OwnedUpdateResult,
  type RevRetryOptions,
  setFieldsPlan,
  updateOwnedFields,
} from "./work-item-rev-retry";
export {
  createWorkItem,
  type SaveOptions,
  type SaveResult,
  updateWorkItem,
} from "./work-item-save";
export { isRevisedBy, listUpdates, updatesByOthers } from "./work-item-updates-api";
