/**
 * SQL of the reconsideration and litigation cases (行政复议、行政诉讼) about disclosure.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { ReviewCaseKind, ReviewResult } from "../core/registry/review-counts.ts";
import type { Schema } from "../db/schema.ts";
import type { ReviewCaseTable } from "../db/schema-registries.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** A case as stored. */
export interface ReviewCase {
  readonly id: number;
  readonly agencyId: number;
  readonly requestId: number | null;
  readonly kind: ReviewCaseKind;
  readonly caseNo: string;
  readonly applicantName: string;
  readonly filedOn: string;
  readonly decidedOn: string | null;
  readonly result: ReviewResult | null;
  readonly note: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The writable fields of a case. */
export type ReviewCaseValues = Pick<
  ReviewCase,
  "requestId" | "kind" | "caseNo" | "applicantName" | "filedOn" | "decidedOn" | "result" | "note"
>;

/** A row as a case. */
function toCase(r: Selectable<ReviewCaseTable>): ReviewCase {
  return {
    id: r.id,
    agencyId: r.agency_id,
    requestId: r.request_id,
    kind: r.kind as ReviewCaseKind,
    caseNo: r.case_no,
    applicantName: r.applicant_name,
    filedOn: r.filed_on,
    decidedOn: r.decided_on,
    result: r.result as ReviewResult | null,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The columns of case values. */
function columnsOf(v: ReviewCaseValues) {
  return {
    request_id: v.requestId,
    kind: v.kind,
    case_no: v.caseNo,
    applicant_name: v.applicantName,
    filed_on: v.filedOn,
    decided_on: v.decidedOn,
    result: v.result,
    note: v.note,
  };
}

/** The agency's cases, newest filing first; with a year, those counted in it (filed by its end, open at its start). */
export async function listReviewCases(db: Db, agencyId: number, year?: number): Promise<ReviewCase[]> {
  let q = db.selectFrom("review_cases").selectAll().where("agency_id", "=", agencyId);
  if (year !== undefined) {
    q = q
      .where("filed_on", "<=", `${year}-12-31`)
      .where((eb) => eb.or([eb("decided_on", "is", null), eb("decided_on", ">=", `${year}-01-01`)]));
  }
  return (await q.orderBy("filed_on", "desc").orderBy("id", "desc").execute()).map(toCase);
}

/** One case, or undefined. */
export async function findReviewCase(db: Db, id: number): Promise<ReviewCase | undefined> {
  const r = await db.selectFrom("review_cases").selectAll().where("id", "=", id).executeTakeFirst();
  return r ? toCase(r) : undefined;
}

/** The agency of a disclosure request, or undefined when there is no such request. */
export async function requestAgency(db: Db, requestId: number): Promise<number | undefined> {
  const r = await db
    .selectFrom("requests")
    .select("agency_id")
    .where("id", "=", requestId)
    .executeTakeFirst();
  return r?.agency_id;
}

/** Inserts a case. */
export async function insertReviewCase(
  trx: Transaction<Schema>,
  agencyId: number,
  v: ReviewCaseValues,
  now: string,
): Promise<ReviewCase> {
  const row = await trx
    .insertInto("review_cases")
    .values({ agency_id: agencyId, ...columnsOf(v), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCase(row);
}

/** Writes a case. */
export async function updateReviewCase(
  trx: Transaction<Schema>,
  id: number,
  v: ReviewCaseValues,
  now: string,
): Promise<ReviewCase> {
  const row = await trx
    .updateTable("review_cases")
    .set({ ...columnsOf(v), updated_at: now })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCase(row);
}
