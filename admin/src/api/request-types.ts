/**
 * The shapes of the disclosure-request API (docs/REQUESTS.md, "API contract"), as the server's contract
 * defines them: the back office restates none of them.
 */
export type { CalendarYear } from "../../../src/contract/calendar.contract.ts";
export type { Letter, LetterKind } from "../../../src/contract/letter.contract.ts";
export type {
  Applicant,
  AttachmentKind,
  Deadline,
  DeadlineRisk,
  DeadlineStep,
  LedgerRejectedRow,
  MonthOutcomeCount,
  PendingExtension,
  RequestAttachment,
  RequestCase,
  RequestChannel,
  RequestDashboard,
  RequestEventView,
  RequestFee,
  RequestPage,
  RequestStatus,
  RequestSummary,
  RequestTableAnswer,
} from "../../../src/contract/request.contract.ts";
