/**
 * The disclosure-request API's answers (docs/REQUESTS.md, "API contract"): the worklist entry, the whole
 * case, table 三 with its drill-down ids, the dashboard, attachments and the ledger import. Imports only
 * TypeBox, src/core and other contracts.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { ApplicationsTable } from "../core/report/report-model.ts";
import { ATTACHMENT_KINDS } from "../core/request/attachment-type.ts";
import { APPLICANT_KINDS } from "../core/request/outcomes.ts";
import { CHANNELS, FEE_METHODS, REQUEST_STATUSES } from "../core/request/request-events.ts";
import { CoreModel, DateText, ErrorBody, Id, Nullable } from "./common.contract.ts";
import { Letter } from "./letter.contract.ts";

/** How a request reached the agency. */
export const RequestChannel = Type.Union(CHANNELS.map((c) => Type.Literal(c)));
/** How a request reached the agency. */
export type RequestChannel = Static<typeof RequestChannel>;

/** The status of a case. */
export const RequestStatus = Type.Union(REQUEST_STATUSES.map((s) => Type.Literal(s)));
/** The status of a case. */
export type RequestStatus = Static<typeof RequestStatus>;

/** The applicant kind, fixed at receipt (table 三's columns). */
export const ApplicantKind = Type.Union(APPLICANT_KINDS.map((k) => Type.Literal(k)));
/** The applicant kind, fixed at receipt (table 三's columns). */
export type ApplicantKind = Static<typeof ApplicantKind>;

/** Due-date risk: overdue, due within 3 working days, fine; null once closed. */
export const DeadlineRisk = Nullable(
  Type.Union([Type.Literal("overdue"), Type.Literal("due_soon"), Type.Literal("ok")]),
);
/** Due-date risk: overdue, due within 3 working days, fine; null once closed. */
export type DeadlineRisk = Static<typeof DeadlineRisk>;

/** A case as the worklist shows it. */
export const RequestSummary = Type.Object({
  id: Id,
  trackingNo: Type.String(),
  agencyId: Id,
  agencyName: Type.String(),
  applicantKind: ApplicantKind,
  applicantName: Type.String(),
  descriptionExcerpt: Type.String(),
  channel: RequestChannel,
  receivedOn: DateText,
  status: RequestStatus,
  statusName: Type.String(),
  extended: Type.Boolean(),
  dueOn: Nullable(DateText),
  dueProvisional: Type.Boolean(),
  risk: DeadlineRisk,
  workdaysLeft: Nullable(Type.Integer()),
  caseOfficerId: Nullable(Id),
  caseOfficerName: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  outcomeName: Nullable(Type.String()),
  closedOn: Nullable(DateText),
});
/** A case as the worklist shows it. */
export type RequestSummary = Static<typeof RequestSummary>;

/** The applicant's Art. 29 particulars. */
export const Applicant = Type.Object({
  kind: ApplicantKind,
  name: Type.String(),
  orgCreditCode: Nullable(Type.String()),
  orgRepresentative: Nullable(Type.String()),
  idType: Nullable(Type.String()),
  idNumber: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  address: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  email: Nullable(Type.String()),
});
/** The applicant's Art. 29 particulars. */
export type Applicant = Static<typeof Applicant>;

/** One line of a date's explanation: the rule applied, the date it concerns, the Chinese text. */
export const DeadlineStep = Type.Object({ rule: Type.String(), date: Type.String(), text: Type.String() });
/** One line of a date's explanation: the rule applied, the date it concerns, the Chinese text. */
export type DeadlineStep = Static<typeof DeadlineStep>;

/** The computed reply deadline with its explanation. */
export const Deadline = Type.Object({
  due: Nullable(DateText),
  provisional: Type.Boolean(),
  calendarVersion: Type.String(),
  risk: DeadlineRisk,
  workdaysLeft: Nullable(Type.Integer()),
  steps: Type.Array(DeadlineStep),
});
/** The computed reply deadline with its explanation. */
export type Deadline = Static<typeof Deadline>;

/** How a processing fee is charged (R-FEE-1 per item, R-FEE-2 per volume). */
export const FeeMethod = Type.Union(FEE_METHODS.map((m) => Type.Literal(m)));
/** How a processing fee is charged (R-FEE-1 per item, R-FEE-2 per volume). */
export type FeeMethod = Static<typeof FeeMethod>;

/** The processing fee of a case (R-FEE-1/2/3). */
export const RequestFee = Type.Object({
  method: FeeMethod,
  quantity: Type.Integer(),
  amountYuan: Type.Number(),
  noticeOn: DateText,
  paidOn: Nullable(DateText),
});
/** The processing fee of a case (R-FEE-1/2/3). */
export type RequestFee = Static<typeof RequestFee>;

/** An extension proposed by the case officer and awaiting the office head (R-33-2). */
export const PendingExtension = Type.Object({
  workdays: Type.Integer(),
  reason: Type.String(),
  proposedByName: Type.String(),
  proposedAt: Type.String(),
});
/** An extension proposed by the case officer and awaiting the office head (R-33-2). */
export type PendingExtension = Static<typeof PendingExtension>;

/** The data an event carries (its shape depends on the event type). */
const EventData = Type.Unsafe<Readonly<Record<string, unknown>>>(
  Type.Object({}, { additionalProperties: true }),
);

/** One entry of the case log. */
export const RequestEventView = Type.Object({
  seq: Type.Integer(),
  type: Type.String(),
  typeName: Type.String(),
  occurredOn: DateText,
  at: Type.String(),
  actorName: Nullable(Type.String()),
  data: EventData,
});
/** One entry of the case log. */
export type RequestEventView = Static<typeof RequestEventView>;

/** What an attachment is. */
export const AttachmentKind = Type.Union(ATTACHMENT_KINDS.map((k) => Type.Literal(k)));
/** What an attachment is. */
export type AttachmentKind = Static<typeof AttachmentKind>;

/** An attachment's description (the file itself is downloaded separately). */
export const RequestAttachment = Type.Object({
  id: Id,
  kind: AttachmentKind,
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
});
/** An attachment's description (the file itself is downloaded separately). */
export type RequestAttachment = Static<typeof RequestAttachment>;

/** The whole case, with the actions the caller may take now. */
export const RequestCase = Type.Composite([
  RequestSummary,
  Type.Object({
    receiptRule: Type.String(),
    confirmedAt: Nullable(Type.String()),
    confirmedByName: Nullable(Type.String()),
    applicant: Applicant,
    description: Type.String(),
    provisionForm: Type.String(),
    deliveryMethod: Type.String(),
    deadline: Deadline,
    fee: Nullable(RequestFee),
    pendingExtension: Nullable(PendingExtension),
    events: Type.Array(RequestEventView),
    attachments: Type.Array(RequestAttachment),
    letters: Type.Array(Letter),
    allowedActions: Type.Array(Type.String()),
  }),
]);
/** The whole case, with the actions the caller may take now. */
export type RequestCase = Static<typeof RequestCase>;

/** Answer of GET /api/requests. */
export const RequestPage = Type.Object({
  items: Type.Array(RequestSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
/** Answer of GET /api/requests. */
export type RequestPage = Static<typeof RequestPage>;

/** Answer of GET /api/requests/table: table 三 and, per row key, the case ids behind each of its 7 cells. */
export const RequestTableAnswer = Type.Object({
  agencyId: Id,
  year: Type.Integer(),
  table: CoreModel<ApplicationsTable>("表三：按行键，每行 7 个数（五类申请人、其他、总计）"),
  cases: Type.Record(Type.String(), Type.Array(Type.Array(Id))),
});
/** Answer of GET /api/requests/table. */
export type RequestTableAnswer = Static<typeof RequestTableAnswer>;

/** One bar segment of the dashboard chart: cases closed in a month with an outcome. */
export const MonthOutcomeCount = Type.Object({
  month: Type.Integer(),
  outcome: Type.String(),
  outcomeName: Type.String(),
  count: Type.Integer(),
});
/** One bar segment of the dashboard chart: cases closed in a month with an outcome. */
export type MonthOutcomeCount = Static<typeof MonthOutcomeCount>;

/** Answer of GET /api/requests/dashboard. */
export const RequestDashboard = Type.Object({
  byStatus: Type.Record(Type.String(), Type.Integer()),
  overdue: Type.Integer(),
  dueSoon: Type.Integer(),
  received: Type.Integer(),
  closed: Type.Integer(),
  byMonth: Type.Array(MonthOutcomeCount),
});
/** Answer of GET /api/requests/dashboard. */
export type RequestDashboard = Static<typeof RequestDashboard>;

/** One rejected row of a ledger import. */
export const LedgerRejectedRow = Type.Object({ row: Type.Integer(), reasons: Type.Array(Type.String()) });
/** One rejected row of a ledger import. */
export type LedgerRejectedRow = Static<typeof LedgerRejectedRow>;

/** Answer of POST /api/requests/ledger: every row imported. */
export const LedgerImported = Type.Object({ imported: Type.Integer(), requestIds: Type.Array(Id) });
/** Answer of POST /api/requests/ledger: every row imported. */
export type LedgerImported = Static<typeof LedgerImported>;

/** A 422 of POST /api/requests/ledger: LEDGER_REJECTED with the rows to correct (nothing imported), or another refusal without them. */
export const LedgerRejected = Type.Composite([
  ErrorBody,
  Type.Object({ rejected: Type.Optional(Type.Array(LedgerRejectedRow)) }),
]);
/** Refusal of POST /api/requests/ledger (422 LEDGER_REJECTED). */
export type LedgerRejected = Static<typeof LedgerRejected>;
