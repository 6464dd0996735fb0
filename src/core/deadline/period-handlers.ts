/**
 * Event handlers that move a running deadline: consultations (R-32-1, R-34-1, R-33-4/5), the processing
 * fee (R-FEE-3), the extension (R-33-2/3) and the delayed reply (R-35-1).
 */
import { formatDate } from "../calendar/calendar-date.ts";
import { DeadlineError } from "./deadline-error.ts";
import type { RequestEvent } from "./deadline-events.ts";
import {
  addStep,
  CONSULTATION_WORKDAYS,
  dueOf,
  type EngineState,
  eventDate,
  FEE_PAYMENT_WORKDAYS,
  MAX_EXTENSION_WORKDAYS,
} from "./deadline-state.ts";

type EventOf<T extends RequestEvent["type"]> = Extract<RequestEvent, { type: T }>;

const PARTY = {
  "third-party": { rule: "R-32-1", text: "第三方", article: "条例第三十二条" },
  agency: { rule: "R-34-1", text: "其他行政机关", article: "条例第三十四条" },
} as const;

/** The due date as known on `day`; refuses while the clock waits for a supplement (R-30-2). */
function runningDue(state: EngineState, day: number, rule: string): number {
  const due = state.clockStart === null ? null : dueOf(state, day).due;
  if (due === null) {
    throw new DeadlineError(
      "SUPPLEMENT_PENDING",
      rule,
      "正在等待申请人补正，答复期限尚未重新起算，不能办理此事项（条例第三十条）",
    );
  }
  return due;
}

/** A pause can only begin on or before the due date: after it the period has already run out. */
function requireBeforeDue(state: EngineState, day: number, rule: string, what: string): void {
  const due = runningDue(state, day, rule);
  if (day > due) {
    throw new DeadlineError(
      "PAUSE_AFTER_DUE",
      rule,
      `答复期限已于 ${formatDate(due)} 届满，${formatDate(day)} 的${what}不能中止计算期限`,
    );
  }
}

// R-33-4/R-33-5 — 条例第三十三条第二款：征求第三方和其他机关意见所需时间不计算在期限内
/** R-32-1 / R-34-1: a consultation letter was sent; the clock pauses until the answer or 15 working days. */
export function onConsultationSent(state: EngineState, e: EventOf<"consultationSent">, day: number): void {
  const party = PARTY[e.party];
  if (state.consultations.has(e.id)) {
    throw new DeadlineError("CONSULTATION_DUPLICATE", party.rule, `征求意见函“${e.id}”已登记，不能重复登记`);
  }
  requireBeforeDue(state, day, party.rule, "征求意见");
  const cap = state.calendar.addWorkdaysToDay(day, CONSULTATION_WORKDAYS);
  state.consultations.set(e.id, { id: e.id, party: e.party, sent: day, cap, answered: null });
  addStep(
    state,
    party.rule,
    day,
    `${e.date} 向${party.text}发出征求意见函“${e.id}”（${party.article}），答复期为 15 个工作日，至 ${formatDate(cap)}；自次日起至收到答复之日（最迟 ${formatDate(cap)}）不计入答复期限（R-33-4、R-33-5，条例第三十三条第二款）。`,
  );
}

/** R-33-5: the consultation was answered; the pause ends that day, or at the 15th working day if later. */
export function onConsultationAnswered(
  state: EngineState,
  e: EventOf<"consultationAnswered">,
  day: number,
): void {
  const c = state.consultations.get(e.id);
  if (!c) {
    throw new DeadlineError(
      "CONSULTATION_UNKNOWN",
      "R-33-5",
      `没有登记过征求意见函“${e.id}”，不能登记其答复`,
    );
  }
  if (c.answered !== null) {
    throw new DeadlineError(
      "CONSULTATION_ANSWERED_TWICE",
      "R-33-5",
      `征求意见函“${e.id}”的答复已于 ${formatDate(c.answered)} 登记`,
    );
  }
  c.answered = day;
  const party = PARTY[c.party];
  const end = Math.min(day, c.cap);
  const count = state.calendar.countWorkdays(c.sent, end);
  const late =
    day > c.cap
      ? `答复晚于答复期届满日 ${formatDate(c.cap)}，中止计算至该日为止${c.party === "agency" ? "（逾期未答复视为同意，条例第三十四条）" : "（逾期未提出意见的，由行政机关依法决定，条例第三十二条）"}；`
      : "";
  addStep(
    state,
    "R-33-5",
    day,
    `${e.date} 收到${party.text}对征求意见函“${e.id}”的答复；${late}${formatDate(c.sent)} 次日至 ${formatDate(end)} 共 ${count} 个工作日不计入答复期限（与其他中止期间重叠的部分只计一次）。`,
  );
}

/** The fee rule must be switched on (R-FEE-3 is tagged [M], unconfirmed). */
function requireFeeRule(state: EngineState): void {
  if (!state.applyFeeRule) {
    throw new DeadlineError(
      "FEE_RULE_DISABLED",
      "R-FEE-3",
      "收费通知中止计算和逾期未缴视为放弃申请的规则（R-FEE-3，待核实）未启用",
    );
  }
}

// R-FEE-3 [M] — 国办函〔2020〕109号：收费通知至缴费期间不计入答复期限；20 个工作日内未缴视为放弃
/** R-FEE-3: a fee notice was sent; the clock pauses until payment, due within 20 working days of receipt. */
export function onFeeNoticeSent(state: EngineState, e: EventOf<"feeNoticeSent">, day: number): void {
  requireFeeRule(state);
  if (state.fee !== null) {
    throw new DeadlineError("FEE_NOTICE_TWICE", "R-FEE-3", "本申请已发出收费通知，不能重复发出");
  }
  requireBeforeDue(state, day, "R-FEE-3", "收费通知");
  const receivedOn = e.receivedOn === undefined ? day : eventDate(e.receivedOn);
  if (receivedOn < day) {
    throw new DeadlineError("EVENT_OUT_OF_ORDER", "R-FEE-3", "申请人收到收费通知的日期不能早于发出日期");
  }
  const payBy = state.calendar.addWorkdaysToDay(receivedOn, FEE_PAYMENT_WORKDAYS);
  state.fee = { sent: day, payBy, paid: null };
  state.status = "awaitingFee";
  addStep(
    state,
    "R-FEE-3",
    day,
    `${e.date} 发出收费通知，申请人 ${formatDate(receivedOn)} 收到，应于 ${formatDate(payBy)} 前缴费（20 个工作日），逾期未缴视为放弃申请；自通知次日至缴费之日不计入答复期限（国办函〔2020〕109号；本规则待核实，可在设置中关闭）。`,
  );
}

/** R-FEE-3: the fee was paid in time; the pause ends that day. */
export function onFeePaid(state: EngineState, e: EventOf<"feePaid">, day: number): void {
  requireFeeRule(state);
  const fee = state.fee;
  if (fee === null) throw new DeadlineError("FEE_NOT_NOTICED", "R-FEE-3", "尚未发出收费通知，不能登记缴费");
  if (fee.paid !== null) {
    throw new DeadlineError("FEE_ALREADY_PAID", "R-FEE-3", `已于 ${formatDate(fee.paid)} 登记缴费`);
  }
  if (day > fee.payBy) {
    throw new DeadlineError(
      "FEE_PAID_LATE",
      "R-FEE-3",
      `缴费期限已于 ${formatDate(fee.payBy)} 届满，逾期未缴费的视为放弃申请，不能再登记缴费`,
    );
  }
  fee.paid = day;
  state.status = "open";
  const count = state.calendar.countWorkdays(fee.sent, day);
  addStep(
    state,
    "R-FEE-3",
    day,
    `${e.date} 申请人缴费；${formatDate(fee.sent)} 次日至 ${e.date} 共 ${count} 个工作日不计入答复期限。`,
  );
}

/** R-FEE-3: the fee was not paid within 20 working days; the request is closed as 三(六)2. */
export function onFeeExpired(state: EngineState, e: EventOf<"feeExpired">, day: number): void {
  requireFeeRule(state);
  const fee = state.fee;
  if (fee === null || fee.paid !== null) {
    throw new DeadlineError("FEE_NOT_NOTICED", "R-FEE-3", "没有待缴的信息处理费，不能按逾期未缴结案");
  }
  if (day <= fee.payBy) {
    throw new DeadlineError(
      "FEE_NOT_EXPIRED",
      "R-FEE-3",
      `缴费期限至 ${formatDate(fee.payBy)}，尚未届满，不能按逾期未缴结案`,
    );
  }
  state.status = "closed";
  state.reportRow = "三(六)2";
  addStep(
    state,
    "R-FEE-3",
    day,
    `${e.date}：缴费期限 ${formatDate(fee.payBy)} 届满未缴费，视为放弃申请，结案，计入年报表三第（六）项第 2 行。`,
  );
}

// R-33-2/R-33-3 — 条例第三十三条第一款：延长须经工作机构负责人同意并告知申请人，最长 20 个工作日
/** R-33-2/R-33-3: one extension of at most 20 working days, approved and notified by the unextended due date. */
export function onExtension(state: EngineState, e: EventOf<"extension">, day: number): void {
  if (state.extensionDays > 0) {
    throw new DeadlineError(
      "EXTENSION_TWICE",
      "R-33-2",
      "答复期限只能延长一次（条例第三十三条），本申请已延长过",
    );
  }
  if (state.delayedTo !== null) {
    throw new DeadlineError(
      "DELAYED_REPLY_SET",
      "R-35-1",
      "已按条例第三十五条确定延迟答复日期，不能再延长答复期限",
    );
  }
  if (!Number.isInteger(e.workdays) || e.workdays < 1 || e.workdays > MAX_EXTENSION_WORKDAYS) {
    throw new DeadlineError(
      "EXTENSION_TOO_LONG",
      "R-33-2",
      "延长的期限应为 1 至 20 个工作日（条例第三十三条）",
    );
  }
  if (!e.approvedBy.trim() || !e.reason.trim()) {
    throw new DeadlineError(
      "EXTENSION_INCOMPLETE",
      "R-33-2",
      "延期答复须登记批准的政府信息公开工作机构负责人和延期理由",
    );
  }
  const notified = eventDate(e.notifiedOn);
  if (notified < day) {
    throw new DeadlineError("EVENT_OUT_OF_ORDER", "R-33-2", "告知申请人的日期不能早于批准日期");
  }
  const due = runningDue(state, day, "R-33-3");
  if (day > due || notified > due) {
    throw new DeadlineError(
      "EXTENSION_LATE",
      "R-33-3",
      `延期须在原答复期限 ${formatDate(due)} 届满前（含当日）批准并告知申请人；批准 ${e.date}、告知 ${e.notifiedOn}，系统不予延期`,
    );
  }
  state.extensionDays = e.workdays;
  addStep(
    state,
    "R-33-2",
    day,
    `${e.date} 经政府信息公开工作机构负责人 ${e.approvedBy.trim()} 批准延长答复期限 ${e.workdays} 个工作日，${e.notifiedOn} 告知申请人，理由：${e.reason.trim()}；批准和告知均不晚于原答复期限 ${formatDate(due)}（R-33-3，条例第三十三条第一款）。`,
  );
}

// R-35-1 — 条例第三十五条：申请理由合理但无法在规定期限内答复的，可确定延迟答复的合理期限
/** R-35-1: the agency set a later reply date (延迟答复); that date becomes the due date. */
export function onDelayedReply(state: EngineState, e: EventOf<"delayedReply">, day: number): void {
  const due = runningDue(state, day, "R-35-1");
  const replyBy = eventDate(e.replyBy);
  if (day > due) {
    throw new DeadlineError(
      "DELAYED_REPLY_LATE",
      "R-35-1",
      `延迟答复须在答复期限 ${formatDate(due)} 届满前确定并告知申请人，${e.date} 已逾期`,
    );
  }
  if (replyBy <= due) {
    throw new DeadlineError(
      "DELAYED_REPLY_NOT_LATER",
      "R-35-1",
      `延迟答复日期 ${e.replyBy} 应晚于现行答复期限 ${formatDate(due)}`,
    );
  }
  state.delayedTo = replyBy;
  addStep(
    state,
    "R-35-1",
    day,
    `${e.date} 因申请数量、频次明显超过合理范围且理由合理，确定延迟答复并告知申请人，答复期限改为 ${e.replyBy}（条例第三十五条）；此后的中止不再顺延该日期。`,
  );
}
