/**
 * Error bodies in the shape Azure DevOps itself sends (the emulator imitates the service, so
 * these are not entries of our own catalogue in src/shared/errors.ts):
 *   `{ "$id": "1", "innerException": null, "message", "typeName", "typeKey", "errorCode",
 *      "eventId", "customProperties"? }`
 * Messages and TF/VS codes follow what the service answers, as quoted in public bug reports
 * (sources named next to each factory). Where a report gave only the message, the type name is
 * the service's usual exception type for that area.
 */

/** An Azure DevOps REST error: HTTP status plus the service's JSON error body. */
export class AdoError extends Error {
  constructor(
    /** HTTP status code. */
    readonly status: number,
    /** Short exception type key, e.g. `VssVersionOutOfRangeException`. */
    readonly typeKey: string,
    message: string,
    /** Namespace-qualified type name (the service sends `Type, Assembly`). */
    readonly typeName: string,
    readonly errorCode = 0,
    readonly eventId = 3000,
    readonly customProperties?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The JSON body the service sends. */
  toBody(): Record<string, unknown> {
    return {
      $id: "1",
      ...(this.customProperties ? { customProperties: this.customProperties } : {}),
      innerException: null,
      message: this.message,
      typeName: this.typeName,
      typeKey: this.typeKey,
      errorCode: this.errorCode,
      eventId: this.eventId,
    };
  }
}

const WEBAPI = "Microsoft.VisualStudio.Services.WebApi";
const WIT = "Microsoft.TeamFoundation.WorkItemTracking.Server";
const webApi = (key: string) => `${WEBAPI}.${key}, ${WEBAPI}`;
const wit = (key: string) => `${WIT}.${key}, ${WIT}`;

/** 400 when neither the query string nor the Accept header carries an api-version. */
export const versionNotSpecified = (method: string) =>
  new AdoError(
    400,
    "VssVersionNotSpecifiedException",
    `No api-version was supplied for the "${method}" request. The version must be supplied either as part of the Accept header (e.g. "application/json; api-version=1.0") or as a query parameter (e.g. "?api-version=1.0").`,
    webApi("VssVersionNotSpecifiedException"),
  );

/** 400 for a version above the product's maximum (vsts-extension-retrospectives#915). */
export const versionOutOfRange = (requested: string, latest: string) =>
  new AdoError(
    400,
    "VssVersionOutOfRangeException",
    `The requested REST API version of ${requested} is out of range for this server. The latest REST API version this server supports is ${latest}.`,
    webApi("VssVersionOutOfRangeException"),
  );

/** 400 for an api-version that does not parse. */
export const versionInvalid = (requested: string) =>
  new AdoError(
    400,
    "VssInvalidApiVersionException",
    `The api-version '${requested}' is not valid. Supply a version such as "7.1" or "7.1-preview.4".`,
    webApi("VssInvalidApiVersionException"),
  );

/** 400 for a preview resource called without `-preview`. */
export const previewRequired = (requested: string) =>
  new AdoError(
    400,
    "VssInvalidPreviewVersionException",
    `The requested version "${requested}" of the resource is under preview. The -preview flag must be supplied in the api-version for such requests. For example: "${requested}-preview"`,
    webApi("VssInvalidPreviewVersionException"),
  );

/** 401 for a missing, unknown or expired credential (VS30063). */
export const unauthorized = (url: string) =>
  new AdoError(
    401,
    "UnauthorizedRequestException",
    `VS30063: You are not authorized to access ${url}.`,
    "Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException, Microsoft.TeamFoundation.Framework.Server",
  );

/** 401 for a PAT that lacks the scope a route needs (TF400813). */
export const scopeMissing = (userId: string) =>
  new AdoError(
    401,
    "UnauthorizedRequestException",
    `TF400813: The user '${userId}' is not authorized to access this resource.`,
    "Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException, Microsoft.TeamFoundation.Framework.Server",
  );

/** 404 for a project name or id that does not exist (TF200016). */
export const projectNotFound = (name: string) =>
  new AdoError(
    404,
    "ProjectDoesNotExistWithNameException",
    `TF200016: The following project does not exist: ${name}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.`,
    "Microsoft.TeamFoundation.Core.WebApi.ProjectDoesNotExistWithNameException, Microsoft.TeamFoundation.Core.WebApi",
  );

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

/** 415 for a JSON Patch route called with another Content-Type (case S1, devopshq/tfs#39). */
export const contentTypeNotSupported = (contentType: string, method: string) =>
  new AdoError(
    415,
    "VssRequestContentTypeNotSupportedException",
    `The request indicated a Content-Type of "${contentType}" for method type "${method}" which is not supported. Valid content types for this method are: application/json-patch+json.`,
    webApi("VssRequestContentTypeNotSupportedException"),
  );

/** 400 for a patch body that is not a non-empty JSON array (case S1, devopshq/tfs#39). */
export const invalidPatchDocument = () =>
  new AdoError(
    400,
    "VssPropertyValidationException",
    "You must pass a valid patch document in the body of the request.",
    "Microsoft.VisualStudio.Services.Common.VssPropertyValidationException, Microsoft.VisualStudio.Services.Common",
  );

/** 400 for any other invalid argument. */
export const invalidArgument = (message: string) =>
  new AdoError(400, "ArgumentException", message, "System.ArgumentException, mscorlib", 0, 0);

/**
 * 412 when a `test /rev` operation fails: the work item changed since it was read (TF26071;
 * microsoft/featuretimeline#171; 412 observed in microsoft/azure-devops-mcp#1526, case S7).
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

/** 400 for a value longer than the field allows (TF401324; case S3, onefuzz#3015). */
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

/** 400 for an identity value nobody in the organization matches (case S2, WorkItemUpdater#78). */
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

/** 400 when a work item would exceed the attachments-per-work-item limit (TF237082, case S4). */
export const tooManyAttachments = (limit: number) =>
  new AdoError(
    400,
    "WorkItemAttachmentLimitExceededException",
    `TF237082: The work item cannot be saved because it would have more than ${limit} attached files. Remove attachments and try again.`,
    wit("WorkItemAttachmentLimitExceededException"),
    600182,
    3200,
  );

/** 413 for an attachment upload over the configured size limit (VS403313, case S4). */
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

/** 429 body when a request is throttled (TF400733; docs "Rate and usage limits"). */
export const requestBlocked = () =>
  new AdoError(
    429,
    "RequestBlockedException",
    `TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource 'WorkItemTrackingResource' in namespace 'User'. For more information on why your request was blocked, see the topic "Rate limits" on the Microsoft Web site (https://go.microsoft.com/fwlink/?LinkId=823950).`,
    "Microsoft.TeamFoundation.Framework.Server.RequestBlockedException, Microsoft.TeamFoundation.Framework.Server",
  );

/** 5xx body for injected server faults. */
export const serverFault = (status: number) =>
  new AdoError(
    status,
    "VssServiceException",
    `VS800000: The service is temporarily unavailable (HTTP ${status}). Try again later.`,
    webApi("VssServiceException"),
  );

/** 404 for a route the emulator does not serve. */
export const routeNotFound = (url: string) =>
  new AdoError(
    404,
    "VssResourceNotFoundException",
    `VS800075: The resource ${url} cannot be found.`,
    webApi("VssResourceNotFoundException"),
  );
