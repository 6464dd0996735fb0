/**
 * SQL of table 三: one pass over an agency-year's cases, grouped as table 三 tells them apart (applicant kind,
 * received in the year or carried over, closed in the year, outcome), handing back each group's case ids for the
 * drill-down. The database does the grouping; core/request/applications-table.ts does the counting.
 */
import { type RawBuilder, sql } from "kysely";
import type { CaseGroupForTable } from "../core/request/applications-table.ts";
import type { Database } from "../db/database.ts";

/**
 * What table 三 groups by. Boolean expressions, not CASE: PostgreSQL then estimates a few hundred groups and
 * aggregates by hash instead of sorting every row.
 */
export function tableGroupKeys(first: string, last: string): RawBuilder<unknown> {
  return sql`applicant_kind as "kind",
           (received_on >= ${first}) as "isNew",
           (closed_on <= ${last}) as "closedInYear",
           outcome as "outcome"`;
}

/** The agency-year's cases: received by 31 December and not closed before 1 January. */
export function tableScope(agencyId: number, first: string, last: string): RawBuilder<unknown> {
  return sql`agency_id = ${agencyId} and received_on <= ${last} and (closed_on is null or closed_on >= ${first})`;
}

/** One group of the year's cases as the grouped pass returns it. */
interface GroupRow {
  readonly kind: string;
  readonly isNew: number | boolean;
  readonly closedInYear: number | boolean | null;
  readonly outcome: string | null;
  readonly ids: string;
  readonly misdatedId: number | string | null;
}

/**
 * The agency-year's cases in table 三's groups, with their ids as one comma-separated text per group and, apart,
 * the first case of the group closed before it was received (plain ids aggregate faster than a CASE per row).
 */
export async function caseGroupsForYear(
  database: Database,
  agencyId: number,
  year: number,
): Promise<CaseGroupForTable[]> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const ids = database.dialect === "postgres" ? sql`string_agg(id::text, ',')` : sql`group_concat(id)`;
  const { rows } = await sql<GroupRow>`
    select ${tableGroupKeys(first, last)}, ${ids} as "ids",
      min(case when closed_on < received_on then id end) as "misdatedId"
    from requests
    where ${tableScope(agencyId, first, last)}
    group by 1, 2, 3, 4`.execute(database.db);
  return rows.map((g) => ({
    applicantKind: g.kind,
    receivedInYear: Boolean(Number(g.isNew)),
    outcome: Number(g.closedInYear) ? g.outcome : null,
    closedBeforeReceivedId: g.misdatedId === null ? null : Number(g.misdatedId),
    ids: g.ids.split(",").map(Number),
  }));
}
