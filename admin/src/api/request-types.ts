/**
 * The shapes of the disclosure-request API (docs/REQUESTS.md, "API contract"), as the shell receives them.
 */
import type { ApplicationsTable } from "../../../src/core/report/report-model.ts";
import type { ApplicantKind } from "../../../src/core/request/outcomes.ts";

/** How a request reached the agency. */
export type RequestChannel = "in_person" | "post_registered" | "post_ordinary" | "online" | "fax";

/** The status column of a request. */
export type RequestStatus =
  | "received"
  | "supplement_requested"
  | "consulting"
  | "fee_notified"
  | "in_progress"
  | "closed";

/** Due-date risk: overdue, due within 3 working days, fine; null once closed. */
export type DeadlineRisk = "overdue" | "due_soon" | "ok" | null;

/** One line of a date's explanation: the rule applied, the date it concerns, the Chinese text. */
export interface DeadlineStep {
  readonly rule: string;
  readonly date: string;
  readonly text: string;
}

/** The computed reply deadline with its explanation. */
export interface Deadline {
  readonly due: string | null;
  readonly provisional: boolean;
  readonly calendarVersion: string;
  readonly risk: DeadlineRisk;
  readonly workdaysLeft: number | null;
  readonly steps: readonly DeadlineStep[];
}

/** A request as the worklist shows it. */
export interface RequestSummary {
  readonly id: number;
  readonly trackingNo: string;
  readonly agencyId: number;
  readonly agencyName: string;
  readonly applicantKind: ApplicantKind;
  readonly applicantName: string;
  readonly descriptionExcerpt: string;
  readonly channel: RequestChannel;
  readonly receivedOn: string;
  readonly status: RequestStatus;
  readonly statusName: string;
  readonly extended: boolean;
  readonly dueOn: string | null;
  readonly dueProvisional: boolean;
  readonly risk: DeadlineRisk;
  readonly workdaysLeft: number | null;
  readonly caseOfficerId: number | null;
  readonly caseOfficerName: string | null;
  readonly outcome: string | null;
  readonly outcomeName: string | null;
  readonly closedOn: string | null;
}

/** The applicant's Art. 29 particulars. */
export interface Applicant {
  readonly kind: ApplicantKind;
  readonly name: string;
  readonly orgCreditCode: string | null;
  readonly orgRepresentative: string | null;
  readonly idType: string | null;
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly postcode: string | null;
  readonly email: string | null;
}

/** One entry of the case log. */
export interface RequestEventView {
  readonly seq: number;
  readonly type: string;
  readonly typeName: string;
  readonly occurredOn: string;
  readonly at: string;
  readonly actorName: string | null;
  readonly data: Readonly<Record<string, unknown>> | null;
}

/** An attachment's description (the file itself is downloaded separately). */
export interface RequestAttachment {
  readonly id: number;
  readonly kind: AttachmentKind;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
}

/** What an attachment is. */
export type AttachmentKind = "identity" | "supplement" | "other";

/** The kinds of letters (答复书 and notices). */
export type LetterKind =
  | "reply"
  | "supplement_notice"
  | "extension_notice"
  | "third_party_consultation"
  | "agency_consultation"
  | "fee_notice"
  | "not_processed_notice";

/** A letter of a case: a draft until issued, then frozen. */
export interface Letter {
  readonly id: number;
  readonly requestId: number;
  readonly kind: LetterKind;
  readonly kindName: string;
  readonly status: "draft" | "issued";
  readonly title: string;
  readonly body: string;
  readonly issuedAt: string | null;
  readonly issuedByName: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The processing fee of a case (R-FEE-1/2/3). */
export interface RequestFee {
  readonly method: "per_item" | "per_volume";
  readonly quantity: number;
  readonly amountYuan: number;
  readonly noticeOn: string | null;
  readonly paidOn: string | null;
}

/** An extension proposed by the case officer and awaiting the office head (R-33-2). */
export interface PendingExtension {
  readonly reason: string;
  readonly workdays: number;
  readonly proposedByName: string;
  readonly proposedAt: string;
}

/** The whole case. */
export interface RequestCase extends RequestSummary {
  readonly receiptRule: string;
  readonly confirmedAt: string | null;
  readonly confirmedByName: string | null;
  readonly applicant: Applicant;
  readonly description: string;
  readonly provisionForm: string;
  readonly deliveryMethod: string;
  readonly deadline: Deadline;
  readonly fee: RequestFee | null;
  readonly pendingExtension: PendingExtension | null;
  readonly events: readonly RequestEventView[];
  readonly attachments: readonly RequestAttachment[];
  readonly letters: readonly Letter[];
  readonly allowedActions: readonly string[];
}

/** Answer of GET /api/requests. */
export interface RequestPage {
  readonly items: readonly RequestSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Answer of GET /api/requests/table. */
export interface RequestTableAnswer {
  readonly agencyId: number;
  readonly year: number;
  readonly table: ApplicationsTable;
  readonly cases: Readonly<Record<string, readonly (readonly number[])[]>>;
}

/** One bar segment of the dashboard chart. */
export interface MonthOutcomeCount {
  readonly month: number | string;
  readonly outcome: string | null;
  readonly outcomeName: string | null;
  readonly count: number;
}

/** Answer of GET /api/requests/dashboard. */
export interface RequestDashboard {
  readonly byStatus: Readonly<Record<string, number>>;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly received: number;
  readonly closed: number;
  readonly byMonth: readonly MonthOutcomeCount[];
}

/** One rejected row of a ledger import. */
export interface LedgerRejectedRow {
  readonly row: number;
  readonly reasons: readonly string[];
}

/** A year's working-day schedule (GET/PUT /api/calendar/:year). */
export interface CalendarYear {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
  readonly source: string;
  readonly enteredBy?: string | null;
  readonly createdAt?: string | null;
}
