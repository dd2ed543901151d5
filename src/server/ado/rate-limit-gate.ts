/**
 * Rate-limit pacing for one Azure DevOps organization (MicrosoftDocs/azure-devops-docs#10832).
 *
 * Azure DevOps "Rate and usage limits" (learn.microsoft.com/azure/devops/integrate/concepts/
 * rate-limits): a client that is being delayed gets `Retry-After` (seconds) on ordinary 200
 * answers as well as on 429 and 503; it should wait that long before its next request to the
 * organization. `OrganizationGate` holds that "not before" instant for every caller of one
 * client; `backoffDelay` paces retries when a 429/5xx carries no header.
 */

/** Time source and sleep, injectable so tests run fast on a fake clock. */
export interface AdoClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds (or earlier if `signal` aborts: then rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: AdoClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    }),
};

/** Shared "do not send before" instant for one organization. */
export class OrganizationGate {
  private notBefore = 0;

  constructor(private readonly clock: AdoClock) {}

  /** Pushes the gate to at least `now + delayMs` (never pulls it earlier). */
  defer(delayMs: number): void {
    this.notBefore = Math.max(this.notBefore, this.clock.now() + Math.max(0, delayMs));
  }

  /** Milliseconds a request must still wait (0 when the gate is open). */
  remaining(): number {
    return Math.max(0, this.notBefore - this.clock.now());
  }

  /** Waits until the gate is open; re-checks because another caller may push it meanwhile. */
  async pass(signal?: AbortSignal): Promise<number> {
    let waited = 0;
    for (let wait = this.remaining(); wait > 0; wait = this.remaining()) {
      await this.clock.sleep(wait, signal);
      waited += wait;
    }
    return waited;
  }
}

/**
 * Parses `Retry-After` (RFC 9110 section 10.2.3: delta-seconds or an HTTP-date) into
 * milliseconds; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Retry pacing when the service gives no `Retry-After`. */
export interface BackoffPolicy {
  /** First delay in ms. (Default: 1000: long enough for a brief blip to pass.) */
  baseDelayMs: number;
  /** Cap in ms. (Default: 60000: Azure DevOps throttling windows are minutes long; waiting longer than a minute per attempt only hides a real outage from the sync queue's own backoff.) */
  maxDelayMs: number;
}

/**
 * "Full jitter" capped exponential backoff (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a random delay in [base/2, min(cap, base * 2^(attempt-1))]. The lower half-base
 * floor keeps a retry from firing immediately. `attempt` starts at 1.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const floor = Math.min(ceiling, policy.baseDelayMs / 2);
  return Math.round(floor + random() * (ceiling - floor));
}
