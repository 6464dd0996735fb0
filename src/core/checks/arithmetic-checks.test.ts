import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APPLICATION_ROW_KEYS, APPLICATION_ROWS, type ApplicationRow } from "../report/report-model.ts";
import {
  checkApplicationBalance,
  checkApplicationResultTotals,
  checkApplicationRowTotals,
  checkReviewTotals,
} from "./arithmetic-checks.ts";
import { referenceReport, withCell, withRow } from "./reference-report.test-helper.ts";

const ref = referenceReport();

describe("arithmetic checks (C-1 … C-4)", () => {
  it("C-1 flags a column where new + carried over ≠ processed + carried forward", () => {
    const report = withRow(
      withRow(ref, "totalProcessed", [2, 0, 0, 0, 0, 0, 2]),
      "denied.internalAffairs",
      [2, 0, 0, 0, 0, 0, 2],
    );
    const findings = checkApplicationBalance(report, {
      locations: { "applications.totalProcessed.6": "第 57 行" },
    });
    expect(findings.map((f) => f.where)).toEqual(["表三「自然人」列", "表三「总计」列 · 第 57 行"]);
    expect(findings[1]).toMatchObject({ rule: "C-1", severity: "error", expected: 3, actual: 2 });
    expect(findings[1]?.message).toBe(
      "表三「总计」列：本年新收(3) + 上年结转(0) ≠ 办理结果总计(2) + 结转下年度(0)",
    );
  });

  it("C-1 skips a column with a value that could not be read", () => {
    expect(checkApplicationBalance(withCell(ref, "new", 6, null), {})).toEqual([]);
    expect(checkApplicationBalance(withCell(withCell(ref, "new", 0, null), "new", 6, 9), {})).toHaveLength(1);
  });

  it("C-2 flags a column whose （七）总计 is not the sum of the 21 result rows", () => {
    const report = withRow(ref, "granted", [1, 0, 0, 0, 0, 0, 1]);
    const findings = checkApplicationResultTotals(report, {});
    expect(findings.map((f) => [f.where, f.expected, f.actual])).toEqual([
      ["表三「（七）总计」行「自然人」列", 4, 3],
      ["表三「（七）总计」行「总计」列", 4, 3],
    ]);
    expect(findings[0]?.message).toBe("表三「自然人」列：21 项办理结果之和(4) ≠ （七）总计(3)");
    expect(checkApplicationResultTotals(withCell(report, "other.other", 0, null), {})).toHaveLength(1);
  });

  it("C-3 flags a row whose 总计 is not the sum of the six applicant columns", () => {
    const findings = checkApplicationRowTotals(withCell(ref, "granted", 2, 1), {});
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "C-3",
      where: "表三「（一）予以公开」行「总计」列",
      expected: 1,
      actual: 0,
    });
    expect(findings[0]?.message).toContain("科研机构(1)");
    expect(
      checkApplicationRowTotals(withCell(withCell(ref, "granted", 2, 1), "granted", 6, null), {}),
    ).toEqual([]);
  });

  it("C-4 flags a table 四 group whose parts do not add up to 总计", () => {
    const report = {
      ...ref,
      review: {
        ...ref.review,
        litigationDirect: { upheld: 1, corrected: 0, other: 1, pending: 0, total: 1 },
      },
    };
    const findings = checkReviewTotals(report, {});
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "C-4",
      severity: "error",
      where: "表四「行政诉讼（未经复议直接起诉）」「总计」",
      expected: 2,
      actual: 1,
    });
    const unread = {
      ...report,
      review: { ...report.review, litigationDirect: { ...report.review.litigationDirect, other: null } },
    };
    expect(checkReviewTotals(unread, {})).toEqual([]);
  });

  it("C-1 C-2 C-3 hold on any consistent table 三 and break when any one cell changes", () => {
    const leafKeys = APPLICATION_ROWS.filter((r) => r.leaf).map((r) => r.key);
    const counts = fc.array(fc.nat(50), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(counts, { minLength: leafKeys.length, maxLength: leafKeys.length }),
        counts,
        counts,
        fc.nat(APPLICATION_ROW_KEYS.length - 1),
        fc.nat(6),
        fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0),
        (leaves, carriedOver, carriedForward, rowPick, column, delta) => {
          const withTotal = (cells: number[]): ApplicationRow => [...cells, cells.reduce((a, b) => a + b, 0)];
          const applications: Record<string, ApplicationRow> = {};
          leafKeys.forEach((k, i) => {
            applications[k] = withTotal(leaves[i] ?? []);
          });
          const processed = [0, 1, 2, 3, 4, 5].map((c) => leaves.reduce((a, row) => a + (row[c] ?? 0), 0));
          applications.totalProcessed = withTotal(processed);
          applications.carriedOver = withTotal(
            carriedOver.map((v, c) => Math.min(v, (processed[c] ?? 0) + (carriedForward[c] ?? 0))),
          );
          applications.carriedForward = withTotal(carriedForward);
          applications.new = withTotal(
            [0, 1, 2, 3, 4, 5].map(
              (c) => (processed[c] ?? 0) + (carriedForward[c] ?? 0) - (applications.carriedOver?.[c] ?? 0),
            ),
          );
          const report = { ...ref, applications };
          const all = (r: typeof report) => [
            ...checkApplicationBalance(r, {}),
            ...checkApplicationResultTotals(r, {}),
            ...checkApplicationRowTotals(r, {}),
          ];
          expect(all(report)).toEqual([]);
          const rowKey = APPLICATION_ROW_KEYS[rowPick] ?? "new";
          const before = applications[rowKey]?.[column] ?? 0;
          expect(all(withCell(report, rowKey, column, before + delta)).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
