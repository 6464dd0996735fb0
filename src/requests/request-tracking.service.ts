/**
 * The public status of a request (/requests/status): tracking number + verification code (compared in
 * constant time against the stored hash) → the steps, the due date and the issued letters. Nothing about
 * officers, internal notes or any other request is shown. Throttling of wrong codes is the page's job.
 */
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { outcomeById } from "../core/request/outcomes.ts";
import {
  type CaseEvent,
  CHANNEL_RULES,
  type RequestStatus,
  STATUS_NAMES,
} from "../core/request/request-events.ts";
import type { Database } from "../db/database.ts";
import { listIssuedLetters } from "../letters/letter-files.service.ts";
import { agencyNames, findRequestByTrackingNo } from "./request.repository.ts";
import { loadCase } from "./request-case.ts";
import { codeMatches } from "./verification-code.ts";

/** What the applicant sees of their request. */
export interface PublicRequestView {
  readonly trackingNo: string;
  readonly agencyName: string;
  readonly receivedOn: string;
  readonly status: string;
  readonly statusName: string;
  readonly due: string | null;
  readonly provisional: boolean;
  readonly steps: readonly { readonly date: string; readonly text: string }[];
  readonly letters: readonly { readonly id: number; readonly title: string; readonly issuedAt: string }[];
}

/** The applicant-facing sentence of a case event, or null for internal events. */
export function publicStepText(e: CaseEvent): string | null {
  switch (e.type) {
    case "received":
      return `收到申请（${CHANNEL_RULES[e.data.channel].name}）`;
    case "confirmed":
      return "工作机构与申请人确认申请，以该日为收到申请之日（条例第三十一条）";
    case "answered_on_the_spot":
      return `当场答复：${outcomeById(e.data.outcome)?.name ?? e.data.outcome}`;
    case "supplement_requested":
      return `告知补正：${e.data.items}；补正期限至 ${e.data.supplementBy}`;
    case "supplement_received":
      return "收到补正后的申请，答复期限自该日起重新计算";
    case "supplement_expired":
      return "补正期限届满未补正，视为放弃申请";
    case "consultation_sent":
      return `征求${e.data.party === "agency" ? "其他机关" : "第三方"}意见，所需时间不计算在答复期限内`;
    case "consultation_answered":
      return "征求意见程序结束";
    case "extension_approved":
      return `经批准延长答复期限 ${e.data.workdays} 个工作日`;
    case "delayed":
      return `确定延迟答复，答复期限为 ${e.data.replyBy}`;
    case "fee_notified":
      return `发出信息处理费收费通知，金额 ${e.data.amountYuan} 元`;
    case "fee_paid":
      return "已缴纳信息处理费";
    case "fee_expired":
      return "逾期未缴纳信息处理费，视为放弃申请";
    case "closed":
      return `办结：${outcomeById(e.data.outcome)?.name ?? e.data.outcome}`;
    case "withdrawn":
      return "申请人撤回申请，办结";
    case "deadline_recomputed":
      return e.data.toDue ? `工作日历更新，答复期限重新计算为 ${e.data.toDue}` : null;
    default:
      return null;
  }
}

/** The request's public view when the code is right; null for an unknown number or a wrong code. */
export async function trackRequest(
  database: Database,
  trackingNo: string,
  code: string,
): Promise<PublicRequestView | null> {
  const row = await findRequestByTrackingNo(database.db, trackingNo);
  // Compare even when the number is unknown, so timing does not tell which numbers exist.
  const matches = codeMatches(code, row?.verify_hash ?? "0".repeat(64));
  if (!row || !matches) return null;
  const { state, events } = await loadCase(database, row.id, await effectiveCalendar(database));
  const steps: { date: string; text: string }[] = [];
  for (const e of events) {
    const text = publicStepText(e);
    if (text !== null) steps.push({ date: e.occurredOn, text });
  }
  // Only issued letters addressed to the applicant: never a consultation letter to a third party or agency.
  const letters = (await listIssuedLetters(database.db, row.id)).map((l) => ({
    id: l.id,
    title: l.title,
    issuedAt: l.issuedAt,
  }));
  return {
    trackingNo: row.tracking_no,
    agencyName: (await agencyNames(database.db, [row.agency_id])).get(row.agency_id) ?? "",
    receivedOn: state.receivedOn,
    status: state.status,
    statusName: STATUS_NAMES[state.status as RequestStatus],
    due: state.deadline.due,
    provisional: state.deadline.provisional,
    steps,
    letters,
  };
}
