/**
 * Fault injection for tests: throttling with `Retry-After` on 429 and on 200
 * (MicrosoftDocs/azure-devops-docs#10832), a concurrent edit that fails the next `test /rev`
 * update (tfsaggregator/aggregator-cli#128), server errors, and a dropped answer after the
 * request was applied (so a test can check that a retried create never makes a second item).
 * A fault matches requests by method and path, applies to the next `count` matches, then
 * clears itself. Driven in-process (`emulator.faults`) or over HTTP (`/_emulator/faults`).
 */

/** What a fault does. */
export const FAULT_KINDS = [
  "latency",
  "throttle",
  "retryAfterOn200",
  "serverError",
  "concurrentEdit",
  "dropAfterApply",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A fault to add. */
export interface FaultSpec {
  /**
   * - `latency`: wait `delayMs`, then answer normally.
   * - `throttle`: answer 429 (TF400733), with `Retry-After: retryAfterSeconds` when given.
   * - `retryAfterOn200`: answer normally, plus `Retry-After` and `X-RateLimit-*` headers.
   * - `serverError`: answer `status` (default 503; `Retry-After` when given) without applying.
   * - `concurrentEdit`: before a matching work item update runs, another user saves a new
   *   revision of that work item (so a `test /rev` fails with 412); `fields` are that user's
   *   changes (default: a History entry).
   * - `dropAfterApply`: apply the request, then reset the connection instead of answering.
   */
  kind: FaultKind;
  /** HTTP method to match (any when absent). */
  method?: string;
  /**
   * Path to match: a substring of the URL path (case-insensitive), or a regular expression
   * source when it starts with `re:`. Any when absent.
   */
  path?: string;
  /** How many matching requests get the fault (default 1). */
  count?: number;
  delayMs?: number;
  retryAfterSeconds?: number;
  status?: number;
  /** For `concurrentEdit`: the work item id (matches updates of that work item only). */
  workItemId?: number;
  /** For `concurrentEdit`: field changes the concurrent editor saves. */
  fields?: Record<string, unknown>;
}

/** A fault with its id and remaining count. */
export interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number;
}

/** The fault API of one emulator. */
export interface FaultControl {
  /** Adds a fault; returns its id. */
  add(spec: FaultSpec): number;
  /** Removes one fault, or all when `id` is absent. */
  clear(id?: number): void;
  /** The faults that still have matches left. */
  list(): ActiveFault[];
  /** How many requests each fault kind has hit since start (for assertions). */
  hits(): Record<FaultKind, number>;
}

/** In-memory fault table. `take` consumes one match. */
export class FaultTable implements FaultControl {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private counts = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;

  add(spec: FaultSpec): number {
    if (!FAULT_KINDS.includes(spec.kind)) throw new Error(`Unknown fault kind: ${spec.kind}`);
    const id = this.nextId++;
    this.faults.push({ ...spec, id, remaining: Math.max(1, spec.count ?? 1) });
    return id;
  }

  clear(id?: number): void {
    this.faults = id === undefined ? [] : this.faults.filter((f) => f.id !== id);
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  hits(): Record<FaultKind, number> {
    return { ...this.counts };
  }

  /**
   * Consumes and returns the first fault of `kinds` matching the request, if any.
   * `workItemId` narrows `concurrentEdit` faults to updates of that work item.
   */
  take(
    kinds: readonly FaultKind[],
    method: string,
    path: string,
    workItemId?: number,
  ): ActiveFault | undefined {
    const fault = this.faults.find(
      (f) =>
        kinds.includes(f.kind) &&
        (!f.method || f.method.toUpperCase() === method.toUpperCase()) &&
        matchesPath(f.path, path) &&
        (f.kind !== "concurrentEdit" || f.workItemId === undefined || f.workItemId === workItemId),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.counts[fault.kind] += 1;
    if (fault.remaining <= 0) this.clear(fault.id);
    return fault;
  }
}

function matchesPath(pattern: string | undefined, path: string): boolean {
  if (!pattern) return true;
  if (pattern.startsWith("re:")) return new RegExp(pattern.slice(3), "i").test(path);
  return path.toLowerCase().includes(pattern.toLowerCase());
}

/** Rate-limit headers the service sends with a delay (docs "Rate and usage limits"). */
export function rateLimitHeaders(retryAfterSeconds: number): Record<string, string> {
  return {
    "Retry-After": String(retryAfterSeconds),
    "X-RateLimit-Resource": "WorkItemTrackingResource",
    "X-RateLimit-Delay": retryAfterSeconds.toFixed(3),
    "X-RateLimit-Limit": "200",
    "X-RateLimit-Remaining": "0",
    "X-RateLimit-Reset": String(Math.ceil(Date.now() / 1000) + retryAfterSeconds),
  };
}
