/**
 * Warnings: things that went partly wrong without failing the work item (a skipped
 * attachment, a cut title, an unknown assignee). Operations that can partly fail return them
 * in results instead of throwing.
 */

/** The kinds of warning the Azure DevOps client reports. */
export const SYNC_WARNING_CODES = [
  "TITLE_TRUNCATED",
  "IDENTITY_UNKNOWN",
  "ATTACHMENT_TOO_LARGE",
  "ATTACHMENT_LIMIT_REACHED",
  "ATTACHMENT_REJECTED",
] as const;
export type SyncWarningCode = (typeof SYNC_WARNING_CODES)[number];

/** One warning, shown in the work item's sync history. */
export interface SyncWarning {
  code: SyncWarningCode;
  message: string;
  /** Field reference name concerned, if any. */
  field?: string;
  /** Extras: file name and size, the service's TF/VS code, the identity... Never secrets. */
  details?: Record<string, unknown>;
}

/** Per-item result of an operation that may partly fail. */
export interface ItemResult<T> {
  status: "ok" | "skipped" | "failed";
  value?: T;
  warnings: SyncWarning[];
}
