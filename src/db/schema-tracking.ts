/**
 * Tables of the public tracking side of disclosure requests: the attempts to open a status page.
 */
import type { Generated } from "kysely";

/** One attempt to open a request's status page with a tracking number and a verification code. */
export interface TrackingAttemptTable {
  id: Generated<number>;
  /** The client's address as the server sees it (behind a trusted proxy: X-Forwarded-For). */
  ip: string;
  /** The tracking number as typed (normalised: trimmed, upper case). */
  tracking_no: string;
  /** When, as an ISO UTC instant. */
  at: string;
  /** 1 when the number and code matched a request. */
  success: number;
}

/** The tracking tables, merged into Schema. */
export interface TrackingTables {
  tracking_attempts: TrackingAttemptTable;
}
