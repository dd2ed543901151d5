/**
 * The one error handler of the sync node (docs/architecture.md#invariants): every failure leaves as
 * an `ErrorBody` with a catalogued code.
 *
 * - `SyncError`: its own code, status and message.
 * - Schema validation: SYNC_ERR_REQUEST_INVALID with the field in `details`, or the field's
 *   own code (short names, connection name, destination URL).
 * - Fastify's 4xx (body too large, bad content type, bad JSON) and the rate limiter: their codes.
 * - Anything else: logged with the request id and masked as SYNC_ERR_INTERNAL.
 */
import { randomUUID } from "node:crypto";
import type { Duplex } from "node:stream";

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import {
  type ErrorBody,
  type ErrorCode,
  ERRORS,
  isSyncError,
  type SyncError,
} from "../../shared/errors";

/** Body fields whose validation failure has its own catalogue code. */
const FIELD_CODES: Readonly<Record<string, ErrorCode>> = {
  localShortName: "SYNC_ERR_CONNECTION_SHORT_NAME_INVALID",
  remoteShortName: "SYNC_ERR_CONNECTION_SHORT_NAME_INVALID",
  name: "SYNC_ERR_CONNECTION_NAME_INVALID",
  destinationUrl: "SYNC_ERR_CONNECTION_URL_INVALID",
};

/** Fastify 4xx statuses with their own code; other 4xx become SYNC_ERR_REQUEST_INVALID. */
const STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  404: "SYNC_ERR_ROUTE_NOT_FOUND",
  413: "SYNC_ERR_REQUEST_TOO_LARGE",
  415: "SYNC_ERR_REQUEST_UNSUPPORTED_MEDIA",
  429: "SYNC_ERR_RATE_LIMITED",
};

const REASONS: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/** Builds the `ErrorBody` of `code` for `request`. */
export function errorBody(
  code: ErrorCode,
  requestId: string,
  message?: string,
  details?: Record<string, unknown>,
): ErrorBody {
  const status = ERRORS[code].status;
  return {
    statusCode: status,
    code,
    error: REASONS[status] ?? "Error",
    message: message ?? ERRORS[code].message,
    requestId,
    ...(details ? { details } : {}),
  };
}

/** The field a validation error is about, e.g. "localShortName" (or "" for the whole body). */
function validationField(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return "";
  const missing = (first.params as { missingProperty?: unknown }).missingProperty;
  const additional = (first.params as { additionalProperty?: unknown }).additionalProperty;
  const path = first.instancePath.replace(/^\//, "").split("/")[0] ?? "";
  return path || (typeof missing === "string" ? missing : "") || String(additional ?? "");
}

function fromValidation(error: FastifyError, requestId: string): ErrorBody {
  const field = validationField(error);
  const location = error.validationContext ?? "body";
  // A field's own code only when its value is wrong; a missing field is a malformed request.
  const valueWrong = location === "body" && Boolean(error.validation?.[0]?.instancePath);
  const code = (valueWrong && FIELD_CODES[field]) || "SYNC_ERR_REQUEST_INVALID";
  const issue = error.validation?.[0]?.message ?? "is not valid";
  // e.g. "The request is not valid: replica must have required property 'version'."
  const where = (error.validation?.[0]?.instancePath ?? "").replace(/^\//, "").replace(/\//g, ".");
  const message =
    code === "SYNC_ERR_REQUEST_INVALID"
      ? `${ERRORS[code].message.replace(/\.$/, "")}: ${where || location} ${issue}.`
      : undefined;
  return errorBody(code, requestId, message, { field, path: where, location, issue });
}

function fromSyncError(error: SyncError, requestId: string): ErrorBody {
  return errorBody(error.code, requestId, error.message, error.details);
}

/** Maps any thrown value to an `ErrorBody`; logs the unexpected ones. */
export function toErrorBody(error: unknown, request: FastifyRequest): ErrorBody {
  if (isSyncError(error)) return fromSyncError(error, request.id);
  const fastifyError = error as FastifyError;
  if (fastifyError?.validation) return fromValidation(fastifyError, request.id);
  const status = fastifyError?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const code = STATUS_CODES[status] ?? "SYNC_ERR_REQUEST_INVALID";
    return errorBody(code, request.id, undefined, { reason: fastifyError.code ?? "" });
  }
  request.log.error({ err: error, requestId: request.id }, "unexpected error");
  return errorBody("SYNC_ERR_INTERNAL", request.id);
}

/** Node's HTTP parser errors (before fastify sees a request) with their catalogued codes. */
const CLIENT_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  HPE_HEADER_OVERFLOW: "SYNC_ERR_REQUEST_HEADERS_TOO_LARGE",
  ERR_HTTP_REQUEST_TIMEOUT: "SYNC_ERR_REQUEST_TIMEOUT",
};

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refused (headers too large, a
 * broken request line, conflicting lengths) or that did not arrive within the request timeout
 * gets an `ErrorBody` with a catalogued code, then the connection closes.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const code = CLIENT_ERROR_CODES[error.code ?? ""] ?? "SYNC_ERR_REQUEST_INVALID";
  const body = JSON.stringify(errorBody(code, randomUUID(), undefined, { reason: error.code }));
  const status = ERRORS[code].status;
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? "Error"}\r\n` +
      "Content-Type: application/json; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Installs the error and not-found handlers on `app`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const body = toErrorBody(error, request);
    if (body.statusCode >= 400 && body.statusCode < 500) {
      request.log.info({ code: body.code, requestId: request.id }, "request rejected");
    }
    return reply.status(body.statusCode).type("application/json").send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody("SYNC_ERR_ROUTE_NOT_FOUND", request.id)),
  );
}
