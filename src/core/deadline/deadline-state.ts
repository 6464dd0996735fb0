/**
 * The running state of the deadline engine and the due date it implies (R-33-1, R-30-2, R-33-2, R-33-5,
 * R-35-1, R-FEE-3), plus the wording shared by the explanation steps.
 */
import { formatDate, parseDate } from "../calendar/calendar-date.ts";
import { CalendarError } from "../calendar/calendar-error.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { DeadlineError } from "./deadline-error.ts";
import type { CaseStatus, ConsultedParty, DeadlineStep } from "./deadline-events.ts";
import { type PauseSpan, pausedWorkdays } from "./pause-intervals.ts";

/** R-33-1: the reply period in working days (条例第三十三条第一款). */
export const REPLY_WORKDAYS = 20;
/** R-32-1 / R-34-1: the answer period of a consultation in working days. */
export const CONSULTATION_WORKDAYS = 15;
/** R-30-1: a supplement notice is due within 7 working days of receipt. */
export const SUPPLEMENT_NOTICE_WORKDAYS = 7;
/** R-33-2: the longest extension in working days. */
export const MAX_EXTENSION_WORKDAYS = 20;
/** R-FEE-3: the fee is paid within 20 working days of receiving the notice. */
export const FEE_PAYMENT_WORKDAYS = 20;

/** A consultation letter and its pause (R-33-5): `cap` is the 15th working day after sending. */
export interface Consultation {
  readonly id: string;
  readonly party: ConsultedParty;
  readonly sent: number;
  readonly cap: number;
  answered: number | null;
}

/** The fee notice (R-FEE-3): `payBy` is the 20th working day after the applicant received it. */
export interface FeeNotice {
  readonly sent: number;
  readonly payBy: number;
  paid: number | null;
}

/** Everything the events established so far (day numbers). */
export interface EngineState {
  readonly calendar: WorkCalendar;
  readonly applyFeeRule: boolean;
  readonly steps: DeadlineStep[];
  receipt: number | null;
  clockStart: number | null;
  clockRule: "R-33-1" | "R-30-2";
  supplement: { requested: number; by: number | null; received: number | null } | null;
  readonly consultations: Map<string, Consultation>;
  extensionDays: number;
  fee: FeeNotice | null;
  delayedTo: number | null;
  status: CaseStatus;
  reportRow: string | null;
  repliedDue: number | null;
  lastDate: number;
  provisional: boolean;
}

/** The due date implied by the state and how it is made up; `due` null when the clock cannot run. */
export interface DueParts {
  readonly due: number | null;
  readonly paused: number;
  readonly provisional: boolean;
}

/** The pause spans in force; open ones end at `asOf` (what is known that day) or, without it, at their cap. */
export function pauseSpans(state: EngineState, asOf: number | null): PauseSpan[] | null {
  const start = state.clockStart as number;
  const spans: PauseSpan[] = [];
  for (const c of state.consultations.values()) {
    const end = c.answered ?? (asOf === null ? c.cap : asOf);
    spans.push({ from: Math.max(c.sent, start), to: Math.min(end, c.cap) });
  }
  if (state.fee && state.applyFeeRule) {
    const end = state.fee.paid ?? asOf;
    if (end === null) return null;
    spans.push({ from: Math.max(state.fee.sent, start), to: end });
  }
  return spans;
}

// R-33-1/R-30-2 + R-33-5 + R-33-2, R-35-1 — 期限 = 起算日后第 (20 + 中止 + 延长) 个工作日；延迟答复日期优先
/** The due date as known on `asOf` (null: with every recorded pause at its final or longest length). */
export function dueOf(state: EngineState, asOf: number | null): DueParts {
  if (state.delayedTo !== null) return { due: state.delayedTo, paused: 0, provisional: false };
  if (state.clockStart === null) return { due: null, paused: 0, provisional: false };
  const spans = pauseSpans(state, asOf);
  if (spans === null) return { due: null, paused: 0, provisional: false };
  const paused = pausedWorkdays(spans, state.calendar);
  const total = REPLY_WORKDAYS + paused.count + state.extensionDays;
  const due = state.calendar.addWorkdaysToDay(state.clockStart, total);
  const provisional = paused.provisional || state.calendar.reachesUnknownYear(state.clockStart, due);
  return { due, paused: paused.count, provisional };
}

/** Joins consecutive day numbers into "A至B" ranges, separated by "、". */
export function dayRanges(days: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && (days[j + 1] as number) === (days[j] as number) + 1) j++;
    const a = formatDate(days[i] as number);
    parts.push(j === i ? a : `${a}至${formatDate(days[j] as number)}`);
    i = j + 1;
  }
  return parts.join("、");
}

// R-WD-1 — 说明期间内的法定节假日（不计）与调休上班日（计入）
/** The holidays and working weekend days after `after` up to `upTo`, as a Chinese clause ("" if none). */
export function specialDaysText(calendar: WorkCalendar, after: number, upTo: number): string {
  const { holidays, workdays } = calendar.specialDays(after, upTo);
  const parts: string[] = [];
  if (holidays.length > 0) parts.push(`${dayRanges(holidays)} 为法定节假日，不计`);
  if (workdays.length > 0) parts.push(`${dayRanges(workdays)} 为调休上班日，计入`);
  return parts.length > 0 ? `；其间 ${parts.join("；")}` : "";
}

/** Appends one explanation step. */
export function addStep(state: EngineState, rule: string, day: number, text: string): void {
  state.steps.push({ rule, date: formatDate(day), text });
}

/** Parses a date of an event to its day number, refusing a malformed one with INVALID_DATE. */
export function eventDate(text: string): number {
  try {
    return parseDate(text);
  } catch (e) {
    if (e instanceof CalendarError) throw new DeadlineError("INVALID_DATE", "ORDER", e.message);
    throw e;
  }
}
