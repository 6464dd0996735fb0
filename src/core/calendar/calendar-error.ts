/**
 * Typed failures of the working-day calendar: a stable `code` and a message in Simplified Chinese.
 */

/** Stable codes of calendar failures. */
export type CalendarErrorCode =
  | "INVALID_DATE"
  | "INVALID_YEAR"
  | "DATE_OUTSIDE_YEAR"
  | "DUPLICATE_DATE"
  | "HOLIDAY_AND_WORKDAY"
  | "WORKDAY_NOT_WEEKEND"
  | "DUPLICATE_YEAR"
  | "INVALID_SOURCE"
  | "INVALID_COUNT"
  | "INVALID_DATA";

/** A calendar input or query that breaks a rule; `message` is shown to users as is. */
export class CalendarError extends Error {
  /** The stable code of the failure. */
  readonly code: CalendarErrorCode;

  /** Makes an error with its code and Chinese message. */
  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.name = "CalendarError";
    this.code = code;
  }
}
