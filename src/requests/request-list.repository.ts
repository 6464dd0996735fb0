/**
 * SQL of the worklist, the table 三 cases and the dashboard counts.
 */
import { type Kysely, sql } from "kysely";
import type { RequestStatus } from "../core/request/request-events.ts";
import type { Schema } from "../db/schema.ts";

/** The worklist filter, already resolved to SQL terms (dates computed by the caller). */
export interface ListFilter {
  readonly agencyIds: readonly number[];
  readonly status?: RequestStatus;
  /** Open cases due before this date (overdue). */
  readonly dueBefore?: string;
  /** Open cases due from…to (due soon). */
  readonly dueFrom?: string;
  readonly dueTo?: string;
  readonly year?: number;
  readonly q?: string;
  readonly officerId?: number;
  /** Only these ids (table drill-down). */
  readonly ids?: readonly number[];
  readonly offset: number;
  readonly limit: number;
}

/** A worklist row: the case with the agency's and the officer's names. */
export async function listRequestRows(db: Kysely<Schema>, f: ListFilter) {
  if (f.agencyIds.length === 0 || (f.ids && f.ids.length === 0)) return { rows: [], total: 0 };
  let query = db
    .selectFrom("requests")
    .innerJoin("agencies", "agencies.id", "requests.agency_id")
    .leftJoin("users", "users.id", "requests.case_officer_id")
    .where("requests.agency_id", "in", [...f.agencyIds]);
  if (f.status) query = query.where("requests.status", "=", f.status);
  if (f.dueBefore)
    query = query.where("requests.status", "<>", "closed").where("requests.due_on", "<", f.dueBefore);
  if (f.dueFrom && f.dueTo) {
    query = query
      .where("requests.status", "<>", "closed")
      .where("requests.due_on", ">=", f.dueFrom)
      .where("requests.due_on", "<=", f.dueTo);
  }
  if (f.year) {
    query = query
      .where("requests.received_on", ">=", `${f.year}-01-01`)
      .where("requests.received_on", "<=", `${f.year}-12-31`);
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`(requests.tracking_no like ${like} escape '\\' or requests.applicant_name like ${like} escape '\\' or requests.description like ${like} escape '\\')`,
    );
  }
  if (f.officerId) query = query.where("requests.case_officer_id", "=", f.officerId);
  if (f.ids) query = query.where("requests.id", "in", [...f.ids]);
  const total = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll("requests")
    .select(["agencies.name as agency_name", "users.display_name as case_officer_name"])
    .orderBy("requests.received_on", "desc")
    .orderBy("requests.id", "desc")
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  return { rows, total: Number(total.n) };
}

/** The cases table 三 of `year` needs: received by its end and not closed before its start. */
export async function casesForYear(db: Kysely<Schema>, agencyIds: readonly number[], year: number) {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom("requests")
    .select(["id", "applicant_kind", "received_on", "closed_on", "outcome", "status", "due_on", "agency_id"])
    .where("agency_id", "in", [...agencyIds])
    .where("received_on", "<=", `${year}-12-31`)
    .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">=", `${year}-01-01`)]))
    .orderBy("id")
    .execute();
}

/** Open cases with a due date, for the dashboard's risk counts. */
export async function openDueDates(db: Kysely<Schema>, agencyIds: readonly number[]) {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom("requests")
    .select(["id", "due_on"])
    .where("agency_id", "in", [...agencyIds])
    .where("status", "<>", "closed")
    .where("due_on", "is not", null)
    .execute();
}
