/**
 * SQL behind R-FEE-1 (per item, per applicant per calendar month): the items already charged per item to
 * the same applicant in the agency's other requests of that month.
 */
import type { Kysely, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** The per-item quantities of the applicant's other fee notices in `month` ("YYYY-MM"). */
export async function perItemCountInMonth(
  db: Db,
  agencyId: number,
  exceptRequestId: number,
  applicant: { applicant_kind: string; id_number: string; org_credit_code: string; applicant_name: string },
  month: string,
): Promise<number> {
  let query = db
    .selectFrom("request_events")
    .innerJoin("requests", "requests.id", "request_events.request_id")
    .select("request_events.data_json")
    .where("requests.agency_id", "=", agencyId)
    .where("requests.id", "<>", exceptRequestId)
    .where("request_events.type", "=", "fee_notified")
    .where("request_events.occurred_on", ">=", `${month}-01`)
    .where("request_events.occurred_on", "<=", `${month}-31`);
  // The applicant: a person by identity number, an organisation by credit code.
  query =
    applicant.applicant_kind === "naturalPerson"
      ? query.where("requests.id_number", "=", applicant.id_number).where("requests.id_number", "<>", "")
      : query
          .where("requests.org_credit_code", "=", applicant.org_credit_code)
          .where("requests.org_credit_code", "<>", "");
  const rows = await query.execute();
  let count = 0;
  for (const r of rows) {
    const data = JSON.parse(r.data_json) as { method?: string; quantity?: number };
    if (data.method === "per_item" && typeof data.quantity === "number") count += data.quantity;
  }
  return count;
}
