/**
 * SQL of the open cases whose deadlines a calendar change recomputes (R-WD-4).
 */
import type { Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";

/** An open case as the recomputation needs it. */
export interface OpenCaseRow {
  readonly id: number;
  readonly tracking_no: string;
  readonly agency_id: number;
  readonly due_on: string | null;
}

/** Every case not closed, by id (inside the recomputing transaction). */
export async function listOpenCases(trx: Transaction<Schema>): Promise<OpenCaseRow[]> {
  return trx
    .selectFrom("requests")
    .select(["id", "tracking_no", "agency_id", "due_on"])
    .where("status", "<>", "closed")
    .orderBy("id")
    .execute();
}
