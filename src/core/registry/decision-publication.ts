/**
 * When a decision must be published and how long a penalty stays on show: S-1 (双公示, 7 working days after
 * the decision) and S-2 [M] (penalty display periods, behind a setting while unconfirmed).
 */
import { addMonths } from "../calendar/calendar-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import type { DecisionKind } from "./decision-kinds.ts";

/** S-1: working days after the decision within which a licensing or penalty decision is published. */
export const S1_WORKDAYS = 7;

/** S-1: working days before the limit from which an unpublished decision is flagged as due soon. */
export const S1_WARNING_WORKDAYS = 2;

/** The S-1 state of a decision on a day. */
export type S1Status = "notApplicable" | "onTime" | "late" | "pending" | "dueSoon" | "overdue";

/** Every S-1 status. */
export const S1_STATUSES = [
  "notApplicable",
  "onTime",
  "late",
  "pending",
  "dueSoon",
  "overdue",
] as const satisfies readonly S1Status[];

/** Chinese names of the S-1 states. */
export const S1_STATUS_NAMES: Readonly<Record<S1Status, string>> = {
  notApplicable: "不适用",
  onTime: "按时公示",
  late: "逾期公示",
  pending: "待公示",
  dueSoon: "即将逾期",
  overdue: "逾期未公示",
};

/** The S-1 verdict on one decision. */
export interface S1Verdict {
  readonly status: S1Status;
  /** The last day to publish, or null when S-1 does not apply. */
  readonly dueOn: string | null;
  /** True when the limit reaches a year whose working-day schedule is unknown (R-WD-3). */
  readonly provisional: boolean;
}

/**
 * S-1 (国发〔2016〕33号 双公示): licensing and penalty decisions are published within 7 working days of the
 * decision. Published after the limit is `late`; unpublished after it `overdue`; unpublished with at most 2
 * working days left `dueSoon` (the early warning); other kinds `notApplicable`.
 */
export function s1Verdict(
  decision: { readonly kind: DecisionKind; readonly decidedOn: string; readonly publishedOn: string | null },
  today: string,
  calendar: WorkCalendar,
): S1Verdict {
  if (decision.kind !== "licensing" && decision.kind !== "penalty") {
    return { status: "notApplicable", dueOn: null, provisional: false };
  }
  const due = calendar.addWorkdays(decision.decidedOn, S1_WORKDAYS);
  const base = { dueOn: due.date, provisional: due.provisional };
  if (decision.publishedOn !== null)
    return { ...base, status: decision.publishedOn <= due.date ? "onTime" : "late" };
  if (today > due.date) return { ...base, status: "overdue" };
  const left = calendar.workdaysBetween(today, due.date).count;
  return { ...base, status: left <= S1_WARNING_WORKDAYS ? "dueSoon" : "pending" };
}

/** S-2 [M]: the least and most months a penalty is shown, ordinary and serious (严重失信). */
export const S2_DISPLAY_MONTHS = {
  ordinary: { min: 3, max: 12 },
  serious: { min: 6, max: 36 },
} as const;

/** The display window of a published penalty under S-2: not taken down before `minUntil`, taken down on `maxUntil`. */
export interface DisplayWindow {
  readonly minUntil: string;
  readonly maxUntil: string;
}

/**
 * S-2 [M] (发改办财金〔2019〕527号, figures unconfirmed): an ordinary penalty is shown ≥ 3 months and ≤ 1 year
 * from publication, a serious one ≥ 6 months and ≤ 3 years; then taken down. Null for other kinds or when
 * not published.
 */
export function s2Window(decision: {
  readonly kind: DecisionKind;
  readonly publishedOn: string | null;
  readonly serious: boolean;
}): DisplayWindow | null {
  if (decision.kind !== "penalty" || decision.publishedOn === null) return null;
  const months = decision.serious ? S2_DISPLAY_MONTHS.serious : S2_DISPLAY_MONTHS.ordinary;
  return {
    minUntil: addMonths(decision.publishedOn, months.min),
    maxUntil: addMonths(decision.publishedOn, months.max),
  };
}

/**
 * Whether a decision is on public show on `today`: published on or before today, and — when the S-2 setting
 * is on — a penalty only up to the end of its maximum display period (the day it reaches is the last shown).
 */
export function isOnShow(
  decision: { readonly kind: DecisionKind; readonly publishedOn: string | null; readonly serious: boolean },
  today: string,
  s2Enabled: boolean,
): boolean {
  if (decision.publishedOn === null || decision.publishedOn > today) return false;
  if (!s2Enabled) return true;
  const window = s2Window(decision);
  return window === null || today < window.maxUntil;
}

/** One calendar day after or before a date. */
function shiftDay(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * S-2 [M] as a query bound: the latest publication day of a penalty with `months` of maximum display that is
 * already taken down on `today` (shown exactly when published after it). Exact with month-end clamping.
 */
export function s2TakenDownUpTo(today: string, months: number): string {
  let cutoff = addMonths(today, -months);
  while (addMonths(cutoff, months) > today) cutoff = shiftDay(cutoff, -1);
  while (addMonths(shiftDay(cutoff, 1), months) <= today) cutoff = shiftDay(cutoff, 1);
  return cutoff;
}
