/**
 * Capped exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff
 * And Jitter"): the n-th retry waits a random time in [0, min(cap, base * 2^n)). Full jitter
 * spreads retries of many items (or many nodes) that failed at the same moment.
 */

/** Backoff parameters in milliseconds. */
export interface BackoffPolicy {
  /** Delay scale of the first retry. */
  readonly baseMs: number;
  /** Longest delay, whatever the attempt number. */
  readonly capMs: number;
}

/**
 * Sync request retries (Azure DevOps 5xx, throttling, network): 2 s scale, 10 min cap. Ten
 * minutes bounds how stale a twin gets after an outage; shorter caps hammer a struggling
 * organization.
 */
export const SYNC_REQUEST_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 600_000 };

/**
 * Transport retries while the partner node is unreachable: 1 s scale, 60 s cap. A minute
 * keeps recovery quick after an outage, and one request a minute costs the partner nothing.
 */
export const TRANSPORT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/** 2^30 already exceeds any cap; the exponent stops there so the math stays finite. */
const MAX_EXPONENT = 30;

/**
 * The delay before retry number `attempt` (0 for the first retry), in ms.
 * @param random a source of [0, 1) numbers (Default: Math.random); tests pass a fixed one
 */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 0), MAX_EXPONENT);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
