import { describe, expect, it } from "vitest";
import { interpretReport } from "./report-interpreter.ts";
import { balanced, report, textDoc } from "./report-text.test-helper.ts";

describe("interpretReport", () => {
  it("reads a balanced 2021 report with tab-separated cells", () => {
    const { report: r, recognised } = interpretReport(textDoc(report(balanced)));
    expect(recognised).toBe(true);
    expect(r.format).toBe("2021");
    expect(r.agency).toBe("某某局");
    expect(r.year).toBe(2023);
    expect(r.applications.granted).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(r.proactive.normativeDocuments).toEqual({ issued: 1, abolished: 0, valid: 5 });
    expect(r.findings).toEqual([]);
  });

  it("C-5 reads blank, '/' and '—' cells as 0 with one warning", () => {
    const rows: string[] = [...balanced];
    rows[0] = "2\t\t/\t—\t0\t0\t2";
    const { report: r } = interpretReport(textDoc(report(rows)));
    expect(r.applications.new).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([["C-5", "warning"]]);
  });

  it("C-6 splits run-together rows by the column rules and nulls what stays ambiguous", () => {
    const rows = balanced.map((r) => r.replace(/\t/g, ""));
    const { report: r } = interpretReport(textDoc(report(rows)));
    expect(r.applications.new).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(r.applications.carriedForward).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.findings).toEqual([]);
  });

  it("C-6 leaves cells null, with a finding, when several splits satisfy every rule", () => {
    const rows: string[] = [...balanced];
    rows[0] = "11\t1\t0\t0\t0\t0\t12";
    rows[2] = "111000012"; // the row rule allows 11,1,0 / 1,11,0 / 1,1,10 … ; the columns choose
    rows[23] = "11\t1\t0\t0\t0\t0\t12";
    const { report: r } = interpretReport(textDoc(report(rows)));
    expect(r.applications.granted).toEqual([11, 1, 0, 0, 0, 0, 12]);
    expect(r.findings).toEqual([]);
    rows[0] = "111000012";
    rows[23] = "111000012";
    const ambiguous = interpretReport(textDoc(report(rows))).report;
    // 11,1,0 · 1,11,0 · 1,1,10 all balance: the first three cells stay unknown, the rest agree.
    expect(ambiguous.applications.granted).toEqual([null, null, null, 0, 0, 0, 12]);
    expect(ambiguous.findings.map((f) => f.rule)).toEqual(["C-6", "C-6", "C-6"]);
    expect(ambiguous.findings[0]?.message).toContain("多种拆分方式");
  });

  it("C-6 reports a missing row and reads the others", () => {
    const text = report(balanced)
      .split("\n")
      .filter((l) => !l.startsWith("6.属于四类过程性信息"))
      .join("\n");
    const { report: r } = interpretReport(textDoc(text));
    expect(r.applications["denied.processInfo"]).toEqual([null, null, null, null, null, null, null]);
    expect(r.applications["denied.enforcementFile"]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.findings.map((f) => f.rule)).toEqual(["C-6"]);
  });

  it("C-4 table 四 run together is split by the group sums", () => {
    const { report: r } = interpretReport(textDoc(report(balanced, "100010000000000")));
    expect(r.review.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(r.review.litigationDirect.total).toBe(0);
  });

  it("C-6 recognises the 2019 trial format by its table headers and single （六）其他处理 row", () => {
    const text = report(balanced)
      .replace("本年制发件数\t本年废止件数\t现行有效件数", "本年新制作数量\t本年新公开数量\t对外公开总数量")
      .replace(/1\.申请人无正当理由[^\n]*\n2\.申请人逾期[^\n]*\n3\.其他/, "（六）其他处理");
    const { report: r } = interpretReport(textDoc(text));
    expect(r.format).toBe("2019");
    expect(r.applications["other.other"]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.applications["other.noSupplement"]).toEqual([null, null, null, null, null, null, null]);
  });

  it("knows a document that is no annual report", () => {
    const { recognised } = interpretReport(textDoc("关于印发2024年政务公开工作要点的通知\n各有关单位："));
    expect(recognised).toBe(false);
  });
});
