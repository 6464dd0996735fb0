/**
 * Table 四 for an agency and a year, from its reconsideration and litigation cases, with the case ids behind
 * every cell — for the annual report assembler and the API.
 */
import type { Kysely, Transaction } from "kysely";
import { computeReviewTable, type ReviewGroupIds } from "../core/registry/review-counts.ts";
import type { ReviewGroupKey, ReviewTable } from "../core/report/report-model.ts";
import type { Schema } from "../db/schema.ts";
import { listReviewCases } from "./litigation.repository.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** Table 四 with drill-down. */
export interface Table4Result {
  readonly agencyId: number;
  readonly year: number;
  /** The model's table 四 (C-4 holds by construction). */
  readonly review: ReviewTable;
  /** Case ids behind each cell: cases[group][field]. */
  readonly cases: Readonly<Record<ReviewGroupKey, ReviewGroupIds>>;
  /** The counting convention [P], in Chinese, to show beside the table. */
  readonly convention: string;
}

/** The convention of computeReviewTable, as users read it. */
export const TABLE4_CONVENTION =
  "统计口径（平台约定）：案件在其办理期间的每个年度统计——当年审结的按结果计入“维持/纠正/其他”，截至 12 月 31 日尚未审结的计入“尚未审结”；跨年案件在审结年度按结果再计一次。";

/** Table 四 of the agency for the year, with drill-down. */
export async function computeTable4(db: Db, agencyId: number, year: number): Promise<Table4Result> {
  const cases = await listReviewCases(db, agencyId, year);
  const { table, ids } = computeReviewTable(cases, year);
  return { agencyId, year, review: table, cases: ids, convention: TABLE4_CONVENTION };
}
