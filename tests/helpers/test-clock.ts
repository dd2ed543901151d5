/**
 * Simulated time for tests: `sleep` returns at once (after yielding to the event loop) and
 * moves the clock forward, so code that waits "long enough" (rate limits, backoff, "60 s
 * without the partner") runs in a moment. `slept` records every wait in ms.
 *
 * - `TestClock.fixed(start)`: time stands still but for sleeps, for exact assertions on waits.
 * - `TestClock.fromRealTime()`: real time plus everything slept, for two nodes that share one
 *   clock so that their transport tokens stay valid for each other.
 */
import type { AdoClock } from "../../src/server/ado/rate-limit-gate";
import type { Sleep } from "../../src/server/transport/transport-context";

/** Real ms a sleep of a real-time clock yields, so loops do not spin without slowing tests. */
const REAL_YIELD_MS = 5;

/** A clock for tests (see the module comment). */
export class TestClock implements AdoClock {
  /** Every wait asked for, in ms, in order. */
  readonly slept: number[] = [];

  private constructor(
    private readonly base: () => number,
    private readonly yieldMs: number,
  ) {}

  /** A clock standing at `start` (epoch ms) that moves only by sleeps. */
  static fixed(start = Date.parse("2026-11-29T12:00:00.000Z")): TestClock {
    return new TestClock(() => start, 0);
  }

  /** A clock at real time plus everything slept so far. */
  static fromRealTime(): TestClock {
    return new TestClock(() => Date.now(), REAL_YIELD_MS);
  }

  /** The current time in epoch ms. */
  now = (): number => this.base() + this.sleptTotal();

  /** Moves the clock by `ms` instead of waiting; resolves at once when `signal` is aborted. */
  sleep: Sleep & AdoClock["sleep"] = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      this.slept.push(ms);
      if (signal?.aborted) return resolve();
      if (this.yieldMs > 0) setTimeout(resolve, this.yieldMs);
      else setImmediate(resolve);
    });

  /** Total time slept so far, in ms. */
  sleptTotal(): number {
    return this.slept.reduce((sum, ms) => sum + ms, 0);
  }
}
