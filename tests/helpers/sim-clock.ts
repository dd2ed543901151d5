/**
 * Simulated time for transport tests: real time plus an offset that backoff waits advance
 * instantly, so "60 s without the partner" passes in a moment. Both nodes of a pair share one
 * clock, so their transport tokens stay valid for each other.
 */
import type { Sleep } from "../../src/server/transport/transport-context";

/** A shared simulated clock. */
export interface SimClock {
  now(): number;
  /** Advances the clock by `ms` instead of waiting (yields a few real ms). */
  sleep: Sleep;
  /** Total simulated time added so far, in ms. */
  skipped(): number;
}

/** 5 real ms per simulated wait: loops yield to the event loop without slowing the test. */
const REAL_YIELD_MS = 5;

/** A clock starting at real time. */
export function createSimClock(): SimClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        offset += ms;
        if (signal.aborted) return resolve();
        setTimeout(resolve, REAL_YIELD_MS);
      }),
    skipped: () => offset,
  };
}
