/**
 * SQL of the ledger (台账) export: an agency-year's cases, by the day they were received.
 */
import type { Kysely, Selectable } from "kysely";
import type { RequestTable, Schema } from "../db/schema.ts";

/** The cases an agency received in `year`, in the order of receipt (then id). */
export async function requestsReceivedIn(
  db: Kysely<Schema>,
  agencyId: number,
  year: number,
): Promise<Selectable<RequestTable>[]> {
  return db
    .selectFrom("requests")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("received_on", ">=", `${year}-01-01`)
    .where("received_on", "<=", `${year}-12-31`)
    .orderBy("received_on")
    .orderBy("id")
    .execute();
}
