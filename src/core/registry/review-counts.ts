/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况) from the reconsideration and litigation cases, with the case ids
 * behind every cell.
 */
import type { ReviewGroup, ReviewGroupKey, ReviewTable } from "../report/report-model.ts";

/** The kinds of case, which are the groups of table 四. */
export const REVIEW_CASE_KINDS = [
  "reconsideration",
  "litigationDirect",
  "litigationAfterReconsideration",
] as const;

/** A kind of case: 行政复议, 直接起诉 (未经复议), 复议后起诉. */
export type ReviewCaseKind = ReviewGroupKey;

/** Chinese names of the case kinds. */
export const REVIEW_CASE_KIND_NAMES: Readonly<Record<ReviewCaseKind, string>> = {
  reconsideration: "行政复议",
  litigationDirect: "行政诉讼（未经复议直接起诉）",
  litigationAfterReconsideration: "行政诉讼（复议后起诉）",
};

/** The results of a concluded case (维持, 纠正, 其他); an open case has none. */
export const REVIEW_RESULTS = ["upheld", "corrected", "other"] as const;

/** A result of a concluded case. */
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/** Chinese names of the results. */
export const REVIEW_RESULT_NAMES: Readonly<Record<ReviewResult | "pending", string>> = {
  upheld: "维持",
  corrected: "纠正",
  other: "其他",
  pending: "尚未审结",
};

/** What the table needs of a case. */
export interface ReviewCaseForTable {
  readonly id: number;
  readonly kind: ReviewCaseKind;
  /** The day the reconsideration was applied for or the suit filed (YYYY-MM-DD). */
  readonly filedOn: string;
  /** The day the decision or judgment was made, or null while open. */
  readonly decidedOn: string | null;
  /** The result, null exactly when the case is open. */
  readonly result: ReviewResult | null;
}

/** The case ids behind the cells of one group. */
export type ReviewGroupIds = Readonly<Record<keyof ReviewGroup, number[]>>;

/** Table 四 with the ids behind each cell. */
export interface ReviewTableWithIds {
  readonly table: ReviewTable;
  readonly ids: Readonly<Record<ReviewGroupKey, ReviewGroupIds>>;
}

/** The problem of a case's dates and result, or null when they agree. */
export function reviewCaseProblem(
  filedOn: string,
  decidedOn: string | null,
  result: ReviewResult | null,
): string | null {
  if (decidedOn !== null && decidedOn < filedOn) return "审结日期不能早于立案（申请）日期";
  if (decidedOn === null && result !== null) return "已有审结结果的案件须填写审结日期";
  if (decidedOn !== null && result === null) return "已审结的案件须填写结果（维持、纠正或其他）";
  return null;
}

/**
 * Table 四 for a year. Which year a case counts in [P] (the national format says nothing; this is the
 * platform's convention, shown in the table's explanation): a case counts in every year during which it was
 * being handled — filed on or before 31 December and not concluded before 1 January. In the year it is
 * concluded it counts under its result (维持/纠正/其他); in a year at whose end it is still open it counts as
 * 尚未审结. So each case appears with its result exactly once, a case open over New Year appears in both years,
 * and nothing concluded is ever lost. 总计 is the sum of the four (C-4 by construction).
 */
export function computeReviewTable(cases: readonly ReviewCaseForTable[], year: number): ReviewTableWithIds {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const emptyIds = (): Record<keyof ReviewGroup, number[]> => ({
    upheld: [],
    corrected: [],
    other: [],
    pending: [],
    total: [],
  });
  const ids = {
    reconsideration: emptyIds(),
    litigationDirect: emptyIds(),
    litigationAfterReconsideration: emptyIds(),
  };
  for (const c of cases) {
    if (c.filedOn > last) continue;
    if (c.decidedOn !== null && c.decidedOn < first) continue;
    const concluded = c.decidedOn !== null && c.decidedOn <= last && c.result !== null;
    const group = ids[c.kind];
    group[concluded ? (c.result as ReviewResult) : "pending"].push(c.id);
    group.total.push(c.id);
  }
  const counts = (g: ReviewGroupIds): ReviewGroup => ({
    upheld: g.upheld.length,
    corrected: g.corrected.length,
    other: g.other.length,
    pending: g.pending.length,
    total: g.upheld.length + g.corrected.length + g.other.length + g.pending.length,
  });
  return {
    table: {
      reconsideration: counts(ids.reconsideration),
      litigationDirect: counts(ids.litigationDirect),
      litigationAfterReconsideration: counts(ids.litigationAfterReconsideration),
    },
    ids,
  };
}
