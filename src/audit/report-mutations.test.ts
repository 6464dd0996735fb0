import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AnnualReport } from "../core/report/report-model.ts";
import { auditReport } from "./audit-report.ts";

// Mutated copies of the reference report: each change must be caught by its rule and by nothing else.
const SAMPLE = readFileSync(new URL("../../test/fixtures/000_eb2e885bc49513d4.txt", import.meta.url), "utf8");
const LAST_YEAR = SAMPLE.replace("公安局 2022 年", "公安局 2021 年");

async function auditText(
  text: string,
  options: { previous?: string; publishedOn?: string } = {},
): Promise<AnnualReport> {
  const encode = (s: string) => new TextEncoder().encode(s);
  const result = await auditReport(
    { bytes: encode(text), fileName: "mutated.txt" },
    {
      ...(options.previous
        ? { previous: { bytes: encode(options.previous), fileName: "last-year.txt" } }
        : {}),
      ...(options.publishedOn ? { publishedOn: options.publishedOn } : {}),
    },
  );
  return result.report;
}

/** Replaces exactly one occurrence (the test fails if the text is not there once). */
function mutate(text: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === "string" ? text.split(from).length - 1 : (text.match(new RegExp(from, "g")) ?? []).length;
  expect(count, `the fixture contains ${String(from)} once`).toBe(1);
  return text.replace(from, to);
}

const ruleSet = (r: AnnualReport): string[] => [...new Set(r.findings.map((f) => f.rule))].sort();

describe("mutations of the reference report", () => {
  it("the unmodified report has no finding", async () => {
    expect((await auditText(SAMPLE)).findings).toEqual([]);
  });

  it("C-1 and C-3: the 总计 cell of 一、本年新收 changed from 3 to 4", async () => {
    const r = await auditText(
      mutate(SAMPLE, "申请数量\t\t3\t0\t0\t0\t0\t0\t3", "申请数量\t\t3\t0\t0\t0\t0\t0\t4"),
    );
    expect(ruleSet(r)).toEqual(["C-1", "C-3"]);
  });

  it("C-2 and C-3: a leaf row's 自然人 cell changed from 3 to 2", async () => {
    const r = await auditText(mutate(SAMPLE, "内部事务信息\t3\t0", "内部事务信息\t2\t0"));
    expect(ruleSet(r)).toEqual(["C-2", "C-3"]);
  });

  it("C-6: a row of table 三 deleted", async () => {
    const r = await auditText(mutate(SAMPLE, /\t\t6\.属于四类过程性信息[^\n]*\n/, ""));
    expect(ruleSet(r)).toEqual(["C-6"]);
    expect(r.findings[0]?.where).toContain("6.属于四类过程性信息");
  });

  it("C-4: table 四's reconsideration total changed", async () => {
    const r = await auditText(mutate(SAMPLE, /\n0\t0\t0\t0\t0\t0/, "\n0\t0\t0\t0\t1\t0"));
    expect(ruleSet(r)).toEqual(["C-4"]);
  });

  it("C-11: the heading 五、存在的主要问题及改进情况 removed", async () => {
    const r = await auditText(mutate(SAMPLE, "五、存在的主要问题及改进情况\n", ""));
    expect(ruleSet(r)).toEqual(["C-11"]);
  });

  it("C-11: sections 五 and 六 swapped (headings with their text)", async () => {
    const five = SAMPLE.indexOf("五、存在的主要问题及改进情况");
    const six = SAMPLE.indexOf("六、其他需要报告的事项");
    const swapped = `${SAMPLE.slice(0, five)}${SAMPLE.slice(six).trimEnd()}\n\n${SAMPLE.slice(five, six)}`;
    expect(ruleSet(await auditText(swapped))).toEqual(["C-11"]);
  });

  it("C-9: the prose says 4 requests where the tables say 3, and the finding quotes the sentence", async () => {
    const r = await auditText(
      mutate(SAMPLE, "共办理依申请公开政府信息 3 件", "共办理依申请公开政府信息 4 件"),
    );
    expect(ruleSet(r)).toEqual(["C-9"]);
    expect(r.findings[0]?.message).toContain("共办理依申请公开政府信息 4 件");
    expect(r.findings[0]?.actual).toBe(4);
  });

  it("C-10: section 六 no longer states the processing fee", async () => {
    const r = await auditText(
      mutate(SAMPLE, "2022年未收取信息公开处理费用。", "2022年无其他需要报告的事项。"),
    );
    expect(ruleSet(r)).toEqual(["C-10"]);
  });

  it("C-5: a blank cell is read as 0 with a warning only", async () => {
    const r = await auditText(
      mutate(SAMPLE, "上年结转政府信息公开申请数量\t\t0\t0", "上年结转政府信息公开申请数量\t\t0\t/"),
    );
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([["C-5", "warning"]]);
    expect(r.applications.carriedOver).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("C-7: last year's 结转下年度 differs from this year's 上年结转", async () => {
    const lastYear = mutate(
      LAST_YEAR,
      "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0",
      "四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1",
    );
    const balancedLastYear = mutate(
      lastYear,
      "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3",
      "一、本年新收政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t4",
    );
    const r = await auditText(SAMPLE, { previous: balancedLastYear });
    expect(ruleSet(r)).toEqual(["C-7"]);
    expect(r.findings.every((f) => f.severity === "warning")).toBe(true);
  });

  it("C-8: 现行有效 does not follow from last year's count", async () => {
    const lastYear = mutate(LAST_YEAR, "行政规范性文件\t0\t0\t1", "行政规范性文件\t0\t0\t3");
    const r = await auditText(SAMPLE, { previous: lastYear });
    expect(ruleSet(r)).toEqual(["C-8"]);
  });

  it("C-12: a department's report published after 31 January", async () => {
    expect(ruleSet(await auditText(SAMPLE, { publishedOn: "2023-02-15" }))).toEqual(["C-12"]);
    expect(ruleSet(await auditText(SAMPLE, { publishedOn: "2023-01-20" }))).toEqual([]);
  });

  it("C-6: the 2019 trial format is recognised and flagged outdated", async () => {
    const old = mutate(
      SAMPLE,
      "本年制发件数\t本年废止件数\t现行有效件数",
      "本年新制作数量\t本年新公开数量\t对外公开总数量",
    );
    const r = await auditText(old);
    expect(r.format).toBe("2019");
    expect(ruleSet(r)).toEqual(["C-6"]);
  });
});
