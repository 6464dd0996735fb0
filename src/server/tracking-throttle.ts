/**
 * Throttling of wrong verification codes on the public status page: at most TRACKING_MAX_FAILURES failed
 * attempts per address and per tracking number within TRACKING_WINDOW_MS; the attempts are rows in the
 * database, so a restart does not reset the count.
 */
import type { Database } from "../db/database.ts";
import {
  countTrackingFailures,
  pruneTrackingAttempts,
  recordTrackingAttempt,
} from "./tracking-attempt.repository.ts";
import { trackingFail } from "./tracking-errors.ts";

/** Failed attempts allowed per address and per tracking number within the window. */
export const TRACKING_MAX_FAILURES = 10;

/** The sliding window of the count: 15 minutes. */
export const TRACKING_WINDOW_MS = 15 * 60 * 1000;

/** Refuses (TRACKING_THROTTLED, 429) when the address or the tracking number used up its failures. */
export async function assertNotThrottled(
  database: Database,
  ip: string,
  trackingNo: string,
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - TRACKING_WINDOW_MS).toISOString();
  const failures = await countTrackingFailures(database.db, ip, trackingNo, since);
  if (failures.fromIp >= TRACKING_MAX_FAILURES || failures.forTrackingNo >= TRACKING_MAX_FAILURES) {
    throw trackingFail("TRACKING_THROTTLED");
  }
}

/** How long attempts are kept: a day, far longer than the window, so that incidents can be looked into. */
export const TRACKING_ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Records the outcome of one attempt, and drops the attempts older than the retention period. */
export async function recordAttempt(
  database: Database,
  ip: string,
  trackingNo: string,
  now: Date,
  success: boolean,
): Promise<void> {
  await recordTrackingAttempt(database.db, { ip, trackingNo, at: now.toISOString(), success });
  const before = new Date(now.getTime() - TRACKING_ATTEMPT_RETENTION_MS).toISOString();
  await pruneTrackingAttempts(database.db, before);
}
