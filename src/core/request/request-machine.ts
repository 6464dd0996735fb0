/**
 * The disclosure request state machine (docs/REQUESTS.md): the one module that changes a case's status. A
 * transition takes the case state, a command and the calendar, and returns the new state with the events to
 * append to the case log — or throws a DomainError with a stable code and a Chinese message. The guards are
 * the rules of RULES.md §2–4; the deadline engine recomputes the due date after every transition.
 */
import { parseDate } from "../calendar/calendar-date.ts";
import { MAX_EXTENSION_WORKDAYS } from "../deadline/deadline-state.ts";
import { requestFee } from "../deadline/processing-fee.ts";
import { DomainError } from "../domain-error.ts";
import { outcomeById } from "./outcomes.ts";
import { allowedActions } from "./request-actions.ts";
import type {
  IntakeCommand,
  MachineContext,
  Permissions,
  RequestAction,
  RequestCommand,
  Transition,
} from "./request-commands.ts";
import { requestError } from "./request-errors.ts";
import {
  type CaseEvent,
  type CaseEventData,
  type CaseEventType,
  needsConfirmation,
  STATUS_NAMES,
} from "./request-events.ts";
import { foldCase, type RequestState } from "./request-state.ts";

/** A trimmed required text, or the error of `code`. */
function required(text: string | undefined, code: Parameters<typeof requestError>[0]): string {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") throw requestError(code);
  return trimmed;
}

/** Checks a date: a real date, not after today, not before the case's latest event. */
function checkDate(state: RequestState | null, date: string, today: string, what = "办理日期"): void {
  try {
    parseDate(date);
  } catch {
    throw requestError("INVALID_DATE", `${what}“${date}”无效：应为 YYYY-MM-DD 格式的实际日期`);
  }
  if (date > today)
    throw requestError("DATE_IN_FUTURE", `${what} ${date} 晚于今天（${today}），不能预先登记`);
  if (state && date < state.lastDate) {
    throw requestError(
      "DATE_OUT_OF_ORDER",
      `${what} ${date} 早于本申请前一事项的日期 ${state.lastDate}：请按发生的先后顺序登记`,
    );
  }
}

/** Refuses an action the case does not allow now, saying why. */
function refuseUnlessAllowed(state: RequestState, action: RequestAction, may: Permissions): void {
  if (state.status === "closed") throw requestError("CASE_CLOSED");
  if (action === "approve_extension" && !may.approveExtension) {
    throw new DomainError("FORBIDDEN", "延期答复须经政府信息公开工作机构负责人批准（条例第三十三条）");
  }
  if (!may.handle) throw new DomainError("FORBIDDEN");
  if (allowedActions(state, may).includes(action)) return;
  if (!state.confirmed) throw requestError("NOT_CONFIRMED");
  if (action === "confirm") throw requestError("CONFIRM_NOT_NEEDED");
  if (action === "request_supplement" && state.supplementRequested) {
    throw new DomainError(
      "SUPPLEMENT_TWICE",
      "补正只能一次性告知（条例第三十条）：本申请已发出过补正告知，不能再次要求补正（R-30-1）",
      422,
    );
  }
  if (action === "propose_extension" || action === "approve_extension") {
    throw requestError(action === "approve_extension" ? "EXTENSION_NOT_PROPOSED" : "EXTENSION_ALREADY");
  }
  throw requestError("ACTION_NOT_ALLOWED", `该申请当前状态为“${STATUS_NAMES[state.status]}”，不能办理此事项`);
}

/** One event of the log. */
function event<T extends CaseEventType>(
  type: T,
  occurredOn: string,
  data: CaseEventData[T],
  ctx: MachineContext,
): CaseEvent {
  return { type, occurredOn, at: ctx.at, actorUserId: ctx.actor.userId, data } as CaseEvent;
}

/** Validates a closing decision (O-1 … O-6.3 with its required fields) and makes its event. */
function closeEvent(
  state: RequestState,
  c: Extract<RequestCommand, { action: "close" }>,
  ctx: MachineContext,
) {
  const outcome = outcomeById(c.outcome);
  if (!outcome) throw requestError("OUTCOME_UNKNOWN", `办理结果“${c.outcome}”不是 O-1 至 O-6.3 之一`);
  if (outcome.id === "O-6.1" || outcome.id === "O-6.2") {
    const via = outcome.id === "O-6.1" ? "“逾期未补正”（R-30-3）" : "“逾期未缴费”（R-FEE-3）";
    throw requestError("OUTCOME_NOT_BY_CLOSE", `“${outcome.name}”须通过${via}事项登记`);
  }
  // R-30-4: "still unclear after supplement" (三(四)3) presupposes a received supplement.
  if (outcome.id === "O-4.3" && !state.supplementReceived) throw requestError("OUTCOME_NEEDS_SUPPLEMENT");
  const reason = c.reason.trim();
  if (outcome.id !== "O-1" && reason === "") {
    throw requestError(
      "OUTCOME_REASON_REQUIRED",
      `“${outcome.name}”的答复须写明理由和依据（${outcome.basis}）`,
    );
  }
  const responsible = c.responsibleAgency?.trim() ?? "";
  if (responsible !== "" && outcome.id !== "O-4.1") throw requestError("RESPONSIBLE_AGENCY_NOT_ALLOWED");
  return event(
    "closed",
    c.date,
    { outcome: outcome.id, reason, ...(responsible ? { responsibleAgency: responsible } : {}) },
    ctx,
  );
}

/** The event(s) a command adds, after its own field checks. */
function eventsOf(state: RequestState, c: RequestCommand, ctx: MachineContext): CaseEvent[] {
  switch (c.action) {
    case "confirm":
      return [event("confirmed", c.date, { confirmedByName: ctx.actor.name }, ctx)];
    case "assign":
      return [
        event(
          "assigned",
          ctx.today,
          { caseOfficerId: c.caseOfficerId, caseOfficerName: c.caseOfficerName },
          ctx,
        ),
      ];
    case "request_supplement": {
      if (c.items.trim() === "") throw requestError("SUPPLEMENT_INCOMPLETE");
      checkDate(null, c.supplementBy, "9999-12-31", "补正期限");
      return [
        event("supplement_requested", c.date, { supplementBy: c.supplementBy, items: c.items.trim() }, ctx),
      ];
    }
    case "receive_supplement": {
      const lateReason = c.lateReason?.trim();
      return [event("supplement_received", c.date, lateReason ? { lateReason } : {}, ctx)];
    }
    case "supplement_expired":
      return [event("supplement_expired", c.date, {}, ctx)];
    case "consult": {
      const consultee = required(c.consultee, "CONSULTEE_REQUIRED");
      const consultationId = `C${state.consultations.length + 1}`;
      return [event("consultation_sent", c.date, { consultationId, party: c.party, consultee }, ctx)];
    }
    case "consultation_answered": {
      const open = state.consultations.find((x) => x.id === c.consultationId && !x.answered);
      if (!open) {
        throw requestError("ACTION_NOT_ALLOWED", `没有待答复的征求意见函“${c.consultationId}”`);
      }
      return [event("consultation_answered", c.date, { consultationId: c.consultationId }, ctx)];
    }
    case "propose_extension": {
      // R-33-2 — 延长答复期限最长不超过 20 个工作日
      if (!Number.isInteger(c.workdays) || c.workdays < 1 || c.workdays > MAX_EXTENSION_WORKDAYS) {
        throw new DomainError(
          "EXTENSION_TOO_LONG",
          "延长的期限应为 1 至 20 个工作日（条例第三十三条，R-33-2）",
          422,
        );
      }
      const reason = required(c.reason, "EXTENSION_REASON_REQUIRED");
      return [
        event(
          "extension_proposed",
          ctx.today,
          { workdays: c.workdays, reason, proposedByName: ctx.actor.name },
          ctx,
        ),
      ];
    }
    case "approve_extension": {
      const pending = state.pendingExtension;
      if (!pending) throw requestError("EXTENSION_NOT_PROPOSED");
      checkDate(null, c.notifiedOn, ctx.today, "告知申请人的日期");
      const data = {
        workdays: pending.workdays,
        reason: pending.reason,
        approvedByName: ctx.actor.name,
        notifiedOn: c.notifiedOn,
      };
      return [event("extension_approved", c.approvedOn, data, ctx)];
    }
    case "delay": {
      const reason = required(c.reason, "DELAY_REASON_REQUIRED");
      checkDate(null, c.replyBy, "9999-12-31", "延迟答复日期");
      return [event("delayed", c.date, { replyBy: c.replyBy, reason }, ctx)];
    }
    case "notify_fee": {
      const itemsBefore = c.method === "per_item" ? (c.itemsBefore ?? 0) : 0;
      const basis =
        c.method === "per_item"
          ? { method: "item" as const, itemsBefore, items: c.quantity }
          : { method: "volume" as const, pages: c.quantity };
      const fee = requestFee(basis);
      if (fee.yuan === 0) throw requestError("FEE_NOT_DUE");
      const data = {
        method: c.method,
        quantity: c.quantity,
        itemsBefore,
        amountYuan: fee.yuan,
        rule: fee.rule,
      };
      return [event("fee_notified", c.date, data, ctx)];
    }
    case "fee_paid":
      return [event("fee_paid", c.date, {}, ctx)];
    case "fee_expired":
      return [event("fee_expired", c.date, {}, ctx)];
    case "close":
      return [closeEvent(state, c, ctx)];
    case "withdraw":
      return [event("withdrawn", c.date, { reason: required(c.reason, "WITHDRAW_REASON_REQUIRED") }, ctx)];
  }
}

/** The date a command says it happened on (undated actions happen today). */
function dateOf(c: RequestCommand, today: string): string {
  if (c.action === "assign" || c.action === "propose_extension") return today;
  if (c.action === "approve_extension") return c.approvedOn;
  return c.date;
}

/** Applies a command to a case: guards, new events, and the state they lead to (deadline recomputed). */
export function decide(state: RequestState, command: RequestCommand, ctx: MachineContext): Transition {
  refuseUnlessAllowed(state, command.action, ctx.may);
  checkDate(state, dateOf(command, ctx.today), ctx.today);
  const added = eventsOf(state, command, ctx);
  const next = foldCase([...state.events, ...added], ctx.calendar);
  return { state: next, events: added };
}

/** Opens a case at intake: received (R-31-*), and for R-33-0 answered on the spot the same day. */
export function openCase(command: IntakeCommand, ctx: MachineContext): Transition {
  checkDate(
    null,
    command.receivedOn,
    ctx.today,
    needsConfirmation(command.channel) ? "提交日期" : "收到申请之日",
  );
  const added: CaseEvent[] = [event("received", command.receivedOn, { channel: command.channel }, ctx)];
  if (command.onTheSpot) {
    // R-33-0 — 条例第三十三条第一款：能够当场答复的，应当当场予以答复
    if (command.channel !== "in_person") throw requestError("SPOT_ANSWER_CHANNEL");
    const outcome = outcomeById(command.onTheSpot.outcome);
    if (!outcome)
      throw requestError("OUTCOME_UNKNOWN", `办理结果“${command.onTheSpot.outcome}”不是 O-1 至 O-6.3 之一`);
    if (outcome.id.startsWith("O-6") || outcome.id === "O-4.3") {
      throw requestError("OUTCOME_NOT_BY_CLOSE", `“${outcome.name}”不能当场答复`);
    }
    added.push(event("answered_on_the_spot", command.receivedOn, { outcome: outcome.id }, ctx));
  }
  return { state: foldCase(added, ctx.calendar), events: added };
}

/** Appends an R-WD-4 recomputation event when a new calendar moves the due date; null when nothing moved. */
export function recomputeDeadline(state: RequestState, ctx: MachineContext): Transition | null {
  if (state.status === "closed") return null;
  const fresh = foldCase(state.events, ctx.calendar);
  const before = state.deadline;
  const after = fresh.deadline;
  if (before.due === after.due && before.provisional === after.provisional) return null;
  const data = {
    fromDue: before.due,
    toDue: after.due,
    fromProvisional: before.provisional,
    toProvisional: after.provisional,
    calendarVersion: after.calendarVersion,
  };
  const added = [event("deadline_recomputed", ctx.today, data, ctx)];
  return { state: foldCase([...state.events, ...added], ctx.calendar), events: added };
}

export { allowedActions } from "./request-actions.ts";
export type {
  IntakeCommand,
  MachineContext,
  Permissions,
  RequestAction,
  RequestCommand,
  Transition,
} from "./request-commands.ts";
export { REQUEST_ACTIONS } from "./request-commands.ts";
export type { RequestState } from "./request-state.ts";
