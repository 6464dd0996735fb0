/**
 * The statutory deadline engine: from a request's events, the current reply due date and a step-by-step
 * explanation in Chinese (RULES.md §1–3). Pure: the calendar is passed in, nothing is read from a clock.
 */
import { formatDate, yearOf } from "../calendar/calendar-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { DeadlineError } from "./deadline-error.ts";
import type { DeadlineOptions, DeadlineResult, RequestEvent } from "./deadline-events.ts";
import {
  addStep,
  dueOf,
  type EngineState,
  eventDate,
  REPLY_WORKDAYS,
  specialDaysText,
} from "./deadline-state.ts";
import {
  onConsultationAnswered,
  onConsultationSent,
  onDelayedReply,
  onExtension,
  onFeeExpired,
  onFeeNoticeSent,
  onFeePaid,
} from "./period-handlers.ts";
import {
  onAnsweredOnTheSpot,
  onReceived,
  onReplied,
  onSupplementExpired,
  onSupplementReceived,
  onSupplementRequested,
} from "./receipt-handlers.ts";

type Handler<E> = (state: EngineState, event: E, day: number) => void;

/** The handler of each event type. */
const HANDLERS: { readonly [T in RequestEvent["type"]]: Handler<Extract<RequestEvent, { type: T }>> } = {
  received: onReceived,
  answeredOnTheSpot: onAnsweredOnTheSpot,
  supplementRequested: onSupplementRequested,
  supplementReceived: onSupplementReceived,
  supplementExpired: onSupplementExpired,
  consultationSent: onConsultationSent,
  consultationAnswered: onConsultationAnswered,
  extension: onExtension,
  delayedReply: onDelayedReply,
  feeNoticeSent: onFeeNoticeSent,
  feePaid: onFeePaid,
  feeExpired: onFeeExpired,
  replied: onReplied,
};

/** Checks that the event may happen now (after receipt, in date order, case still open), then applies it. */
function applyEvent(state: EngineState, event: RequestEvent): void {
  const day = eventDate(event.date);
  if (event.type !== "received" && state.receipt === null) {
    throw new DeadlineError("NOT_RECEIVED", "R-31-1", "请先登记收到申请之日，再登记其他事项");
  }
  if (state.steps.length > 0 && day < state.lastDate) {
    throw new DeadlineError(
      "EVENT_OUT_OF_ORDER",
      "ORDER",
      `事项日期 ${event.date} 早于前一事项的日期 ${formatDate(state.lastDate)}：请按发生的先后顺序登记`,
    );
  }
  if (state.status === "answered" || state.status === "closed") {
    const what = state.status === "answered" ? "已答复" : "已结案";
    throw new DeadlineError("CASE_CLOSED", "ORDER", `本申请${what}，不能再登记 ${event.date} 的事项`);
  }
  state.lastDate = day;
  (HANDLERS[event.type] as Handler<RequestEvent>)(state, event, day);
}

/** The closing steps of an open request: how the due date is made up, open pauses, provisional flag. */
function explainDue(state: EngineState, due: number, paused: number): void {
  const start = state.clockStart as number;
  if (state.delayedTo !== null) {
    addStep(state, "R-35-1", due, `答复期限：${formatDate(due)}（延迟答复日期，条例第三十五条）。`);
    return;
  }
  for (const c of state.consultations.values()) {
    if (c.answered === null) {
      addStep(
        state,
        "R-33-5",
        c.cap,
        `征求意见函“${c.id}”尚未收到答复，暂按答复期届满日 ${formatDate(c.cap)} 计算中止期间；收到答复后重新计算。`,
      );
    }
  }
  const origin =
    state.clockRule === "R-30-2"
      ? `自收到补正申请之日（${formatDate(start)}）的次日起重新计算（条例第三十条）`
      : `自收到申请之日（${formatDate(start)}）的次日起计算（R-WD-2，民法典第二百零一条）`;
  const parts = [`${REPLY_WORKDAYS} 个工作日（条例第三十三条第一款）`];
  if (paused > 0) parts.push(`中止 ${paused} 个工作日（R-33-5，重叠部分只计一次）`);
  if (state.extensionDays > 0) parts.push(`延长 ${state.extensionDays} 个工作日（R-33-2）`);
  const total = REPLY_WORKDAYS + paused + state.extensionDays;
  addStep(
    state,
    state.clockRule,
    due,
    `答复期限：${formatDate(due)}。${origin}，${parts.join(" + ")}，即第 ${total} 个工作日${specialDaysText(state.calendar, start, due)}。`,
  );
}

// R-WD-3/R-WD-4 — 涉及未录入年份的期限为临时期限；记录所用工作日历版本
/** The provisional warning (R-WD-3) for the span after `from` up to `to`, if it reaches an unknown year. */
function explainProvisional(state: EngineState, from: number, to: number): void {
  const years: number[] = [];
  for (let y = yearOf(from + 1); y <= yearOf(to); y++)
    if (state.calendar.schedule(y) === undefined) years.push(y);
  addStep(
    state,
    "R-WD-3",
    to,
    `临时期限：期间涉及 ${years.join("、")} 年，该年节假日安排尚未录入，暂按周一至周五计算；录入后将重新计算并记录变动。`,
  );
}

/** Computes the due date and its explanation from a request's events (throws DeadlineError on a bad event). */
export function computeDeadline(
  events: readonly RequestEvent[],
  calendar: WorkCalendar,
  options: DeadlineOptions = {},
): DeadlineResult {
  const state: EngineState = {
    calendar,
    applyFeeRule: options.applyFeeRule ?? true,
    steps: [],
    receipt: null,
    clockStart: null,
    clockRule: "R-33-1",
    supplement: null,
    consultations: new Map(),
    extensionDays: 0,
    fee: null,
    delayedTo: null,
    status: "open",
    reportRow: null,
    repliedDue: null,
    lastDate: 0,
    provisional: false,
  };
  for (const event of events) applyEvent(state, event);
  if (state.receipt === null) throw new DeadlineError("NOT_RECEIVED", "R-31-1", "没有登记收到申请之日");
  let due: number | null = null;
  if (state.status === "answered") {
    due = state.repliedDue;
  } else if (state.status === "open") {
    const parts = dueOf(state, null);
    due = parts.due;
    state.provisional = parts.provisional;
    if (due !== null) explainDue(state, due, parts.paused);
  } else if (state.status === "awaitingSupplement") {
    addStep(
      state,
      "R-30-2",
      state.lastDate,
      "等待申请人补正：答复期限自收到补正申请之日起重新计算，暂无答复期限。",
    );
  } else if (state.status === "awaitingFee") {
    addStep(
      state,
      "R-FEE-3",
      state.lastDate,
      "等待申请人缴纳信息处理费：缴费前答复期限中止计算，暂无答复期限。",
    );
  }
  if (state.provisional && due !== null && state.clockStart !== null) {
    explainProvisional(state, state.clockStart, due);
  }
  addStep(state, "R-WD-4", due ?? state.lastDate, `所用工作日历版本：${calendar.version}。`);
  return {
    due: due === null ? null : formatDate(due),
    provisional: state.provisional,
    calendarVersion: calendar.version,
    status: state.status,
    reportRow: state.reportRow,
    steps: state.steps,
  };
}
