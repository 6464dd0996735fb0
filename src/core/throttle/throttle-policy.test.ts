import { describe, expect, it } from "vitest";
import {
  type BucketState,
  delayAfter,
  refundAttempt,
  reserveAttempt,
  type ThrottleRule,
} from "./throttle-policy.ts";

const MINUTE = 60_000;
const RULE: ThrottleRule = {
  freeFailures: 5,
  firstDelayMs: MINUTE,
  maxDelayMs: 60 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};
const start = Date.parse("2026-03-02T02:00:00.000Z");
const at = (ms: number) => new Date(start + ms);

/** Reserves and expects the reservation to be allowed; the next state. */
function reserve(state: BucketState | undefined, when: Date): BucketState {
  const r = reserveAttempt(RULE, state, when);
  if (!r.allowed) throw new Error(`refused for ${r.retryAfterMs} ms`);
  return r.next;
}

describe("throttle policy", () => {
  it("doubles the wait from 1 minute after 5 failures up to 1 hour", () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 12, 100].map((n) => delayAfter(RULE, n) / MINUTE)).toEqual([
      0, 1, 2, 4, 8, 16, 32, 60, 60, 60,
    ]);
  });

  it("counts each attempt before the check and refuses while the wait runs", () => {
    let state: BucketState | undefined;
    for (let i = 1; i <= 4; i++) {
      state = reserve(state, at(0));
      expect(state.blockedUntil).toBeNull();
    }
    state = reserve(state, at(0));
    expect(state).toEqual({
      failures: 5,
      blockedUntil: at(MINUTE).toISOString(),
      lastAt: at(0).toISOString(),
    });
    expect(reserveAttempt(RULE, state, at(MINUTE - 1))).toEqual({ allowed: false, retryAfterMs: 1 });
    state = reserve(state, at(MINUTE));
    expect(state.blockedUntil).toBe(at(3 * MINUTE).toISOString());
  });

  it("forgets a quiet bucket, but never while its wait runs", () => {
    const blocked: BucketState = {
      failures: 30,
      blockedUntil: at(25 * 60 * MINUTE).toISOString(),
      lastAt: at(0).toISOString(),
    };
    expect(reserveAttempt(RULE, blocked, at(24 * 60 * MINUTE)).allowed).toBe(false);
    expect(reserve(blocked, at(25 * 60 * MINUTE)).failures).toBe(1);
    const few: BucketState = { failures: 3, blockedUntil: null, lastAt: at(0).toISOString() };
    expect(reserve(few, at(24 * 60 * MINUTE - 1)).failures).toBe(4);
  });

  it("refunds a reservation that succeeded, lifting the wait it imposed", () => {
    const fifth: BucketState = {
      failures: 5,
      blockedUntil: at(MINUTE).toISOString(),
      lastAt: at(0).toISOString(),
    };
    expect(refundAttempt(RULE, fifth)).toEqual({
      failures: 4,
      blockedUntil: null,
      lastAt: at(0).toISOString(),
    });
    const seventh: BucketState = {
      failures: 7,
      blockedUntil: at(4 * MINUTE).toISOString(),
      lastAt: at(0).toISOString(),
    };
    expect(refundAttempt(RULE, seventh).blockedUntil).toBe(at(4 * MINUTE).toISOString());
  });
});
