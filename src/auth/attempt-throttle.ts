/**
 * Reserving and settling attempts against throttle buckets (see src/core/throttle): every bucket of an
 * attempt is locked, decided and written in one transaction before the secret is checked, so that 100
 * parallel attempts are counted one by one; when one bucket refuses, none is charged.
 */
import type { Kysely } from "kysely";
import {
  type BucketState,
  clearedBucket,
  refundAttempt,
  reserveAttempt,
  type ThrottleRule,
} from "../core/throttle/throttle-policy.ts";
import type { Database, Dialect } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { type BucketKey, lockBucket, saveBucket } from "./throttle-bucket.repository.ts";

/** A bucket an attempt is charged to, with its rule. */
export interface ThrottledBucket extends BucketKey {
  readonly rule: ThrottleRule;
}

/** The outcome of a reservation: the buckets' new states, or the first bucket that refused and the wait. */
export type AttemptReservation =
  | { readonly ok: true; readonly states: readonly BucketState[] }
  | { readonly ok: false; readonly refusedBy: ThrottledBucket; readonly retryAfterMs: number };

/** Thrown inside the transaction to roll back every charge when one bucket refuses. */
class Refused extends Error {
  constructor(
    readonly bucket: ThrottledBucket,
    readonly retryAfterMs: number,
  ) {
    super("throttled");
  }
}

/** Charges one attempt to every bucket (in the order given, the same everywhere), or to none. */
export async function reserveAttempts(
  database: Database,
  buckets: readonly ThrottledBucket[],
  now: Date,
): Promise<AttemptReservation> {
  const at = now.toISOString();
  try {
    const states = await database.db.transaction().execute(async (trx) => {
      const next: BucketState[] = [];
      for (const bucket of buckets) {
        const reservation = reserveAttempt(
          bucket.rule,
          await lockBucket(trx, database.dialect, bucket, at),
          now,
        );
        if (!reservation.allowed) throw new Refused(bucket, reservation.retryAfterMs);
        await saveBucket(trx, bucket, reservation.next);
        next.push(reservation.next);
      }
      return next;
    });
    return { ok: true, states };
  } catch (error) {
    if (error instanceof Refused)
      return { ok: false, refusedBy: error.bucket, retryAfterMs: error.retryAfterMs };
    throw error;
  }
}

/** How a success settles its reservation in a bucket: clear the bucket, or take back the one attempt. */
export type Settlement = "clear" | "refund";

/** Settles a successful attempt's reservations (inside the caller's transaction). */
export async function settleAttempts(
  trx: Kysely<Schema>,
  dialect: Dialect,
  settlements: readonly { readonly bucket: ThrottledBucket; readonly how: Settlement }[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  for (const { bucket, how } of settlements) {
    const state = await lockBucket(trx, dialect, bucket, at);
    if (!state) continue;
    await saveBucket(trx, bucket, how === "clear" ? clearedBucket(now) : refundAttempt(bucket.rule, state));
  }
}
