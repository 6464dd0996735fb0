/**
 * The cases of the table 三 benchmark: 100,000 in scope for one agency-year, plus rows the queries must leave
 * out, generated deterministically and inserted in batches.
 */
import { sql } from "kysely";
import { APPLICANT_KINDS, type ApplicantKind, OUTCOMES } from "../src/core/request/outcomes.ts";
import type { Database } from "../src/db/database.ts";

/** The year of the table and the cases in its scope. */
export const YEAR = 2025;
export const CASES = 100_000;
/** Rows the query must leave out: another agency's, and this agency's outside the year. */
const OTHER_AGENCY_CASES = 20_000;
const OUT_OF_SCOPE_CASES = 10_000;

/** A small deterministic PRNG (mulberry32), so every run measures the same rows. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** "YYYY-MM-DD" of a day offset from 1 January of a year (UTC arithmetic on whole days only). */
function dayOf(year: number, offset: number): string {
  return new Date(Date.UTC(year, 0, 1 + offset)).toISOString().slice(0, 10);
}

/** What a generated case looks like in the table's terms. */
export interface GeneratedCase {
  readonly agency: number;
  readonly kind: ApplicantKind;
  readonly receivedOn: string;
  readonly closedOn: string | null;
  readonly outcome: string | null;
}

/** The cases: CASES in scope for agency 1 and YEAR, then the rows the query must skip. */
export function generateCases(): GeneratedCase[] {
  const next = random(20250101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const out: GeneratedCase[] = [];
  for (let i = 0; i < CASES; i++) {
    const carried = next() < 0.12;
    const received = carried ? 181 + Math.floor(next() * 184) - 365 : Math.floor(next() * 365);
    const fate = next();
    const closedOffset = Math.max(received, 0) + Math.floor(next() * 60);
    const closedInYear = fate < 0.85 && closedOffset < 365;
    out.push({
      agency: 1,
      kind: next() < 0.8 ? "naturalPerson" : pick(APPLICANT_KINDS),
      receivedOn: received < 0 ? dayOf(YEAR - 1, received + 365) : dayOf(YEAR, received),
      closedOn: closedInYear ? dayOf(YEAR, closedOffset) : fate < 0.95 ? null : dayOf(YEAR + 1, 20),
      outcome: closedInYear || fate >= 0.95 ? pick(OUTCOMES).id : null,
    });
  }
  for (let i = 0; i < OTHER_AGENCY_CASES; i++) {
    out.push({
      agency: 2,
      kind: "naturalPerson",
      receivedOn: dayOf(YEAR, i % 365),
      closedOn: null,
      outcome: null,
    });
  }
  for (let i = 0; i < OUT_OF_SCOPE_CASES; i++) {
    const before = i % 2 === 0;
    out.push({
      agency: 1,
      kind: "commercial",
      receivedOn: before ? dayOf(YEAR - 1, i % 300) : dayOf(YEAR + 1, i % 300),
      closedOn: before ? dayOf(YEAR - 1, (i % 300) + 30) : null,
      outcome: before ? "O-1" : null,
    });
  }
  return out;
}

/** Inserts two agencies and the cases, in batches inside one transaction. */
export async function insertCases(database: Database, cases: readonly GeneratedCase[]): Promise<void> {
  const at = new Date().toISOString();
  await database.db.transaction().execute(async (trx) => {
    for (const id of [1, 2]) {
      await trx
        .insertInto("agencies")
        .values({
          ...(database.dialect === "sqlite" ? { id } : {}),
          parent_id: null,
          name: `基准测试机关${id}`,
          kind: "government",
          credit_code: `BENCH${id}`,
          office_name: "",
          office_address: "",
          office_hours: "",
          office_phone: "",
          office_fax: "",
          office_email: "",
          office_website: "",
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    for (let start = 0; start < cases.length; start += 500) {
      const batch = cases.slice(start, start + 500).map((c, k) => ({
        agency_id: c.agency,
        tracking_no: `YSQ${String(start + k).padStart(9, "0")}`,
        verify_hash: "",
        idempotency_key: null,
        channel: "online" as const,
        receipt_rule: "R-31-4",
        received_on: c.receivedOn,
        confirmed_by: null,
        confirmed_at: null,
        applicant_kind: c.kind,
        applicant_name: "申请人",
        org_credit_code: "",
        org_representative: "",
        id_type: "",
        id_number: "",
        phone: "",
        address: "",
        postcode: "",
        email: "",
        description: "申请公开某项政府信息",
        provision_form: "",
        delivery_method: "",
        status: c.closedOn === null ? ("in_progress" as const) : ("closed" as const),
        extended: 0,
        outcome: c.outcome,
        closed_on: c.closedOn,
        due_on: null,
        due_provisional: 0,
        calendar_version: "",
        case_officer_id: null,
        created_at: at,
        updated_at: at,
      }));
      await trx.insertInto("requests").values(batch).execute();
    }
  });
  await sql`analyze`.execute(database.db);
}
