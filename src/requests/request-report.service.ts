/**
 * Table 三 of the annual report computed from the cases of an agency-year (received in the year → 一, open
 * on 1 January → 二, closed in the year → one result row by outcome, open on 31 December → 四) with the ids
 * behind every cell, and the dashboard counts (by status, risk, by month and outcome).
 */
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { DomainError } from "../core/domain-error.ts";
import {
  computeApplicationsTableFromGroups,
  UncountableCaseError,
} from "../core/request/applications-table.ts";
import { outcomeById } from "../core/request/outcomes.ts";
import { STATUS_NAMES } from "../core/request/request-events.ts";
import type { Database } from "../db/database.ts";
import { casesForYear, openDueDates } from "./request-list.repository.ts";
import { riskOf } from "./request-risk.ts";
import { caseGroupsForYear } from "./request-table.repository.ts";

/** Table 三 of an agency-year with its drill-down ids (one grouped pass of the database, then the counting). */
export async function requestTable(database: Database, agencyId: number, year: number) {
  const groups = await caseGroupsForYear(database, agencyId, year);
  try {
    const computed = computeApplicationsTableFromGroups(groups);
    return { agencyId, year, table: computed.table, cases: computed.cases };
  } catch (error) {
    if (error instanceof UncountableCaseError) throw new DomainError("INVALID_INPUT", error.message);
    throw error;
  }
}

/** The dashboard of an agency-year: counts by status, overdue and due soon now, received, closed, by month. */
export async function requestDashboard(database: Database, agencyId: number, year: number, today: string) {
  const calendar = await effectiveCalendar(database);
  const cases = await casesForYear(database.db, [agencyId], year);
  const byStatus: Record<string, number> = Object.fromEntries(Object.keys(STATUS_NAMES).map((s) => [s, 0]));
  let received = 0;
  let closed = 0;
  const months = new Map<string, number>();
  for (const c of cases) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    if (c.received_on.startsWith(String(year))) received += 1;
    if (c.closed_on?.startsWith(String(year)) && c.outcome) {
      closed += 1;
      const key = `${Number(c.closed_on.slice(5, 7))}|${c.outcome}`;
      months.set(key, (months.get(key) ?? 0) + 1);
    }
  }
  let overdue = 0;
  let dueSoon = 0;
  for (const c of await openDueDates(database.db, [agencyId])) {
    const { risk } = riskOf("open", c.due_on, today, calendar);
    if (risk === "overdue") overdue += 1;
    if (risk === "due_soon") dueSoon += 1;
  }
  const byMonth = [...months.entries()]
    .map(([key, count]) => {
      const [month, outcome] = key.split("|") as [string, string];
      return { month: Number(month), outcome, outcomeName: outcomeById(outcome)?.name ?? outcome, count };
    })
    .sort((a, b) => a.month - b.month || a.outcome.localeCompare(b.outcome));
  return { byStatus, overdue, dueSoon, received, closed, byMonth };
}
