/**
 * The outcome of one request attempt, and whether a failed request may already have been
 * applied by the service (so repeating it could apply it twice).
 */
import { isSyncError } from "../../shared/errors";
import type { AdoErrorInfo } from "./ado-error-map";
import type { AdoResponse } from "./ado-wire";

/** Outcome of one attempt. */
export type AttemptResult<T> =
  | { kind: "ok"; response: AdoResponse<T> }
  | { kind: "refused"; info: AdoErrorInfo; retryAfterMs?: number }
  | {
      kind: "failed" | "lost";
      info: AdoErrorInfo;
      retryAfterMs?: number;
      /** Worth retrying an idempotent request. */
      retry: boolean;
      /** Certainly not applied by the service, so safe to retry even a create. */
      safe: boolean;
    };

/** Classifies a fetch rejection: refused (never sent) or lost (outcome unknown). */
export function networkFailure<T>(error: unknown): AttemptResult<T> {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  const reason =
    (error as { name?: string } | undefined)?.name === "TimeoutError"
      ? "timeout"
      : (cause?.code ?? "network");
  const info: AdoErrorInfo = { status: 0, adoMessage: `No answer from Azure DevOps (${reason}).` };
  if (reason === "ECONNREFUSED" || reason === "ENOTFOUND") return { kind: "refused", info };
  return { kind: "lost", info, retry: true, safe: false };
}

/**
 * True when `error` says the request may or may not have been applied (timeout, dropped
 * connection, 5xx on a non-idempotent request): check before repeating it.
 */
export function isUnknownOutcome(error: unknown): boolean {
  return isSyncError(error) && error.details?.outcome === "unknown";
}

/** `outcome` for the error details: did the service possibly apply the request? */
export function outcomeOf<T>(
  result: AttemptResult<T>,
  idempotent: boolean,
): "not-applied" | "unknown" {
  if (result.kind === "refused") return "not-applied";
  if (result.kind === "lost") return "unknown";
  if (result.kind === "failed" && result.info.status >= 500 && !idempotent) return "unknown";
  return "not-applied";
}
