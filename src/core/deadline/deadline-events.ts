/**
 * The events of a disclosure request that move its reply deadline (RULES.md §2–3), and the result the
 * deadline engine computes from them.
 */

/** How the request reached the agency (条例第三十一条); the caller gives the receipt date per channel. */
export type ReceiptChannel = "in-person" | "registered-post" | "ordinary-letter" | "online" | "fax";

/** Who is consulted: a third party (R-32-1, 第三十二条) or another agency (R-34-1, 第三十四条). */
export type ConsultedParty = "third-party" | "agency";

/** One event of a request; dates are "YYYY-MM-DD" and events come in the order they happened. */
export type RequestEvent =
  | { readonly type: "received"; readonly date: string; readonly channel: ReceiptChannel }
  | { readonly type: "answeredOnTheSpot"; readonly date: string }
  | { readonly type: "supplementRequested"; readonly date: string; readonly supplementBy?: string }
  | { readonly type: "supplementReceived"; readonly date: string; readonly lateReason?: string }
  | { readonly type: "supplementExpired"; readonly date: string }
  | {
      readonly type: "consultationSent";
      readonly date: string;
      readonly id: string;
      readonly party: ConsultedParty;
    }
  | { readonly type: "consultationAnswered"; readonly date: string; readonly id: string }
  | {
      readonly type: "extension";
      /** The approval date. */
      readonly date: string;
      readonly workdays: number;
      readonly approvedBy: string;
      readonly notifiedOn: string;
      readonly reason: string;
    }
  | { readonly type: "delayedReply"; readonly date: string; readonly replyBy: string }
  | { readonly type: "feeNoticeSent"; readonly date: string; readonly receivedOn?: string }
  | { readonly type: "feePaid"; readonly date: string }
  | { readonly type: "feeExpired"; readonly date: string }
  | { readonly type: "replied"; readonly date: string };

/** One line of the explanation: the rule applied, the date it concerns, and the text in Chinese. */
export interface DeadlineStep {
  readonly rule: string;
  readonly date: string;
  readonly text: string;
}

/** Where the request stands after its events. */
export type CaseStatus = "open" | "awaitingSupplement" | "awaitingFee" | "answered" | "closed";

/** The computed deadline: `due` is null while it cannot run (awaiting supplement or fee) or once closed. */
export interface DeadlineResult {
  readonly due: string | null;
  readonly provisional: boolean;
  readonly calendarVersion: string;
  readonly status: CaseStatus;
  /** The table 三 row of a request closed by the engine: 三(六)1 (no supplement) or 三(六)2 (fee unpaid). */
  readonly reportRow: string | null;
  readonly steps: readonly DeadlineStep[];
}

/** Settings of the engine. */
export interface DeadlineOptions {
  /** R-FEE-3 is tagged [M] (unconfirmed): when false, fee notices neither pause nor close a request. */
  readonly applyFeeRule?: boolean;
}

/** The rule and Chinese description of each receipt channel (条例第三十一条). */
export const RECEIPT_RULES: Readonly<Record<ReceiptChannel, { rule: string; text: string }>> = {
  "in-person": { rule: "R-31-1", text: "当面提交，以提交之日为收到申请之日（条例第三十一条第（一）项）" },
  "registered-post": {
    rule: "R-31-2",
    text: "以需要签收的方式邮寄，以行政机关签收之日为收到申请之日（条例第三十一条第（二）项）",
  },
  "ordinary-letter": {
    rule: "R-31-3",
    text: "以平常信函邮寄，公开工作机构于收到当日与申请人确认，以确认之日为收到申请之日（条例第三十一条第（二）项）",
  },
  online: {
    rule: "R-31-4",
    text: "通过互联网渠道提交，以双方确认之日为收到申请之日（条例第三十一条第（三）项）",
  },
  fax: {
    rule: "R-31-4",
    text: "通过公开工作机构的传真提交，以双方确认之日为收到申请之日（条例第三十一条第（三）项）",
  },
};
