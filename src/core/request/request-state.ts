/**
 * The state of a case, folded from its case log, and its deadline computed by the deadline engine from the
 * same log after every event (R-WD-4: due date, provisional flag and calendar version come from the engine).
 */
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { computeDeadline } from "../deadline/deadline-engine.ts";
import { DeadlineError } from "../deadline/deadline-error.ts";
import type { DeadlineResult, ReceiptChannel, RequestEvent } from "../deadline/deadline-events.ts";
import { DomainError } from "../domain-error.ts";
import { requestError } from "./request-errors.ts";
import {
  type CaseEvent,
  type Channel,
  type FeeMethod,
  needsConfirmation,
  type RequestStatus,
} from "./request-events.ts";

/** The engine's name of each channel. */
const ENGINE_CHANNEL: Readonly<Record<Channel, ReceiptChannel>> = {
  in_person: "in-person",
  post_registered: "registered-post",
  post_ordinary: "ordinary-letter",
  online: "online",
  fax: "fax",
};

/** Event types without a date of their own. */
const UNDATED: ReadonlySet<string> = new Set(["assigned", "extension_proposed", "deadline_recomputed"]);

/** A processing fee notice and its payment (R-FEE-1/2/3). */
export interface FeeState {
  readonly method: FeeMethod;
  readonly quantity: number;
  readonly amountYuan: number;
  readonly noticeOn: string;
  readonly paidOn: string | null;
}

/** An extension proposed by a case officer, waiting for the office head (R-33-2). */
export interface PendingExtension {
  readonly workdays: number;
  readonly reason: string;
  readonly proposedByName: string;
  readonly proposedAt: string;
}

/** Everything the machine knows about a case. */
export interface RequestState {
  readonly channel: Channel;
  /** The receipt date: the registration date, or for online/fax the confirmation date once confirmed. */
  readonly receivedOn: string;
  readonly confirmed: boolean;
  readonly status: RequestStatus;
  readonly extended: boolean;
  readonly outcome: string | null;
  readonly closedOn: string | null;
  readonly caseOfficerId: number | null;
  readonly supplementRequested: boolean;
  readonly supplementReceived: boolean;
  readonly delayed: boolean;
  readonly consultations: readonly { readonly id: string; readonly answered: boolean }[];
  readonly fee: FeeState | null;
  readonly pendingExtension: PendingExtension | null;
  /** The date of the latest dated event (new events may not be earlier). */
  readonly lastDate: string;
  readonly deadline: DeadlineResult;
  readonly events: readonly CaseEvent[];
}

/** The engine events of a case log (events that do not move the deadline are left out). */
export function engineEvents(events: readonly CaseEvent[]): RequestEvent[] {
  const out: RequestEvent[] = [];
  const first = events[0];
  if (first?.type !== "received") return out;
  const confirmation = events.find((e) => e.type === "confirmed");
  const receivedOn = confirmation?.occurredOn ?? first.occurredOn;
  out.push({ type: "received", date: receivedOn, channel: ENGINE_CHANNEL[first.data.channel] });
  for (const e of events) {
    const date = e.occurredOn;
    switch (e.type) {
      case "answered_on_the_spot":
        out.push({ type: "answeredOnTheSpot", date });
        break;
      case "supplement_requested":
        out.push({ type: "supplementRequested", date, supplementBy: e.data.supplementBy });
        break;
      case "supplement_received":
        out.push({
          type: "supplementReceived",
          date,
          ...(e.data.lateReason ? { lateReason: e.data.lateReason } : {}),
        });
        break;
      case "supplement_expired":
        out.push({ type: "supplementExpired", date });
        break;
      case "consultation_sent":
        out.push({ type: "consultationSent", date, id: e.data.consultationId, party: e.data.party });
        break;
      case "consultation_answered":
        out.push({ type: "consultationAnswered", date, id: e.data.consultationId });
        break;
      case "extension_approved":
        out.push({
          type: "extension",
          date,
          workdays: e.data.workdays,
          approvedBy: e.data.approvedByName,
          notifiedOn: e.data.notifiedOn,
          reason: e.data.reason,
        });
        break;
      case "delayed":
        out.push({ type: "delayedReply", date, replyBy: e.data.replyBy });
        break;
      case "fee_notified":
        out.push({ type: "feeNoticeSent", date });
        break;
      case "fee_paid":
        out.push({ type: "feePaid", date });
        break;
      case "fee_expired":
        out.push({ type: "feeExpired", date });
        break;
      case "closed":
      case "withdrawn":
        out.push({ type: "replied", date });
        break;
      default:
        break;
    }
  }
  return out;
}

/** The deadline of a case log; a refusal of the engine becomes a 422 with the engine's code and message. */
export function deadlineOf(events: readonly CaseEvent[], calendar: WorkCalendar): DeadlineResult {
  try {
    const result = computeDeadline(engineEvents(events), calendar);
    const first = events[0];
    if (first?.type === "received" && needsConfirmation(first.data.channel)) {
      if (!events.some((e) => e.type === "confirmed")) {
        // R-31-4: until both sides confirm, the period is shown as counted from the submission date.
        const step = {
          rule: "R-31-4",
          date: first.occurredOn,
          text: `${first.occurredOn} 提交，尚待公开工作机构与申请人确认；确认之日为收到申请之日，期限届时重新计算，现暂按提交日计算。`,
        };
        return { ...result, steps: [step, ...result.steps] };
      }
    }
    return result;
  } catch (e) {
    if (e instanceof DeadlineError) {
      // The engine's refusal keeps its stable code (e.g. SUPPLEMENT_TWICE) and names the rule it enforces.
      throw new DomainError(e.code, `${e.message}（${e.rule}）`, 422);
    }
    throw e;
  }
}

/** The outcome a closing event records. */
function outcomeOf(e: CaseEvent): string | null {
  if (e.type === "closed" || e.type === "answered_on_the_spot") return e.data.outcome;
  if (e.type === "withdrawn") return "O-6.3";
  if (e.type === "supplement_expired") return "O-6.1";
  if (e.type === "fee_expired") return "O-6.2";
  return null;
}

/** Folds a case log into the case state (the first event must be `received`). */
export function foldCase(events: readonly CaseEvent[], calendar: WorkCalendar): RequestState {
  const first = events[0];
  if (first?.type !== "received") throw requestError("ACTION_NOT_ALLOWED", "申请记录缺少收到申请事项");
  let receivedOn = first.occurredOn;
  let confirmed = !needsConfirmation(first.data.channel);
  let extended = false;
  let outcome: string | null = null;
  let closedOn: string | null = null;
  let caseOfficerId: number | null = null;
  let supplementRequested = false;
  let supplementReceived = false;
  let delayed = false;
  let progressed = false;
  const consultations: { id: string; answered: boolean }[] = [];
  let fee: FeeState | null = null;
  let pendingExtension: PendingExtension | null = null;
  let lastDate = first.occurredOn;
  for (const e of events) {
    // Undated actions (assignment, extension proposal, recomputation) are recorded on the day they are made
    // and do not constrain the dates of the procedure's steps, which may be entered afterwards.
    if (!UNDATED.has(e.type) && e.occurredOn > lastDate) lastDate = e.occurredOn;
    const closing = outcomeOf(e);
    if (closing !== null) {
      outcome = closing;
      closedOn = e.occurredOn;
    }
    if (e.type !== "received" && e.type !== "assigned" && e.type !== "deadline_recomputed") progressed = true;
    switch (e.type) {
      case "confirmed":
        confirmed = true;
        receivedOn = e.occurredOn;
        break;
      case "assigned":
        caseOfficerId = e.data.caseOfficerId;
        break;
      case "supplement_requested":
        supplementRequested = true;
        break;
      case "supplement_received":
        supplementReceived = true;
        break;
      case "consultation_sent":
        consultations.push({ id: e.data.consultationId, answered: false });
        break;
      case "consultation_answered": {
        const c = consultations.find((x) => x.id === e.data.consultationId);
        if (c) c.answered = true;
        break;
      }
      case "extension_proposed":
        pendingExtension = {
          workdays: e.data.workdays,
          reason: e.data.reason,
          proposedByName: e.data.proposedByName,
          proposedAt: e.at,
        };
        break;
      case "extension_approved":
        pendingExtension = null;
        extended = true;
        break;
      case "delayed":
        delayed = true;
        break;
      case "fee_notified":
        fee = {
          method: e.data.method,
          quantity: e.data.quantity,
          amountYuan: e.data.amountYuan,
          noticeOn: e.occurredOn,
          paidOn: null,
        };
        break;
      case "fee_paid":
        if (fee !== null) fee = { ...(fee as FeeState), paidOn: e.occurredOn };
        break;
      default:
        break;
    }
  }
  const deadline = deadlineOf(events, calendar);
  let status: RequestStatus;
  if (closedOn !== null) status = "closed";
  else if (deadline.status === "awaitingSupplement") status = "supplement_requested";
  else if (deadline.status === "awaitingFee") status = "fee_notified";
  else if (consultations.some((c) => !c.answered)) status = "consulting";
  else status = progressed ? "in_progress" : "received";
  return {
    channel: first.data.channel,
    receivedOn,
    confirmed,
    status,
    extended,
    outcome,
    closedOn,
    caseOfficerId,
    supplementRequested,
    supplementReceived,
    delayed,
    consultations,
    fee,
    pendingExtension,
    lastDate,
    deadline,
    events,
  };
}
