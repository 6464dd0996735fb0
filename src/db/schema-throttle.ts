/**
 * Tables of the throttles of attempts that check a secret (sign-in, status-page codes): one row per bucket.
 */

/** One throttle bucket (migration 0017): its failures, reservations included, and its wait. */
export interface ThrottleBucketTable {
  /** What the bucket counts: "login-pair", "login-account", "login-address", "tracking-address", … */
  scope: string;
  /** The bucket within its scope: a username, an address, both, a tracking number. */
  key: string;
  failures: number;
  /** ISO instant until which attempts are refused, or null. */
  blocked_until: string | null;
  /** ISO instant of the last reserved attempt. */
  last_at: string;
}

/** The throttle tables, merged into Schema. */
export interface ThrottleTables {
  throttle_buckets: ThrottleBucketTable;
}
