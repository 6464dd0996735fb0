/**
 * Reading cases for the back office: one case with everything its page shows, and the worklist with its
 * filters (status, risk against today's date, year, text, own cases, table 三 drill-down).
 */
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import { DomainError } from "../core/domain-error.ts";
import { computeApplicationsTable } from "../core/request/applications-table.ts";
import type { ApplicantKind } from "../core/request/outcomes.ts";
import type { RequestStatus } from "../core/request/request-events.ts";
import { allowedActions, type Permissions } from "../core/request/request-machine.ts";
import type { Database } from "../db/database.ts";
import { type ListedRow, presentCase, presentSummary, type RequestCaseView } from "./request.presenter.ts";
import { agencyNames, findRequest, listAttachments, listLetters, userNames } from "./request.repository.ts";
import { loadCase } from "./request-case.ts";
import { casesForYear, listRequestRows } from "./request-list.repository.ts";
import { dueSoonUntil, riskOf } from "./request-risk.ts";

/** The agency of a case, or 404 NOT_FOUND. */
export async function requestAgencyId(database: Database, id: number): Promise<number> {
  const row = await findRequest(database.db, id);
  if (!row) throw new DomainError("NOT_FOUND", "找不到该申请");
  return row.agency_id;
}

/** One case as RequestCase, with the actions `may` allows now. */
export async function getRequestCase(
  database: Database,
  id: number,
  may: Permissions,
  today: string,
): Promise<RequestCaseView> {
  const calendar = await effectiveCalendar(database);
  const { row, events, state } = await loadCase(database, id, calendar);
  const ids = events.map((e) => e.actorUserId).filter((x): x is number => x !== null);
  if (row.confirmed_by !== null) ids.push(row.confirmed_by);
  if (row.case_officer_id !== null) ids.push(row.case_officer_id);
  const names = await userNames(database.db, ids);
  const agency = (await agencyNames(database.db, [row.agency_id])).get(row.agency_id) ?? "";
  const listed: ListedRow = {
    ...row,
    agency_name: agency,
    case_officer_name: row.case_officer_id === null ? null : (names.get(row.case_officer_id) ?? null),
  };
  return presentCase(listed, state, {
    risk: riskOf(state.status, state.deadline.due, today, calendar),
    userNames: names,
    attachments: await listAttachments(database.db, id),
    letters: await listLetters(database.db, id),
    allowedActions: allowedActions(state, may),
    events,
  });
}

/** The worklist query. */
export interface WorklistQuery {
  readonly agencyIds: readonly number[];
  readonly status?: RequestStatus;
  readonly risk?: "overdue" | "due_soon";
  readonly year?: number;
  readonly q?: string;
  readonly officerId?: number;
  /** "YYYY:rowKey:column" — the cases behind one cell of table 三. */
  readonly table?: { readonly year: number; readonly rowKey: string; readonly column: number };
  readonly page: number;
  readonly pageSize: number;
}

/** The ids behind one cell of table 三 for the agencies. */
async function cellIds(
  database: Database,
  agencyIds: readonly number[],
  cell: NonNullable<WorklistQuery["table"]>,
) {
  const cases = await casesForYear(database.db, agencyIds, cell.year);
  const computed = computeApplicationsTable(
    cases.map((c) => ({
      id: c.id,
      applicantKind: c.applicant_kind as ApplicantKind,
      receivedOn: c.received_on,
      closedOn: c.closed_on,
      outcome: c.outcome,
    })),
    cell.year,
  );
  const row = computed.cases[cell.rowKey];
  if (!row) throw new DomainError("INVALID_INPUT", `表三没有“${cell.rowKey}”这一行`);
  return row[cell.column] ?? [];
}

/** The worklist page. */
export async function listRequests(database: Database, query: WorklistQuery, today: string) {
  const calendar: WorkCalendar = await effectiveCalendar(database);
  const ids = query.table ? await cellIds(database, query.agencyIds, query.table) : undefined;
  const { rows, total } = await listRequestRows(database.db, {
    agencyIds: query.agencyIds,
    ...(query.status ? { status: query.status } : {}),
    ...(query.risk === "overdue" ? { dueBefore: today } : {}),
    ...(query.risk === "due_soon" ? { dueFrom: today, dueTo: dueSoonUntil(today, calendar) } : {}),
    ...(query.year ? { year: query.year } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.officerId ? { officerId: query.officerId } : {}),
    ...(ids ? { ids } : {}),
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return {
    items: rows.map((r) => presentSummary(r, riskOf(r.status, r.due_on, today, calendar))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
