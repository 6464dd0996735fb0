import { describe, expect, it } from "vitest";
import type { AnnualReport } from "../core/report/report-model.ts";
import { APPLICATION_ROW_KEYS, emptyReport } from "../core/report/report-model.ts";
import { writeJson } from "./json-writer.ts";
import { sampleReport } from "./sample-report.test-helper.ts";

describe("writeJson", () => {
  it("parses back deep-equal to the model, fees kept as the exact string", () => {
    const report = sampleReport();
    const parsed = JSON.parse(writeJson(report)) as AnnualReport;
    expect(parsed).toEqual(report);
    expect(parsed.proactive.fees).toBe("1014.5589");
    expect(parsed.applications["denied.internalAffairs"]).toEqual([3, 0, 0, 0, 0, 0, 3]);
  });

  it("keeps the key order of the interchange format whatever order the model was built in", () => {
    const report = sampleReport();
    const reversed: AnnualReport = {
      findings: [{ message: "m", actual: 1, expected: 2, where: "表三", severity: "error", rule: "C-1" }],
      review: {
        litigationAfterReconsideration: report.review.litigationAfterReconsideration,
        litigationDirect: report.review.litigationDirect,
        reconsideration: { total: 0, pending: 0, other: 0, corrected: 0, upheld: 0 },
      },
      applications: Object.fromEntries(Object.entries(report.applications).reverse()),
      proactive: { ...report.proactive },
      sections: report.sections,
      year: 2022,
      agency: "公安局",
      format: "2021",
    };
    const json = writeJson(reversed);
    const parsed = JSON.parse(json) as Record<string, unknown> & AnnualReport;
    expect(Object.keys(parsed)).toEqual([
      "format",
      "agency",
      "year",
      "sections",
      "proactive",
      "applications",
      "review",
      "findings",
    ]);
    expect(Object.keys(parsed.applications)).toEqual(APPLICATION_ROW_KEYS);
    expect(Object.keys(parsed.review)).toEqual([
      "reconsideration",
      "litigationDirect",
      "litigationAfterReconsideration",
    ]);
    expect(Object.keys(parsed.review.reconsideration)).toEqual([
      "upheld",
      "corrected",
      "other",
      "pending",
      "total",
    ]);
    expect(Object.keys(parsed.findings[0] ?? {})).toEqual([
      "rule",
      "severity",
      "where",
      "expected",
      "actual",
      "message",
    ]);
    expect(json.startsWith('{\n  "format": "2021",\n  "agency": "公安局",\n  "year": 2022,\n')).toBe(true);
  });

  it("writes all 25 rows of table 三, a missing one as seven nulls", () => {
    const { new: _dropped, ...rest } = sampleReport().applications;
    const parsed = JSON.parse(writeJson({ ...sampleReport(), applications: rest })) as AnnualReport;
    expect(Object.keys(parsed.applications)).toHaveLength(25);
    expect(parsed.applications.new).toEqual([null, null, null, null, null, null, null]);
  });

  it("writes unknown values as null", () => {
    expect(JSON.parse(writeJson(emptyReport()))).toEqual(emptyReport());
  });
});
