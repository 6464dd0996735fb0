import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkReviewTotals } from "../checks/arithmetic-checks.ts";
import { emptyReport, REVIEW_GROUPS } from "../report/report-model.ts";
import {
  computeReviewTable,
  REVIEW_RESULTS,
  type ReviewCaseForTable,
  reviewCaseProblem,
} from "./review-counts.ts";

const day = (n: number) => new Date(Date.UTC(2019, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

const casesArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...REVIEW_GROUPS),
      filed: fc.integer({ min: 0, max: 6 * 365 }),
      duration: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
      result: fc.constantFrom(...REVIEW_RESULTS),
    }),
    { maxLength: 60 },
  )
  .map((raw) =>
    raw.map(
      (r, i): ReviewCaseForTable => ({
        id: i + 1,
        kind: r.kind,
        filedOn: day(r.filed),
        decidedOn: r.duration === null ? null : day(r.filed + r.duration),
        result: r.duration === null ? null : r.result,
      }),
    ),
  );

describe("table 四 from the reconsideration and litigation cases", () => {
  it("the sample: no case gives fifteen zeros", () => {
    const { table } = computeReviewTable([], 2022);
    for (const g of REVIEW_GROUPS)
      expect(table[g]).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  });

  it("[P] a case open over New Year counts as 尚未审结 in its filing year and under its result the next", () => {
    const cases: ReviewCaseForTable[] = [
      { id: 1, kind: "reconsideration", filedOn: "2022-11-20", decidedOn: "2023-01-15", result: "corrected" },
      { id: 2, kind: "litigationDirect", filedOn: "2022-03-01", decidedOn: "2022-08-01", result: "upheld" },
      { id: 3, kind: "litigationAfterReconsideration", filedOn: "2021-05-01", decidedOn: null, result: null },
    ];
    const y2022 = computeReviewTable(cases, 2022);
    expect(y2022.table.reconsideration).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(y2022.ids.reconsideration.pending).toEqual([1]);
    expect(y2022.table.litigationDirect).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(y2022.table.litigationAfterReconsideration.pending).toBe(1);
    const y2023 = computeReviewTable(cases, 2023);
    expect(y2023.table.reconsideration).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
    expect(y2023.table.litigationDirect.total).toBe(0);
    expect(computeReviewTable(cases, 2020).table.litigationAfterReconsideration.total).toBe(0);
  });

  it("C-4 holds by construction for random cases and years", () => {
    fc.assert(
      fc.property(casesArb, fc.integer({ min: 2018, max: 2026 }), (cases, year) => {
        const review = computeReviewTable(cases, year).table;
        expect(checkReviewTotals({ ...emptyReport(), year, review }, {})).toEqual([]);
      }),
    );
  });

  it("[P] every concluded case is counted under its result exactly once over all years", () => {
    fc.assert(
      fc.property(casesArb, (cases) => {
        const counted = new Map<number, number>();
        for (let year = 2018; year <= 2027; year++) {
          const { ids } = computeReviewTable(cases, year);
          for (const g of REVIEW_GROUPS) {
            for (const r of REVIEW_RESULTS)
              for (const id of ids[g][r]) counted.set(id, (counted.get(id) ?? 0) + 1);
          }
        }
        for (const c of cases) expect(counted.get(c.id) ?? 0).toBe(c.result === null ? 0 : 1);
      }),
    );
  });

  it("refuses cases whose dates and result disagree", () => {
    expect(reviewCaseProblem("2022-05-01", "2022-04-01", "upheld")).toMatch("不能早于");
    expect(reviewCaseProblem("2022-05-01", null, "upheld")).toMatch("审结日期");
    expect(reviewCaseProblem("2022-05-01", "2022-06-01", null)).toMatch("结果");
    expect(reviewCaseProblem("2022-05-01", null, null)).toBeNull();
  });
});
