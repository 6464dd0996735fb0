/**
 * The litigation API's answers (reconsideration and litigation cases about disclosure, and table 四 with
 * the cases behind each value). Imports only TypeBox, src/core and other contracts.
 */
import { type Static, Type } from "@sinclair/typebox";
import { REVIEW_CASE_KINDS, REVIEW_RESULTS } from "../core/registry/review-counts.ts";
import type { ReviewTable } from "../core/report/report-model.ts";
import { CoreModel, DateText, Id, Instant, Nullable } from "./common.contract.ts";

/** 复议, 直接起诉, 复议后起诉 (the table 四 groups). */
export const ReviewCaseKind = Type.Union(REVIEW_CASE_KINDS.map((k) => Type.Literal(k)));
/** 复议, 直接起诉, 复议后起诉 (the table 四 groups). */
export type ReviewCaseKind = Static<typeof ReviewCaseKind>;

/** 维持, 纠正, 其他. */
export const ReviewResult = Type.Union(REVIEW_RESULTS.map((r) => Type.Literal(r)));
/** 维持, 纠正, 其他. */
export type ReviewResult = Static<typeof ReviewResult>;

/** A reconsideration or litigation case. */
export const ReviewCase = Type.Object({
  id: Id,
  agencyId: Id,
  requestId: Nullable(Id),
  kind: ReviewCaseKind,
  kindName: Type.String(),
  caseNo: Type.String(),
  applicantName: Type.String(),
  filedOn: DateText,
  decidedOn: Nullable(DateText),
  result: Nullable(ReviewResult),
  resultName: Type.String(),
  note: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
});
/** A reconsideration or litigation case. */
export type ReviewCase = Static<typeof ReviewCase>;

/** Answer of GET /api/litigation. */
export const ReviewCaseList = Type.Object({ items: Type.Array(ReviewCase) });
/** Answer of GET /api/litigation. */
export type ReviewCaseList = Static<typeof ReviewCaseList>;

/** The case ids behind each value of a table 四 group, by field (upheld, corrected, other, pending, total). */
const GroupIds = Type.Record(Type.String(), Type.Array(Id));

/** Answer of GET /api/litigation/table: table 四 of a year with the cases behind each value. */
export const Table4Result = Type.Object({
  agencyId: Id,
  year: Type.Integer(),
  review: CoreModel<ReviewTable>(
    "表四：三组（行政复议、直接起诉、复议后起诉），每组维持、纠正、其他、尚未审结、总计",
  ),
  cases: Type.Record(Type.String(), GroupIds),
  convention: Type.String(),
});
/** Answer of GET /api/litigation/table. */
export type Table4Result = Static<typeof Table4Result>;
