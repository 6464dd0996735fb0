import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkValidRules } from "../checks/year-checks.ts";
import { emptyReport } from "../report/report-model.ts";
import { computeRuleCounts, RULE_KINDS, type RuleForTable, ruleEntryProblem } from "./rule-counts.ts";

const day = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Random registers over 2015–2026: each rule issued some day and perhaps ceased later (never before). */
const rulesArb = fc.array(
  fc.record({
    kind: fc.constantFrom(...RULE_KINDS),
    issued: fc.integer({ min: 0, max: 12 * 365 }),
    lasted: fc.option(fc.integer({ min: 0, max: 6 * 365 }), { nil: null }),
  }),
  { maxLength: 80 },
);

/** The report's table 二 (一) for a year from the register. */
function reportOf(rules: RuleForTable[], year: number) {
  const base = emptyReport();
  return {
    ...base,
    year,
    proactive: {
      ...base.proactive,
      regulations: computeRuleCounts(rules, "regulation", year).counts,
      normativeDocuments: computeRuleCounts(rules, "normativeDocument", year).counts,
    },
  };
}

describe("table 二 (一) from the register of 规章 and 行政规范性文件", () => {
  it("counts the sample's 行政规范性文件 0 issued, 0 abolished, 1 valid for 2022", () => {
    const rules: RuleForTable[] = [
      { id: 1, kind: "normativeDocument", issuedOn: "2019-06-01", abolishedOn: null },
      { id: 2, kind: "normativeDocument", issuedOn: "2018-03-01", abolishedOn: "2021-12-31" },
      { id: 3, kind: "normativeDocument", issuedOn: "2023-01-01", abolishedOn: null },
    ];
    expect(computeRuleCounts(rules, "normativeDocument", 2022)).toEqual({
      counts: { issued: 0, abolished: 0, valid: 1 },
      ids: { issued: [], abolished: [], valid: [1] },
    });
    expect(computeRuleCounts(rules, "regulation", 2022).counts).toEqual({
      issued: 0,
      abolished: 0,
      valid: 0,
    });
    expect(computeRuleCounts(rules, "normativeDocument", 2021).counts).toEqual({
      issued: 0,
      abolished: 1,
      valid: 1,
    });
  });

  it("counts a document issued and abolished in the same year in both columns and not as valid", () => {
    const rules: RuleForTable[] = [
      { id: 7, kind: "regulation", issuedOn: "2022-02-01", abolishedOn: "2022-11-30" },
    ];
    expect(computeRuleCounts(rules, "regulation", 2022).counts).toEqual({
      issued: 1,
      abolished: 1,
      valid: 0,
    });
  });

  it("C-8 holds by construction: 现行有效 = 上年现行有效 + 本年制发 − 本年废止 for random registers and years", () => {
    fc.assert(
      fc.property(rulesArb, fc.integer({ min: 2015, max: 2027 }), (raw, year) => {
        const rules = raw.map(
          (r, i): RuleForTable => ({
            id: i + 1,
            kind: r.kind,
            issuedOn: day(r.issued),
            abolishedOn: r.lasted === null ? null : day(r.issued + r.lasted),
          }),
        );
        const findings = checkValidRules(reportOf(rules, year), { previous: reportOf(rules, year - 1) });
        expect(findings).toEqual([]);
      }),
    );
  });

  it("C-8 check does fire when a register entry is counted inconsistently (the property can fail)", () => {
    const previous = reportOf(
      [{ id: 1, kind: "regulation", issuedOn: "2020-01-01", abolishedOn: null }],
      2021,
    );
    const current = reportOf([], 2022);
    expect(checkValidRules(current, { previous }).map((f) => f.rule)).toEqual(["C-8"]);
  });

  it("refuses entries whose dates and validity disagree", () => {
    expect(ruleEntryProblem("2022-05-01", "2022-04-30", "abolished")).toMatch("不能早于");
    expect(ruleEntryProblem("2022-05-01", "2023-01-01", "valid")).toMatch("不应有");
    expect(ruleEntryProblem("2022-05-01", null, "amended")).toMatch("须填写");
    expect(ruleEntryProblem("2022-05-01", "2022-05-01", "expired")).toBeNull();
    expect(ruleEntryProblem("2022-05-01", null, "valid")).toBeNull();
  });
});
