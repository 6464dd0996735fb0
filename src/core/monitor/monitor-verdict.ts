/**
 * The verdict every monitor gives (rules.md §6): its rule ID, a level — ok, an early warning before the
 * threshold, or a breach of it (单项否决) — the measured value against the threshold, the records behind it,
 * and a Chinese explanation.
 */

/** Every level of a verdict: ok, an early warning, a breach. */
export const MONITOR_LEVELS = ["ok", "warning", "breach"] as const;

/** How a monitor stands on a day. */
export type MonitorLevel = (typeof MONITOR_LEVELS)[number];

/** The kinds of record behind a rule's items ("contactField": labels of the agency profile's fields). */
export const MONITOR_RECORD_KINDS = [
  "publication",
  "column",
  "message",
  "channel",
  "decision",
  "contactField",
] as const;

/** The kind of record behind a rule's items. */
export type MonitorRecordKind = (typeof MONITOR_RECORD_KINDS)[number];

/** One monitor's verdict. */
export interface MonitorVerdict {
  readonly rule: string;
  readonly name: string;
  readonly level: MonitorLevel;
  /** What was measured (days, a count of columns, accounts or records). */
  readonly value: number;
  /** The threshold of a breach, in the same unit. */
  readonly threshold: number;
  /** The records behind the verdict (item, column, account, decision or message ids). */
  readonly items: readonly (number | string)[];
  readonly text: string;
}

/** The level of a measure against a breach threshold and the early-warning point before it. */
export function levelOf(value: number, warnAt: number, breachAt: number): MonitorLevel {
  if (value >= breachAt) return "breach";
  if (value >= warnAt) return "warning";
  return "ok";
}
