/**
 * Attaching a set of files to a work item without letting one bad file sink the rest.
 * Limits, from the service's answers:
 * - at most 100 attached files per work item: TF237082 "... would have more than 100 attached
 *   files";
 * - a size limit per file: VS403313 (413) "The attachment exceeds the maximum allowed size".
 *   Services accepts up to 60 MB in one upload (130 MB chunked); Azure DevOps Server defaults
 *   to 4 MB (`MaxAttachmentSize`, raised by admins). Configure `maxBytes` to skip the upload
 *   of a file that cannot fit instead of sending it.
 * Each skipped file gets a warning with its name, size and the code; it is not retried.
 * Throttling and outages still throw (the whole operation can be retried later).
 */
import { isSyncError } from "../../shared/errors";
import { adoInfoOf } from "../ado/ado-error-map";
import type { AdoHttp } from "../ado/ado-http";
import { uploadAttachment } from "../ado/attachment-api";
import { linkAttachment } from "./attachment-link";
import type { ItemResult, SyncWarning } from "./sync-warning";

/** Azure DevOps' limit of attached files per work item (TF237082). */
export const MAX_ATTACHMENTS_PER_WORK_ITEM = 100;

/** One file to attach. */
export interface AttachmentFile {
  name: string;
  /** Size in bytes (known before reading, so a too-large file is never downloaded). */
  size: number;
  /** Reads the bytes (from the other side, or a buffer). */
  read(): Promise<Uint8Array>;
}

/** Options of `attachFiles`. */
export interface AttachFilesOptions {
  project: string;
  workItemId: number;
  /** Attached files the work item already has. */
  existingCount: number;
  /** Per-file limit in bytes; absent: let the service decide. */
  maxBytes?: number;
  /** (Default: 100, the service's own limit.) */
  maxPerWorkItem?: number;
}

/** Codes with which the service refuses one file for good (not worth a retry). */
const PERMANENT_FILE_CODES = new Set(["VS403313", "TF237082"]);

/** Uploads and links each file; returns one result per file, in order. */
export async function attachFiles(
  http: AdoHttp,
  files: AttachmentFile[],
  options: AttachFilesOptions,
): Promise<ItemResult<{ url: string }>[]> {
  const results: ItemResult<{ url: string }>[] = [];
  let count = options.existingCount;
  const max = options.maxPerWorkItem ?? MAX_ATTACHMENTS_PER_WORK_ITEM;
  for (const file of files) {
    const precheck = precheckFile(file, count, max, options.maxBytes);
    if (precheck) {
      results.push({ status: "skipped", warnings: [precheck] });
      continue;
    }
    const result = await attachOne(http, file, options);
    if (result.status === "ok") count += 1;
    // The service counted more attachments than we knew of: the rest cannot fit either.
    if (result.warnings.some((w) => w.code === "ATTACHMENT_LIMIT_REACHED")) count = max;
    results.push(result);
  }
  return results;
}

function precheckFile(
  file: AttachmentFile,
  count: number,
  max: number,
  maxBytes: number | undefined,
): SyncWarning | undefined {
  if (count >= max) {
    return fileWarning(
      "ATTACHMENT_LIMIT_REACHED",
      file,
      "TF237082",
      `the work item already has ${count} attached files (limit ${max})`,
    );
  }
  if (maxBytes !== undefined && file.size > maxBytes) {
    return fileWarning(
      "ATTACHMENT_TOO_LARGE",
      file,
      "VS403313",
      `it is larger than the limit of ${maxBytes} bytes`,
    );
  }
  return undefined;
}

async function attachOne(
  http: AdoHttp,
  file: AttachmentFile,
  options: AttachFilesOptions,
): Promise<ItemResult<{ url: string }>> {
  try {
    const reference = await uploadAttachment(http, options.project, file.name, await file.read());
    await linkAttachment(http, { ...options, url: reference.url, name: file.name });
    return { status: "ok", value: { url: reference.url }, warnings: [] };
  } catch (error) {
    if (!isSyncError(error) || error.code !== "SYNC_ERR_ADO_REJECTED") throw error;
    const info = adoInfoOf(error);
    const permanent = info.status === 413 || PERMANENT_FILE_CODES.has(info.adoCode ?? "");
    if (!permanent) throw error;
    const kind = info.adoCode === "TF237082" ? "ATTACHMENT_LIMIT_REACHED" : "ATTACHMENT_TOO_LARGE";
    const warning = fileWarning(
      kind,
      file,
      info.adoCode ?? String(info.status),
      info.adoMessage ?? "",
    );
    return { status: "skipped", warnings: [warning] };
  }
}

function fileWarning(
  code: SyncWarning["code"],
  file: AttachmentFile,
  serverCode: string,
  reason: string,
): SyncWarning {
  return {
    code,
    message: `The attachment "${file.name}" (${file.size} bytes) was skipped: ${reason}.`,
    details: { fileName: file.name, size: file.size, serverCode },
  };
}
