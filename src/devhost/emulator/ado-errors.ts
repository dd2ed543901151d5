/**
 * Platform errors in the service's shape (versions, authentication, routing, throttling,
 * request bodies). Work item errors live in `wit-errors.ts` and are re-exported here, so
 * resource files import every error from this one module.
 */
import { AdoError } from "./ado-error";

export { AdoError } from "./ado-error";
export * from "./wit-errors";

const WEBAPI = "Microsoft.VisualStudio.Services.WebApi";
const webApi = (key: string) => `${WEBAPI}.${key}, ${WEBAPI}`;

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

/** 415 for a JSON Patch route called with another Content-Type (devopshq/tfs#39). */
export const contentTypeNotSupported = (contentType: string, method: string) =>
  new AdoError(
    415,
    "VssRequestContentTypeNotSupportedException",
    `The request indicated a Content-Type of "${contentType}" for method type "${method}" which is not supported. Valid content types for this method are: application/json-patch+json.`,
    webApi("VssRequestContentTypeNotSupportedException"),
  );

/** 400 for a patch body that is not a non-empty JSON array (devopshq/tfs#39). */
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
