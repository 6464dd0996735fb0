import { describe, expect, it } from "vitest";
import { referenceReport, withCell } from "./reference-report.test-helper.ts";
import { checkReportFormat, checkValueDomains } from "./value-checks.ts";

const ref = referenceReport();

describe("value checks (C-5, C-6)", () => {
  it("C-5 flags negative and non-integer counts with where they were read", () => {
    const report = {
      ...withCell(ref, "granted", 1, -1),
      proactive: { ...ref.proactive, licensing: 641.5, regulations: { issued: 0, abolished: 0, valid: -2 } },
    };
    const findings = checkValueDomains(report, { locations: { "proactive.licensing": "第 41 行" } });
    expect(findings.map((f) => [f.rule, f.severity, f.where, f.actual])).toEqual([
      ["C-5", "error", "表二「第二十条第（一）项」「规章」行「现行有效件数」列", -2],
      ["C-5", "error", "表二「第二十条第（五）项」「行政许可」行「本年处理决定数量」列 · 第 41 行", 641.5],
      ["C-5", "error", "表三「（一）予以公开」行「商业企业」列", -1],
    ]);
    expect(findings[1]?.message).toContain("641.5 不是非负整数");
  });

  it("C-5 flags a fee that is not a non-negative decimal, and skips unread values", () => {
    for (const fees of ["1,014.5589", "-3", "约1014万", "1014."]) {
      const findings = checkValueDomains({ ...ref, proactive: { ...ref.proactive, fees } }, {});
      expect(findings.map((f) => [f.rule, f.actual])).toEqual([["C-5", fees]]);
    }
    const unread = {
      ...withCell(ref, "new", 0, null),
      proactive: { ...ref.proactive, fees: null, penalty: null },
    };
    expect(checkValueDomains(unread, {})).toEqual([]);
    expect(checkValueDomains({ ...ref, proactive: { ...ref.proactive, fees: "0" } }, {})).toEqual([]);
  });

  it("C-6 flags the withdrawn 2019 trial format and an unrecognised structure", () => {
    expect(checkReportFormat(ref, {})).toEqual([]);
    const outdated = checkReportFormat({ ...ref, format: "2019" }, {});
    expect(outdated).toEqual([
      {
        rule: "C-6",
        severity: "error",
        where: "报告格式",
        expected: "2021",
        actual: "2019",
        message: "使用了已废止的 2019 年试行格式（国办公开办函〔2019〕60号），应使用 2021 年格式",
      },
    ]);
    const unknown = checkReportFormat({ ...ref, format: "unknown" }, {});
    expect(unknown[0]?.message).toContain("不符合 2021 年格式");
  });
});
