import type { AdoClock } from "../../src/server/ado/rate-limit-gate";

/**
 * A clock whose `sleep` returns at once and moves time forward, so rate-limit tests run fast
 * while the code under test still waits "long enough". `slept` records every wait in ms.
 */
export class FakeClock implements AdoClock {
  readonly slept: number[] = [];

  constructor(private time = Date.parse("2026-11-29T12:00:00.000Z")) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.slept.push(ms);
    this.time += ms;
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Total time waited. */
  total(): number {
    return this.slept.reduce((sum, ms) => sum + ms, 0);
  }
}
