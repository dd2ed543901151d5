/**
 * Work item tracking errors in the service's shape (TF/VS codes as the service sends them;
 * sources next to each factory).
 */
import { AdoError } from "./ado-error";

const WIT = "Microsoft.TeamFoundation.WorkItemTracking.Server";
const wit = (key: string) => `${WIT}.${key}, ${WIT}`;

/** 404 for a work item that does not exist (TF401232). */
export const workItemNotFound = (id: number | string) =>
  new AdoError(
    404,
    "WorkItemUnauthorizedAccessException",
    `TF401232: Work item ${id} does not exist, or you do not have permissions to read it.`,
    wit("WorkItemUnauthorizedAccessException"),
    600122,
    3200,
  );

/**
 * 412 when a `test /rev` operation fails: the work item changed since it was read (TF26071;
 * microsoft/featuretimeline#171; 412 observed in microsoft/azure-devops-mcp#1526; a client
 * re-reads and retries, tfsaggregator/aggregator-cli#128).
 */
export const revisionMismatch = () =>
  new AdoError(
    412,
    "WorkItemRevisionMismatchException",
    "TF26071: This work item has been changed by someone else since you opened it. You will need to refresh it and discard your changes.",
    wit("WorkItemRevisionMismatchException"),
    600071,
    3200,
  );

/** 400 for a field reference name the organization does not define (TF51535). */
export const fieldNotFound = (name: string) =>
  new AdoError(
    400,
    "WorkItemFieldInvalidException",
    `TF51535: Cannot find field ${name}.`,
    wit("WorkItemFieldInvalidException"),
    600171,
    3200,
  );

/** 400 for a write to a read-only field without bypassRules (TF401326). */
export const fieldReadOnly = (name: string) =>
  new AdoError(
    400,
    "WorkItemFieldInvalidException",
    `TF401326: Invalid field status 'ReadOnly' for field '${name}'.`,
    wit("WorkItemFieldInvalidException"),
    600171,
    3200,
  );

/** 400 for a value longer than the field allows (TF401324; microsoft/onefuzz#3015). */
export const fieldTooLong = (referenceName: string) =>
  new AdoError(
    400,
    "WorkItemFieldInvalidException",
    `TF401324: Value for field '${referenceName}' is too long.`,
    wit("WorkItemFieldInvalidException"),
    600171,
    3200,
    { ReferenceName: referenceName, FieldStatusFlags: "invalidTooLong" },
  );

/**
 * 400 rule error for one field (TF401320), e.g. a state outside the type's states or an empty
 * required field. `flags` is the service's field status text, `detail` its per-field message.
 */
export const ruleError = (
  fieldName: string,
  referenceName: string,
  flags: string,
  detail: string,
) =>
  new AdoError(
    400,
    "RuleValidationException",
    `TF401320: Rule Error for field ${fieldName}. Error code: ${flags}.`,
    wit("RuleValidationException"),
    600171,
    3200,
    {
      RuleValidationErrors: [
        { fieldReferenceName: referenceName, fieldStatusFlags: flags, errorMessage: detail },
      ],
    },
  );

/**
 * 400 for an identity value nobody in the organization matches; the whole save fails
 * (bluebasher/WorkItemUpdater#78).
 */
export const unknownIdentity = (value: string, fieldName: string) =>
  new AdoError(
    400,
    "WorkItemFieldInvalidException",
    `The identity value '${value}' for field '${fieldName}' is an unknown identity.`,
    wit("WorkItemFieldInvalidException"),
    600171,
    3200,
  );

/** 400 for an area or iteration path that does not exist (TF401347). */
export const invalidTreePath = (id: number, referenceName: string) =>
  new AdoError(
    400,
    "WorkItemFieldInvalidTreeNameException",
    `TF401347: Invalid tree name given for work item ${id}, field '${referenceName}'.`,
    wit("WorkItemFieldInvalidTreeNameException"),
    600171,
    3200,
  );

/** 403 for a user without "Edit work items in this node" (TF237111). */
export const noWritePermission = () =>
  new AdoError(
    403,
    "WorkItemUnauthorizedAccessException",
    "TF237111: The current user does not have permissions to save work items under the specified area path.",
    wit("WorkItemUnauthorizedAccessException"),
    600111,
    3200,
  );

/** 400 when a work item would exceed the attachments-per-work-item limit (TF237082). */
export const tooManyAttachments = (limit: number) =>
  new AdoError(
    400,
    "WorkItemAttachmentLimitExceededException",
    `TF237082: The work item cannot be saved because it would have more than ${limit} attached files. Remove attachments and try again.`,
    wit("WorkItemAttachmentLimitExceededException"),
    600182,
    3200,
  );

/** 413 for an attachment upload over the configured size limit (VS403313). */
export const attachmentTooLarge = (limitBytes: number) =>
  new AdoError(
    413,
    "AttachmentSizeExceededException",
    `VS403313: The attachment exceeds the maximum allowed size of ${limitBytes} bytes.`,
    wit("AttachmentSizeExceededException"),
    600313,
    3200,
  );

/** 404 for an attachment id that does not exist. */
export const attachmentNotFound = (id: string) =>
  new AdoError(
    404,
    "AttachmentNotFoundException",
    `VS402351: Attachment ${id} was not found.`,
    wit("AttachmentNotFoundException"),
    600351,
    3200,
  );

/** 404 for a comment that does not exist on the work item. */
export const commentNotFound = (workItemId: number, commentId: number) =>
  new AdoError(
    404,
    "CommentNotFoundException",
    `VS403406: Comment ${commentId} does not exist on work item ${workItemId}.`,
    wit("CommentNotFoundException"),
    0,
    3200,
  );

/** 404 for a work item type the project does not have (TF51551-style). */
export const workItemTypeNotFound = (name: string) =>
  new AdoError(
    404,
    "WorkItemTypeNotFoundException",
    `VS402323: Work item type ${name} does not exist.`,
    wit("WorkItemTypeNotFoundException"),
    600323,
    3200,
  );

/** 404 for a classification node path that does not exist. */
export const nodeNotFound = (path: string) =>
  new AdoError(
    404,
    "ClassificationNodeDoesNotExistException",
    `VS402485: The node '${path}' does not exist.`,
    wit("ClassificationNodeDoesNotExistException"),
    600485,
    3200,
  );

/** 400 for WIQL that references an unknown field (TF51005). */
export const wiqlUnknownField = (field: string) =>
  new AdoError(
    400,
    "FieldDefinitionNotExistException",
    `TF51005: The query references a field that does not exist. The error is caused by «${field}».`,
    wit("Query.FieldDefinitionNotExistException"),
    600005,
    3200,
  );

/** 400 for WIQL that does not parse (TF51006). */
export const wiqlSyntax = (expected: string, near: string) =>
  new AdoError(
    400,
    "SyntaxException",
    `TF51006: The query statement contains a syntax error. Expecting ${expected}. The error is caused by «${near}».`,
    wit("Query.SyntaxException"),
    600006,
    3200,
  );

/** 400 for WIQL that is well formed but cannot run (bad macro, bad date, too many results). */
export const wiqlInvalid = (message: string) =>
  new AdoError(
    400,
    "InvalidQueryTextException",
    message,
    wit("Query.InvalidQueryTextException"),
    600000,
    3200,
  );
