/**
 * The calendar date in Asia/Shanghai (UTC+8 all year, no daylight saving) of an instant: the one place the
 * platform turns a clock reading into "today". Core code never reads a clock; callers pass this date in.
 */

/** Milliseconds of the UTC+8 offset of Asia/Shanghai. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar date ("YYYY-MM-DD") of an instant (default: now). */
export function shanghaiDate(at: Date = new Date()): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
