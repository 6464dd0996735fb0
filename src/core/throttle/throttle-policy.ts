/**
 * The throttle of attempts that check a secret (a password, a verification code), pure: a bucket counts
 * failures; after `freeFailures` of them each further attempt must wait a delay that doubles from
 * `firstDelayMs` up to `maxDelayMs`; a bucket left quiet for `forgetAfterMs` starts afresh. An attempt is
 * reserved (counted as a failure) before the secret is checked, so parallel attempts cannot all slip past
 * the count; a success then settles its reservation (reset or refund).
 */

/** How a bucket throttles. */
export interface ThrottleRule {
  /** Failures allowed before any delay. */
  readonly freeFailures: number;
  /** Wait imposed by the `freeFailures`-th failure; each further failure doubles it. */
  readonly firstDelayMs: number;
  /** Longest wait. */
  readonly maxDelayMs: number;
  /** A bucket with no attempt for this long (and no wait running) starts afresh. */
  readonly forgetAfterMs: number;
}

/** A bucket's state: its failures (reservations included), until when it refuses, its last attempt. */
export interface BucketState {
  readonly failures: number;
  /** ISO instant until which attempts are refused, or null. */
  readonly blockedUntil: string | null;
  /** ISO instant of the last reserved attempt. */
  readonly lastAt: string;
}

/** The answer to a reservation: the bucket's next state, or how long to wait. */
export type Reservation =
  | { readonly allowed: true; readonly next: BucketState }
  | { readonly allowed: false; readonly retryAfterMs: number };

/** The wait imposed after `failures` failures (0 while they are within the free ones). */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = Math.min(failures - rule.freeFailures, 40);
  return Math.min(rule.firstDelayMs * 2 ** doublings, rule.maxDelayMs);
}

/** The state as it counts at `now`: a forgotten bucket is fresh. */
function current(rule: ThrottleRule, state: BucketState | undefined, now: number): BucketState | undefined {
  if (!state) return undefined;
  const waiting = state.blockedUntil !== null && Date.parse(state.blockedUntil) > now;
  const quiet = now - Date.parse(state.lastAt) >= rule.forgetAfterMs;
  return !waiting && quiet ? undefined : state;
}

/** Reserves one attempt at `now`: refused while the bucket waits, else counted as a failure in advance. */
export function reserveAttempt(rule: ThrottleRule, state: BucketState | undefined, now: Date): Reservation {
  const at = now.getTime();
  const live = current(rule, state, at);
  if (live?.blockedUntil && Date.parse(live.blockedUntil) > at) {
    return { allowed: false, retryAfterMs: Date.parse(live.blockedUntil) - at };
  }
  const failures = (live?.failures ?? 0) + 1;
  const delay = delayAfter(rule, failures);
  const blockedUntil = delay > 0 ? new Date(at + delay).toISOString() : null;
  return { allowed: true, next: { failures, blockedUntil, lastAt: now.toISOString() } };
}

/**
 * Takes back one reserved attempt that turned out a success: one failure fewer, and no wait unless the
 * failures left still impose one.
 */
export function refundAttempt(rule: ThrottleRule, state: BucketState): BucketState {
  const failures = Math.max(0, state.failures - 1);
  return { ...state, failures, blockedUntil: delayAfter(rule, failures) > 0 ? state.blockedUntil : null };
}

/** A bucket with no failures (after a success that clears it). */
export function clearedBucket(now: Date): BucketState {
  return { failures: 0, blockedUntil: null, lastAt: now.toISOString() };
}
