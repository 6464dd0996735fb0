/**
 * What leaves the server about a case (docs/REQUESTS.md, "API contract"): RequestSummary for lists and
 * RequestCase for the case page. Back-office only; the public view is in request-tracking.service.ts.
 */
import type { Letter, LetterKind, LetterStatus } from "../contract/letter.contract.ts";
import type { AttachmentKind, RequestCase, RequestSummary } from "../contract/request.contract.ts";
import { LETTER_KINDS } from "../core/letter/letter-kinds.ts";
import { outcomeById } from "../core/request/outcomes.ts";
import { EVENT_NAMES, type RequestStatus, STATUS_NAMES } from "../core/request/request-events.ts";
import type { RequestState } from "../core/request/request-state.ts";
import type { AttachmentInfo, RequestRow, StoredEvent } from "./request.repository.ts";
import type { Risk } from "./request-risk.ts";

/** A worklist row with the names joined. */
export type ListedRow = RequestRow & { agency_name: string; case_officer_name: string | null };

/** A case as the worklist shows it. */
export function presentSummary(row: ListedRow, risk: Risk): RequestSummary {
  const outcome = row.outcome ? outcomeById(row.outcome) : undefined;
  const description = row.description;
  return {
    id: row.id,
    trackingNo: row.tracking_no,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    applicantKind: row.applicant_kind,
    applicantName: row.applicant_name,
    descriptionExcerpt: description.length > 60 ? `${description.slice(0, 60)}…` : description,
    channel: row.channel,
    receivedOn: row.received_on,
    status: row.status,
    statusName: STATUS_NAMES[row.status as RequestStatus] ?? row.status,
    extended: row.extended === 1,
    dueOn: row.due_on,
    dueProvisional: row.due_provisional === 1,
    risk: risk.risk,
    workdaysLeft: risk.workdaysLeft,
    caseOfficerId: row.case_officer_id,
    caseOfficerName: row.case_officer_name,
    outcome: row.outcome,
    outcomeName: outcome?.name ?? null,
    closedOn: row.closed_on,
  };
}

/** A letter row as the case shows it. */
export interface LetterRow {
  id: number;
  request_id: number;
  kind: string;
  status: string;
  title: string;
  body: string;
  issued_at: string | null;
  created_at: string;
  updated_at: string;
  issued_by_name: string | null;
}

/** Everything the case page needs beyond the row and the state. */
export interface CaseExtras {
  readonly risk: Risk;
  readonly userNames: ReadonlyMap<number, string>;
  readonly attachments: readonly AttachmentInfo[];
  readonly letters: readonly LetterRow[];
  readonly allowedActions: readonly string[];
  readonly events: readonly StoredEvent[];
}

/** The whole case (RequestCase). */
export function presentCase(row: ListedRow, state: RequestState, x: CaseExtras): RequestCase {
  const names = x.userNames;
  return {
    ...presentSummary(row, x.risk),
    receiptRule: row.receipt_rule,
    confirmedAt: row.confirmed_at,
    confirmedByName: row.confirmed_by === null ? null : (names.get(row.confirmed_by) ?? null),
    applicant: {
      kind: row.applicant_kind,
      name: row.applicant_name,
      orgCreditCode: row.org_credit_code,
      orgRepresentative: row.org_representative,
      idType: row.id_type,
      idNumber: row.id_number,
      phone: row.phone,
      address: row.address,
      postcode: row.postcode,
      email: row.email,
    },
    description: row.description,
    provisionForm: row.provision_form,
    deliveryMethod: row.delivery_method,
    deadline: {
      due: state.deadline.due,
      provisional: state.deadline.provisional,
      calendarVersion: state.deadline.calendarVersion,
      risk: x.risk.risk,
      workdaysLeft: x.risk.workdaysLeft,
      steps: [...state.deadline.steps],
    },
    fee: state.fee,
    pendingExtension: state.pendingExtension,
    events: x.events.map((e) => ({
      seq: e.seq,
      type: e.type,
      typeName: EVENT_NAMES[e.type] ?? e.type,
      occurredOn: e.occurredOn,
      at: e.at,
      actorName: e.actorUserId === null ? null : (names.get(e.actorUserId) ?? null),
      data: e.data,
    })),
    attachments: x.attachments.map((a) => ({
      id: a.id,
      kind: a.kind as AttachmentKind,
      fileName: a.file_name,
      mediaType: a.media_type,
      size: a.size,
    })),
    letters: x.letters.map(presentLetter),
    allowedActions: [...x.allowedActions],
  };
}

/** A letter (the Letter shape of the contract). */
export function presentLetter(l: LetterRow): Letter {
  return {
    id: l.id,
    requestId: l.request_id,
    kind: l.kind as LetterKind,
    kindName: (LETTER_KINDS as Readonly<Record<string, string>>)[l.kind] ?? l.kind,
    status: l.status as LetterStatus,
    title: l.title,
    body: l.body,
    issuedAt: l.issued_at,
    issuedByName: l.issued_by_name,
    createdAt: l.created_at,
    updatedAt: l.updated_at,
  };
}

/** The case as the API answers it (the contract's RequestCase). */
export type RequestCaseView = RequestCase;
/** A worklist entry as the API answers it (the contract's RequestSummary). */
export type RequestSummaryView = RequestSummary;
