/**
 * The vocabulary of a disclosure request case (docs/REQUESTS.md): statuses, intake channels, applicant
 * fields' value sets, and the events of the append-only case log (`request_events`) with their Chinese names.
 */

/** The status of a case; only the request machine changes it. */
export type RequestStatus =
  | "received"
  | "supplement_requested"
  | "consulting"
  | "fee_notified"
  | "in_progress"
  | "closed";

/** Every status of a case, in workflow order. */
export const REQUEST_STATUSES = [
  "received",
  "supplement_requested",
  "consulting",
  "fee_notified",
  "in_progress",
  "closed",
] as const satisfies readonly RequestStatus[];

/** The Chinese name of each status. */
export const STATUS_NAMES: Readonly<Record<RequestStatus, string>> = {
  received: "已收到",
  supplement_requested: "待补正",
  consulting: "征求意见中",
  fee_notified: "待缴费",
  in_progress: "办理中",
  closed: "已办结",
};

/** Intake channels (条例第三十一条). */
export const CHANNELS = ["in_person", "post_registered", "post_ordinary", "online", "fax"] as const;

/** An intake channel. */
export type Channel = (typeof CHANNELS)[number];

/** R-31-1 … R-31-4: the receipt rule of each channel and its Chinese name. */
export const CHANNEL_RULES: Readonly<Record<Channel, { readonly rule: string; readonly name: string }>> = {
  in_person: { rule: "R-31-1", name: "当面提交" },
  post_registered: { rule: "R-31-2", name: "邮寄（需签收）" },
  post_ordinary: { rule: "R-31-3", name: "平常信函" },
  online: { rule: "R-31-4", name: "互联网" },
  fax: { rule: "R-31-4", name: "传真" },
};

/** R-31-4: channels whose receipt date is the day both sides confirm (the office's confirm action). */
export function needsConfirmation(channel: Channel): boolean {
  return channel === "online" || channel === "fax";
}

/** The form of provision (条例第二十九条): paper or electronic. */
export const PROVISION_FORMS = { paper: "纸质", electronic: "电子" } as const;

/** How the applicant receives the information (条例第二十九条). */
export const DELIVERY_METHODS = {
  post: "邮寄",
  pickup: "自取",
  email: "电子邮件",
  online: "在线查看",
} as const;

/** Who is consulted: a third party (R-32-1) or another agency (R-34-1). */
export type ConsultationParty = "third-party" | "agency";

/** How a processing fee is charged (R-FEE-1 per item, R-FEE-2 per volume). */
export type FeeMethod = "per_item" | "per_volume";

/** Every fee method. */
export const FEE_METHODS = ["per_item", "per_volume"] as const satisfies readonly FeeMethod[];

/** The data each event type carries in `data_json`. */
export interface CaseEventData {
  /** R-31-*: registered; `occurredOn` is the receipt date (online/fax: the submission date until confirmed). */
  received: { channel: Channel };
  /** R-31-4: both sides confirmed (online/fax); `occurredOn` becomes the receipt date. */
  confirmed: { confirmedByName: string };
  /** R-33-0: answered on the spot, the same day as received. */
  answered_on_the_spot: { outcome: string };
  assigned: { caseOfficerId: number; caseOfficerName: string };
  /** R-30-1. */
  supplement_requested: { supplementBy: string; items: string };
  /** R-30-2. */
  supplement_received: { lateReason?: string };
  /** R-30-3 → O-6.1. */
  supplement_expired: Record<string, never>;
  /** R-32-1 / R-34-1. */
  consultation_sent: { consultationId: string; party: ConsultationParty; consultee: string };
  /** R-33-5. */
  consultation_answered: { consultationId: string };
  /** R-33-2, step one: a case officer proposes. */
  extension_proposed: { workdays: number; reason: string; proposedByName: string };
  /** R-33-2/3, step two: the office head approves; `occurredOn` is the approval date. */
  extension_approved: { workdays: number; reason: string; approvedByName: string; notifiedOn: string };
  /** R-35-1. */
  delayed: { replyBy: string; reason: string };
  /** R-FEE-1/2/3. */
  fee_notified: {
    method: FeeMethod;
    quantity: number;
    itemsBefore: number;
    amountYuan: number;
    rule: "R-FEE-1" | "R-FEE-2";
  };
  fee_paid: Record<string, never>;
  /** R-FEE-3 → O-6.2. */
  fee_expired: Record<string, never>;
  /** The closing decision (O-1 … O-6.3). */
  closed: { outcome: string; reason: string; responsibleAgency?: string };
  /** Withdrawn by the applicant → O-6.3. */
  withdrawn: { reason: string };
  /** R-WD-4: the calendar changed and the due date moved. */
  deadline_recomputed: {
    fromDue: string | null;
    toDue: string | null;
    fromProvisional: boolean;
    toProvisional: boolean;
    calendarVersion: string;
  };
}

/** An event type of the case log. */
export type CaseEventType = keyof CaseEventData;

/** The Chinese name of each event type. */
export const EVENT_NAMES: Readonly<Record<CaseEventType, string>> = {
  received: "收到申请",
  confirmed: "双方确认",
  answered_on_the_spot: "当场答复",
  assigned: "分配承办人",
  supplement_requested: "告知补正",
  supplement_received: "收到补正",
  supplement_expired: "逾期未补正",
  consultation_sent: "征求意见",
  consultation_answered: "收到意见",
  extension_proposed: "提出延期",
  extension_approved: "批准延期",
  delayed: "延迟答复",
  fee_notified: "收费通知",
  fee_paid: "缴费",
  fee_expired: "逾期未缴费",
  closed: "办结答复",
  withdrawn: "申请人撤回",
  deadline_recomputed: "期限重新计算",
};

/** One entry of the case log; `occurredOn` is the calendar date it happened, `at` the instant recorded. */
export type CaseEvent = {
  [T in CaseEventType]: {
    readonly type: T;
    readonly occurredOn: string;
    readonly at: string;
    readonly actorUserId: number | null;
    readonly data: CaseEventData[T];
  };
}[CaseEventType];

/** The event of one type. */
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
