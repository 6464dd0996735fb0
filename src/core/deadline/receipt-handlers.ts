/**
 * Event handlers for receipt, on-the-spot answers, supplements and the reply (R-31-*, R-33-0, R-30-*).
 */
import { formatDate } from "../calendar/calendar-date.ts";
import { DeadlineError } from "./deadline-error.ts";
import { RECEIPT_RULES, type RequestEvent } from "./deadline-events.ts";
import { addStep, dueOf, type EngineState, eventDate, SUPPLEMENT_NOTICE_WORKDAYS } from "./deadline-state.ts";

type EventOf<T extends RequestEvent["type"]> = Extract<RequestEvent, { type: T }>;

// R-31-1…R-31-4 — 条例第三十一条：收到申请之日按提交方式确定
/** R-31-*: records the receipt date and the rule of its channel; the clock starts (R-33-1). */
export function onReceived(state: EngineState, e: EventOf<"received">, day: number): void {
  if (state.receipt !== null) {
    throw new DeadlineError("ALREADY_RECEIVED", "R-31-1", "该申请已登记收到日期，不能重复登记");
  }
  const channel = RECEIPT_RULES[e.channel];
  state.receipt = day;
  state.clockStart = day;
  state.clockRule = "R-33-1";
  const offDay = state.calendar.isWorkdayNumber(day) ? "" : "该日为非工作日，期限仍自次日起算（R-WD-2）。";
  addStep(state, channel.rule, day, `收到申请之日：${e.date}。${channel.text}。${offDay}`);
}

// R-33-0 — 条例第三十三条第一款：能够当场答复的，应当当场予以答复
/** R-33-0: answered on the spot — only on the receipt day, as the first thing that happens. */
export function onAnsweredOnTheSpot(state: EngineState, e: EventOf<"answeredOnTheSpot">, day: number): void {
  if (day !== state.receipt || state.steps.length !== 1) {
    throw new DeadlineError(
      "SPOT_ANSWER_NOT_SAME_DAY",
      "R-33-0",
      `当场答复只能在收到申请的当日（${formatDate(state.receipt as number)}）且未办理其他事项前登记`,
    );
  }
  state.status = "answered";
  state.repliedDue = day;
  addStep(state, "R-33-0", day, `${e.date} 当场答复，收到与答复为同一日（条例第三十三条第一款）。`);
}

// R-30-1 — 条例第三十条：收到申请之日起 7 个工作日内一次性告知补正
/** R-30-1: one supplement notice, within 7 working days of receipt; the clock stops until it arrives. */
export function onSupplementRequested(
  state: EngineState,
  e: EventOf<"supplementRequested">,
  day: number,
): void {
  if (state.supplement !== null) {
    throw new DeadlineError(
      "SUPPLEMENT_TWICE",
      "R-30-1",
      "补正只能一次性告知（条例第三十条）：本申请已发出过补正告知，不能再次要求补正",
    );
  }
  const receipt = state.receipt as number;
  const lastDay = state.calendar.addWorkdaysToDay(receipt, SUPPLEMENT_NOTICE_WORKDAYS);
  if (day > lastDay) {
    throw new DeadlineError(
      "SUPPLEMENT_LATE",
      "R-30-1",
      `补正告知应在收到申请之日起 7 个工作日内（不晚于 ${formatDate(lastDay)}）发出，${e.date} 已逾期（条例第三十条）`,
    );
  }
  const by = e.supplementBy === undefined ? null : eventDate(e.supplementBy);
  if (by !== null && by <= day) {
    throw new DeadlineError(
      "SUPPLEMENT_PERIOD_INVALID",
      "R-30-1",
      `补正期限 ${e.supplementBy} 应晚于补正告知日期 ${e.date}`,
    );
  }
  state.supplement = { requested: day, by, received: null };
  state.clockStart = null;
  state.status = "awaitingSupplement";
  const period = by === null ? "" : `，补正期限至 ${formatDate(by)}`;
  addStep(
    state,
    "R-30-1",
    day,
    `${e.date} 一次性告知申请人补正（收到申请后第 ${state.calendar.countWorkdays(receipt, day)} 个工作日，不晚于 ${formatDate(lastDay)}）${period}；答复期限待收到补正后重新计算（条例第三十条）。`,
  );
}

/** The supplement notice on record, or a SUPPLEMENT_NOT_REQUESTED / SUPPLEMENT_ALREADY_RECEIVED error. */
function openSupplement(state: EngineState): NonNullable<EngineState["supplement"]> {
  const s = state.supplement;
  if (s === null) {
    throw new DeadlineError("SUPPLEMENT_NOT_REQUESTED", "R-30-2", "尚未发出补正告知，不能登记补正情况");
  }
  if (s.received !== null) {
    throw new DeadlineError(
      "SUPPLEMENT_ALREADY_RECEIVED",
      "R-30-2",
      `已于 ${formatDate(s.received)} 收到补正申请，不能重复登记`,
    );
  }
  return s;
}

// R-30-2 — 条例第三十条：答复期限自行政机关收到补正的申请之日起计算
/** R-30-2: the supplement arrived; the 20-working-day clock restarts from that day. */
export function onSupplementReceived(
  state: EngineState,
  e: EventOf<"supplementReceived">,
  day: number,
): void {
  const s = openSupplement(state);
  const late = s.by !== null && day > s.by;
  if (late && !e.lateReason?.trim()) {
    throw new DeadlineError(
      "SUPPLEMENT_RECEIVED_LATE",
      "R-30-3",
      `补正期限已于 ${formatDate(s.by as number)} 届满，逾期补正且无正当理由的视为放弃申请（条例第三十条）；如有正当理由请填写`,
    );
  }
  s.received = day;
  state.clockStart = day;
  state.clockRule = "R-30-2";
  state.status = "open";
  const reason = late ? `（逾期补正，正当理由：${e.lateReason?.trim()}）` : "";
  addStep(
    state,
    "R-30-2",
    day,
    `${e.date} 收到补正后的申请${reason}，答复期限自该日起重新计算（条例第三十条）。`,
  );
}

// R-30-3 — 条例第三十条：无正当理由逾期不补正的，视为申请人放弃申请
/** R-30-3: the supplement period ended without a supplement; the request is closed as 三(六)1. */
export function onSupplementExpired(state: EngineState, e: EventOf<"supplementExpired">, day: number): void {
  const s = openSupplement(state);
  if (s.by === null || day <= s.by) {
    const when = s.by === null ? "补正告知未写明补正期限" : `补正期限至 ${formatDate(s.by)}，尚未届满`;
    throw new DeadlineError("SUPPLEMENT_NOT_EXPIRED", "R-30-3", `不能按逾期未补正结案：${when}`);
  }
  state.status = "closed";
  state.reportRow = "三(六)1";
  addStep(
    state,
    "R-30-3",
    day,
    `${e.date}：补正期限 ${formatDate(s.by)} 届满未补正，视为放弃申请（条例第三十条），结案，计入年报表三第（六）项第 1 行。`,
  );
}

/** Records the reply: the due date is fixed as known that day, and the reply is on time or late. */
export function onReplied(state: EngineState, e: EventOf<"replied">, day: number): void {
  const { due, provisional } = dueOf(state, day);
  state.status = "answered";
  state.repliedDue = due;
  state.provisional = provisional;
  if (due === null) {
    addStep(state, "R-33-1", day, `${e.date} 作出答复（答复时期限尚未起算或正在中止）。`);
    return;
  }
  const late = state.calendar.countWorkdays(due, day);
  const verdict =
    day <= due
      ? `在答复期限 ${formatDate(due)} 内`
      : `超过答复期限 ${formatDate(due)}${late > 0 ? `，逾期 ${late} 个工作日` : ""}`;
  addStep(state, state.clockRule, day, `${e.date} 作出答复，${verdict}。`);
}
