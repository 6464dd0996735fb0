import { describe, expect, it } from "vitest";
import type { AnnualReport } from "../report/report-model.ts";
import type { CheckContext } from "./check-context.ts";
import {
  referenceReport,
  ruleIds,
  withCell,
  withRow,
  withSections,
  withSectionText,
} from "./reference-report.test-helper.ts";
import { CHECKS, capFindings, MAX_FINDINGS_PER_RULE, runChecks } from "./run-checks.ts";

const ref = referenceReport();
const lastYear: AnnualReport = { ...ref, year: 2021 };
const [s1, s2, s3, s4, s5, s6] = ref.sections;
const only = (...list: (typeof s1)[]) => list.filter((s) => s !== undefined);

/** The rule IDs runChecks reports for a report. */
const rules = (report: AnnualReport, context: CheckContext = {}) => ruleIds(runChecks(report, context));

describe("runChecks on the reference report and its mutations", () => {
  it("C-1 … C-12 find nothing in the reference report (with last year's report and a timely date)", () => {
    expect(runChecks(ref, {})).toEqual([]);
    expect(runChecks(ref, { previous: lastYear, publishedOn: "2023-01-20" })).toEqual([]);
  });

  it("C-1 C-3 catch 本年新收 总计 changed (and nothing else)", () => {
    expect(rules(withCell(ref, "new", 6, 4))).toEqual(["C-1", "C-3"]);
  });

  it("C-2 C-3 catch one result cell changed (and nothing else)", () => {
    expect(rules(withCell(ref, "granted", 0, 1))).toEqual(["C-2", "C-3"]);
  });

  it("C-3 alone catches rows whose 总计 misses a column", () => {
    const report = withRow(
      withRow(ref, "carriedOver", [0, 1, 0, 0, 0, 0, 0]),
      "carriedForward",
      [0, 1, 0, 0, 0, 0, 0],
    );
    expect(rules(report)).toEqual(["C-3"]);
  });

  it("C-4 alone catches a broken table 四 group", () => {
    const review = { ...ref.review, reconsideration: { ...ref.review.reconsideration, upheld: 1 } };
    expect(rules({ ...ref, review })).toEqual(["C-4"]);
  });

  it("C-5 alone catches a malformed fee and a negative count", () => {
    expect(rules({ ...ref, proactive: { ...ref.proactive, fees: "1,014.5589" } })).toEqual(["C-5"]);
    expect(rules({ ...ref, proactive: { ...ref.proactive, penalty: -1578 } })).toEqual(["C-5"]);
  });

  it("C-6 alone catches the 2019 format", () => {
    expect(rules({ ...ref, format: "2019" })).toEqual(["C-6"]);
  });

  it("C-7 alone catches last year's carried-forward row differing", () => {
    const previous = withRow(lastYear, "carriedForward", [2, 0, 0, 0, 0, 0, 2]);
    expect(rules(ref, { previous })).toEqual(["C-7"]);
  });

  it("C-8 alone catches a 现行有效 count that does not follow from last year's", () => {
    const previous = {
      ...lastYear,
      proactive: { ...lastYear.proactive, regulations: { issued: 0, abolished: 0, valid: 2 } },
    };
    expect(rules(ref, { previous })).toEqual(["C-8"]);
  });

  it("C-9 alone catches a prose number changed (共办理依申请公开政府信息 4 件)", () => {
    const report = withSectionText(ref, "一", (t) => t.replace("政府信息 3 件", "政府信息 4 件"));
    expect(rules(report)).toEqual(["C-9"]);
  });

  it("C-10 alone catches section 六 without the fee statement", () => {
    expect(rules(withSectionText(ref, "六", () => "无。"))).toEqual(["C-10"]);
  });

  it("C-11 alone catches a heading removed, headings swapped, a wrong numeral", () => {
    expect(rules(withSections(ref, only(s1, s2, s3, s4, s6)))).toEqual(["C-11"]);
    expect(rules(withSections(ref, only(s1, s3, s2, s4, s5, s6)))).toEqual(["C-11"]);
    expect(rules(withSections(ref, only(s1, s2, s3, s4, s5 && { ...s5, no: "四" }, s6)))).toEqual(["C-11"]);
  });

  it("C-10 C-11 both catch a missing section 六", () => {
    expect(rules(withSections(ref, only(s1, s2, s3, s4, s5)))).toEqual(["C-10", "C-11"]);
  });

  it("C-12 alone catches a department publishing on 2023-02-15", () => {
    expect(rules(ref, { publishedOn: "2023-02-15" })).toEqual(["C-12"]);
  });

  it("C-1 … C-12 run in rule order, each finding under its own rule", () => {
    expect(CHECKS.map((c) => c.rule)).toEqual(Array.from({ length: 12 }, (_, i) => `C-${i + 1}`));
    const broken = withSectionText(withCell({ ...ref, format: "2019" }, "new", 6, 4), "六", () => "无。");
    const findings = runChecks(broken, { publishedOn: "2023-02-15" });
    expect(findings.map((f) => f.rule)).toEqual(["C-1", "C-3", "C-6", "C-10", "C-12"]);
    for (const { rule, check } of CHECKS) {
      expect(check(broken, { publishedOn: "2023-02-15" }).every((f) => f.rule === rule)).toBe(true);
    }
  });
});

describe("runChecks bounds its answer (issue #9: no anonymous input may make the answer huge)", () => {
  it("lists at most MAX_FINDINGS_PER_RULE findings of C-9 and counts the rest in one more", () => {
    const claims = Array.from({ length: 300 }, (_, i) => `本年度共收到政府信息公开申请${i + 10}件。`).join(
      "",
    );
    const report = withSectionText(ref, "一", (text) => `${text}${claims}`);
    const c9 = runChecks(report).filter((f) => f.rule === "C-9");
    expect(c9).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    const last = c9[c9.length - 1];
    expect(last?.severity).toBe("error");
    expect(last?.message).toMatch(/^C-9 另有 \d+ 处同类问题未逐一列出/);
    expect(last?.actual).toBeGreaterThan(0);
  });

  it("leaves a rule with few findings as it is", () => {
    const findings = runChecks(withCell(ref, "new", 6, 4));
    expect(capFindings("C-1", findings)).toEqual(findings);
  });
});
