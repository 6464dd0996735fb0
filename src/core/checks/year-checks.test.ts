import { describe, expect, it } from "vitest";
import { referenceReport, withRow } from "./reference-report.test-helper.ts";
import { checkCarriedOver, checkValidRules } from "./year-checks.ts";

const ref = referenceReport();
const lastYear = { ...ref, year: 2021 };

describe("year checks (C-7, C-8)", () => {
  it("C-7 flags each column where this year's carried-over differs from last year's carried forward", () => {
    const previous = withRow(lastYear, "carriedForward", [1, 0, 0, 0, 0, 0, 1]);
    const findings = checkCarriedOver(ref, {
      previous,
      locations: { "applications.carriedOver.0": "第 44 行" },
    });
    expect(findings.map((f) => [f.rule, f.severity, f.where, f.expected, f.actual])).toEqual([
      ["C-7", "warning", "表三「二、上年结转政府信息公开申请数量」行「自然人」列 · 第 44 行", 1, 0],
      ["C-7", "warning", "表三「二、上年结转政府信息公开申请数量」行「总计」列", 1, 0],
    ]);
    expect(findings[1]?.message).toBe(
      "表三「总计」列：本年「上年结转」(0) ≠ 上年报告「结转下年度继续办理」(1)",
    );
  });

  it("C-7 needs last year's report, of the year before, and skips unread cells", () => {
    const previous = withRow(lastYear, "carriedForward", [1, 0, 0, 0, 0, 0, 1]);
    expect(checkCarriedOver(ref, {})).toEqual([]);
    expect(checkCarriedOver(ref, { previous: { ...previous, year: 2020 } })).toEqual([]);
    expect(
      checkCarriedOver(ref, { previous: withRow(previous, "carriedForward", [null, 0, 0, 0, 0, 0, null]) }),
    ).toEqual([]);
    expect(checkCarriedOver(ref, { previous: lastYear })).toEqual([]);
  });

  it("C-8 reports the exact difference between 现行有效 and last year's stock + issued − abolished", () => {
    const previous = {
      ...lastYear,
      proactive: { ...lastYear.proactive, normativeDocuments: { issued: 0, abolished: 0, valid: 4 } },
    };
    const report = {
      ...ref,
      proactive: { ...ref.proactive, normativeDocuments: { issued: 1, abolished: 2, valid: 1 } },
    };
    const findings = checkValidRules(report, { previous });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "C-8",
      severity: "warning",
      where: "表二「第二十条第（一）项」「行政规范性文件」行「现行有效件数」列",
      expected: 3,
      actual: 1,
    });
    expect(findings[0]?.message).toContain(
      "上年现行有效(4) + 本年制发(1) − 本年废止(2) = 3，本年现行有效为 1（相差 -2",
    );
    expect(checkValidRules(ref, { previous: lastYear })).toEqual([]);
    expect(checkValidRules(report, {})).toEqual([]);
  });
});
