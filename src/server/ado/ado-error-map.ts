/**
 * Maps Azure DevOps error answers onto the catalogue (src/shared/errors.ts), keeping the
 * service's own code (TFxxxxxx / VSxxxxxx), type key and message in `details` so an admin can
 * look them up.
 *
 * Azure DevOps error bodies look like (spec httpExamples and live answers):
 *   `{"$id":"1","innerException":null,"message":"TF401232: Work item 9 does not exist...",
 *     "typeName":"...","typeKey":"WorkItemUnauthorizedAccessException","errorCode":0,
 *     "eventId":3200,"customProperties":{"ReferenceName":"System.AssignedTo"}}`
 */
import { type ErrorCode, SyncError } from "../../shared/errors";

/** What we keep from an Azure DevOps error body. */
export interface AdoErrorInfo {
  /** HTTP status of the answer (0 when no answer arrived). */
  status: number;
  /** `TF401232`, `VS403313`..., taken from the start of the message when present. */
  adoCode?: string;
  /** The service's `typeKey`, e.g. `WorkItemFieldInvalidException`. */
  typeKey?: string;
  /** The service's message (never contains our credentials). */
  adoMessage?: string;
  /** `customProperties` of the body (e.g. `ReferenceName` of a rejected field). */
  customProperties?: Record<string, unknown>;
}

const ADO_CODE = /\b((?:TF|VS)\d{5,6})\b/;

/** Reads an error body (JSON or not) into `AdoErrorInfo`. */
export function readAdoError(status: number, bodyText: string): AdoErrorInfo {
  const info: AdoErrorInfo = { status };
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === "object") body = parsed as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  const message = typeof body?.message === "string" ? body.message : bodyText.slice(0, 500);
  if (message) info.adoMessage = message;
  const code = ADO_CODE.exec(message ?? "");
  if (code) info.adoCode = code[1];
  if (typeof body?.typeKey === "string") info.typeKey = body.typeKey;
  if (body?.customProperties && typeof body.customProperties === "object") {
    info.customProperties = body.customProperties as Record<string, unknown>;
  }
  return info;
}

/**
 * Codes that mean "the work item changed under you": TF26071 ("This work item has been changed
 * by someone else since you opened it"), a failed JSON Patch `test` (TF401349 / the
 * `TestOperationFailedException`-style answers), and HTTP 412.
 */
const CONFLICT_CODES = new Set(["TF26071", "TF401349"]);

/** True when the answer is a revision conflict (412, 409, TF26071, failed `test /rev`). */
export function isRevConflict(info: AdoErrorInfo): boolean {
  if (info.status === 412 || info.status === 409) return true;
  if (info.adoCode && CONFLICT_CODES.has(info.adoCode)) return true;
  return /test operation|TestOperation|RevisionMismatch/i.test(
    `${info.typeKey ?? ""} ${info.adoMessage ?? ""}`,
  );
}

/** The catalogue code for an Azure DevOps answer that will not be retried any more. */
export function codeForAnswer(info: AdoErrorInfo): ErrorCode {
  if (info.status === 0) return "SYNC_ERR_ADO_UNREACHABLE";
  if (info.status === 429) return "SYNC_ERR_ADO_THROTTLED";
  if (isRevConflict(info)) return "SYNC_ERR_ADO_CONFLICT";
  if (info.status === 503 || info.status === 502 || info.status === 504 || info.status === 500) {
    return "SYNC_ERR_ADO_UNREACHABLE";
  }
  return "SYNC_ERR_ADO_REJECTED";
}

/** Builds the `SyncError` for a failed request; `extra` lands in details (never secrets). */
export function adoError(
  info: AdoErrorInfo,
  extra: Record<string, unknown>,
  code: ErrorCode = codeForAnswer(info),
): SyncError {
  const where = `${String(extra.method ?? "")} ${String(extra.path ?? "")}`.trim();
  const message = info.adoMessage
    ? `Azure DevOps answered ${info.status} to ${where}: ${info.adoMessage}`
    : undefined;
  return new SyncError(code, message, { ...extra, ...info });
}

/** Reads the `AdoErrorInfo` back from a `SyncError` raised by this module. */
export function adoInfoOf(error: SyncError): AdoErrorInfo {
  const details = error.details ?? {};
  return {
    status: typeof details.status === "number" ? details.status : 0,
    adoCode: typeof details.adoCode === "string" ? details.adoCode : undefined,
    typeKey: typeof details.typeKey === "string" ? details.typeKey : undefined,
    adoMessage: typeof details.adoMessage === "string" ? details.adoMessage : undefined,
    customProperties:
      details.customProperties && typeof details.customProperties === "object"
        ? (details.customProperties as Record<string, unknown>)
        : undefined,
  };
}
