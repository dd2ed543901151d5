import {
  backoffDelay,
  OrganizationGate,
  parseRetryAfter,
} from "../../../src/server/ado/rate-limit-gate";
import { TestClock } from "../../helpers/test-clock";

describe("rate-limit pacing (Retry-After and backoff)", () => {
  it("parses Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-11-29T12:00:00Z");
    expect(parseRetryAfter("5", now)).toBe(5000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Sun, 29 Nov 2026 12:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });

  it("grows the backoff exponentially, within the cap, with jitter", () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 8000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1000);
    expect(backoffDelay(3, policy, () => 1)).toBe(4000);
    expect(backoffDelay(10, policy, () => 1)).toBe(8000);
    expect(backoffDelay(10, policy, () => 0.5)).toBeGreaterThanOrEqual(500);
  });

  it("makes every caller wait until the latest deferral, never less", async () => {
    const clock = TestClock.fixed();
    const gate = new OrganizationGate(clock);
    gate.defer(5000);
    gate.defer(2000); // an earlier deadline does not shorten the wait
    expect(gate.remaining()).toBe(5000);
    await Promise.all([gate.pass(), gate.pass()]);
    expect(gate.remaining()).toBe(0);
    expect(Math.max(...clock.slept)).toBeGreaterThanOrEqual(5000);
  });
});
