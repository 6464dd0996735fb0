/**
 * Commands of the reconsideration and litigation cases: create and change (dates and result consistent; the
 * linked request, when given, must be one of the agency's), each with a trail entry in the same transaction.
 */
import type { Transaction } from "kysely";
import { isCalendarDate } from "../core/registry/decision-row.ts";
import { registryError } from "../core/registry/registry-errors.ts";
import { reviewCaseProblem } from "../core/registry/review-counts.ts";
import type { Database } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import {
  insertReviewCase,
  type ReviewCase,
  type ReviewCaseValues,
  requestAgency,
  updateReviewCase,
} from "./litigation.repository.ts";

/** The values trimmed and checked; throws INVALID_RECORD with the reason. */
function checked(v: ReviewCaseValues): ReviewCaseValues {
  if (!isCalendarDate(v.filedOn))
    throw registryError("INVALID_RECORD", `立案（申请）日期“${v.filedOn}”无效，应为 YYYY-MM-DD`);
  if (v.decidedOn !== null && !isCalendarDate(v.decidedOn)) {
    throw registryError("INVALID_RECORD", `审结日期“${v.decidedOn}”无效，应为 YYYY-MM-DD`);
  }
  const problem = reviewCaseProblem(v.filedOn, v.decidedOn, v.result);
  if (problem) throw registryError("INVALID_RECORD", problem);
  return { ...v, caseNo: v.caseNo.trim(), applicantName: v.applicantName.trim(), note: v.note.trim() };
}

/** Refuses a linked request that does not exist or belongs to another agency. */
async function checkRequestLink(
  trx: Transaction<Schema>,
  agencyId: number,
  requestId: number | null,
): Promise<void> {
  if (requestId === null) return;
  if ((await requestAgency(trx, requestId)) !== agencyId) throw registryError("UNKNOWN_REQUEST");
}

/** Registers a case; trail `litigation.case.create`. */
export async function createReviewCase(
  database: Database,
  agencyId: number,
  input: ReviewCaseValues,
  actor: Actor,
): Promise<ReviewCase> {
  const values = checked(input);
  return database.db.transaction().execute(async (trx) => {
    await checkRequestLink(trx, agencyId, values.requestId);
    const now = new Date().toISOString();
    const after = await insertReviewCase(trx, agencyId, values, now);
    const change = {
      agencyId,
      action: "litigation.case.create",
      entityType: "review_case",
      entityId: after.id,
      after,
    };
    await recordChange(trx, database.dialect, actor, { ...change, at: now });
    return after;
  });
}

/** Changes a case (any subset of its fields); trail `litigation.case.update` with before and after. */
export async function changeReviewCase(
  database: Database,
  before: ReviewCase,
  patch: Partial<ReviewCaseValues>,
  actor: Actor,
): Promise<ReviewCase> {
  const { id: _i, agencyId, createdAt: _c, updatedAt: _u, ...current } = before;
  const values = checked({ ...current, ...patch });
  return database.db.transaction().execute(async (trx) => {
    await checkRequestLink(trx, agencyId, values.requestId);
    const now = new Date().toISOString();
    const after = await updateReviewCase(trx, before.id, values, now);
    const change = {
      agencyId,
      action: "litigation.case.update",
      entityType: "review_case",
      entityId: before.id,
      before,
      after,
    };
    await recordChange(trx, database.dialect, actor, { ...change, at: now });
    return after;
  });
}
