/**
 * Throttling of wrong verification codes on the public status page: at most TRACKING_MAX_FAILURES failed
 * attempts per address and per tracking number within TRACKING_WINDOW_MS. Each attempt is reserved in two
 * throttle buckets (address, tracking number) before the code is checked, so that 200 parallel guesses check
 * at most 10 codes (issue #9.5); a success takes its reservation back. Buckets and attempts are rows in the
 * database, so a restart does not reset the count.
 */
import { reserveAttempts, settleAttempts, type ThrottledBucket } from "../auth/attempt-throttle.ts";
import { pruneBuckets } from "../auth/throttle-bucket.repository.ts";
import type { ThrottleRule } from "../core/throttle/throttle-policy.ts";
import type { Database } from "../db/database.ts";
import { pruneTrackingAttempts, recordTrackingAttempt } from "./tracking-attempt.repository.ts";
import { trackingFail } from "./tracking-errors.ts";

/** Failed attempts allowed per address and per tracking number within the window. */
export const TRACKING_MAX_FAILURES = 10;

/** The window of the count, and the wait once it is used up: 15 minutes. */
export const TRACKING_WINDOW_MS = 15 * 60 * 1000;

/** How long attempts are kept: a day, far longer than the window, so that incidents can be looked into. */
export const TRACKING_ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** 10 failures, then 15 minutes' wait; a bucket quiet for 15 minutes starts afresh. */
const TRACKING_RULE: ThrottleRule = {
  freeFailures: TRACKING_MAX_FAILURES,
  firstDelayMs: TRACKING_WINDOW_MS,
  maxDelayMs: TRACKING_WINDOW_MS,
  forgetAfterMs: TRACKING_WINDOW_MS,
};

/** The scopes of the status-page buckets. */
const TRACKING_SCOPES = ["tracking-address", "tracking-number"] as const;

/** The buckets one attempt is charged to, always in this order. */
function bucketsOf(ip: string, trackingNo: string): ThrottledBucket[] {
  return [
    { scope: "tracking-address", key: ip, rule: TRACKING_RULE },
    { scope: "tracking-number", key: trackingNo, rule: TRACKING_RULE },
  ];
}

/**
 * Reserves one attempt for the address and the tracking number, counted as a failure until recordAttempt
 * says otherwise; TRACKING_THROTTLED (429) when either has used up its failures.
 */
export async function reserveTrackingAttempt(
  database: Database,
  ip: string,
  trackingNo: string,
  now: Date,
): Promise<void> {
  const reservation = await reserveAttempts(database, bucketsOf(ip, trackingNo), now);
  if (!reservation.ok) throw trackingFail("TRACKING_THROTTLED");
}

/**
 * Records the outcome of one reserved attempt (a success takes the reservation back), and drops the attempts
 * older than the retention period.
 */
export async function recordAttempt(
  database: Database,
  ip: string,
  trackingNo: string,
  now: Date,
  success: boolean,
): Promise<void> {
  const at = now.toISOString();
  const before = new Date(now.getTime() - TRACKING_ATTEMPT_RETENTION_MS).toISOString();
  await database.db.transaction().execute(async (trx) => {
    await recordTrackingAttempt(trx, { ip, trackingNo, at, success });
    if (success) {
      const settlements = bucketsOf(ip, trackingNo).map((bucket) => ({ bucket, how: "refund" as const }));
      await settleAttempts(trx, database.dialect, settlements, now);
    }
  });
  await pruneTrackingAttempts(database.db, before);
  await pruneBuckets(database.db, TRACKING_SCOPES, before, at);
}
