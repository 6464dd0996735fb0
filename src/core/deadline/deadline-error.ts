/**
 * Typed failures of the deadline engine: an event out of order or one that breaks a rule of RULES.md §3.
 * Each carries a stable `code`, the rule it enforces and a message in Simplified Chinese.
 */

/** Stable codes of deadline failures. */
export type DeadlineErrorCode =
  | "INVALID_DATE"
  | "INVALID_COUNT"
  | "NOT_RECEIVED"
  | "ALREADY_RECEIVED"
  | "EVENT_OUT_OF_ORDER"
  | "CASE_CLOSED"
  | "SPOT_ANSWER_NOT_SAME_DAY"
  | "SUPPLEMENT_TWICE"
  | "SUPPLEMENT_LATE"
  | "SUPPLEMENT_PERIOD_INVALID"
  | "SUPPLEMENT_NOT_REQUESTED"
  | "SUPPLEMENT_ALREADY_RECEIVED"
  | "SUPPLEMENT_RECEIVED_LATE"
  | "SUPPLEMENT_NOT_EXPIRED"
  | "SUPPLEMENT_PENDING"
  | "CONSULTATION_DUPLICATE"
  | "CONSULTATION_UNKNOWN"
  | "CONSULTATION_ANSWERED_TWICE"
  | "PAUSE_AFTER_DUE"
  | "EXTENSION_TWICE"
  | "EXTENSION_TOO_LONG"
  | "EXTENSION_INCOMPLETE"
  | "EXTENSION_LATE"
  | "DELAYED_REPLY_SET"
  | "DELAYED_REPLY_LATE"
  | "DELAYED_REPLY_NOT_LATER"
  | "FEE_RULE_DISABLED"
  | "FEE_NOTICE_TWICE"
  | "FEE_NOT_NOTICED"
  | "FEE_ALREADY_PAID"
  | "FEE_PAID_LATE"
  | "FEE_NOT_EXPIRED";

/** An event the engine refuses; `rule` is the RULES.md ID it enforces, `message` is shown to users. */
export class DeadlineError extends Error {
  /** The stable code of the failure. */
  readonly code: DeadlineErrorCode;
  /** The rule ID of RULES.md the event breaks (or "ORDER" for chronology). */
  readonly rule: string;

  /** Makes an error with its code, rule and Chinese message. */
  constructor(code: DeadlineErrorCode, rule: string, message: string) {
    super(message);
    this.name = "DeadlineError";
    this.code = code;
    this.rule = rule;
  }
}
