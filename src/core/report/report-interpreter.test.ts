import { describe, expect, it } from "vitest";
import { interpretReport } from "./report-interpreter.ts";
import type { SourceDocument } from "./source-document.ts";

/** A text document: one row per line, cells split at tabs (as the text reader makes it). */
function textDoc(text: string): SourceDocument {
  const rows = text.split("\n").map((line, i) => ({
    cells: line.split("\t").map((t) => ({ text: t, where: `第 ${i + 1} 行` })),
    table: false,
  }));
  return { format: "text", rows, metadata: {}, problems: [] };
}

const ROWS_2021 = [
  "一、本年新收政府信息公开申请数量",
  "二、上年结转政府信息公开申请数量",
  "（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  "1.属于国家秘密",
  "2.其他法律行政法规禁止公开",
  "3.危及“三安全一稳定”",
  "4.保护第三方合法权益",
  "5.属于三类内部事务信息",
  "6.属于四类过程性信息",
  "7.属于行政执法案卷",
  "8.属于行政查询事项",
  "1.本机关不掌握相关政府信息",
  "2.没有现成信息需要另行制作",
  "3.补正后申请内容仍不明确",
  "1.信访举报投诉类申请",
  "2.重复申请",
  "3.要求提供公开出版物",
  "4.无正当理由大量反复申请",
  "5.要求行政机关确认或重新出具已获取信息",
  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  "3.其他",
  "（七）总计",
  "四、结转下年度继续办理",
];

/** A full report text with table 三 rows given as their cell text after the label. */
function report(rows: readonly string[], table4 = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"): string {
  return [
    "某某局2023年政府信息公开工作年度报告",
    "一、总体情况",
    "正文。",
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
    "规章\t0\t0\t0",
    "行政规范性文件\t1\t0\t5",
    "行政许可\t12",
    "行政处罚\t7",
    "行政强制\t0",
    "行政事业性收费\t0",
    "三、收到和处理政府信息公开申请情况",
    ...ROWS_2021.map((label, i) => `${label}\t${rows[i] ?? ""}`),
    "四、政府信息公开行政复议、行政诉讼情况",
    table4,
    "五、存在的主要问题及改进情况",
    "无。",
    "六、其他需要报告的事项",
    "未收取信息处理费。",
  ].join("\n");
}

const zeroRow: string = "0\t0\t0\t0\t0\t0\t0";
const balanced: string[] = ROWS_2021.map((_, i) =>
  i === 0 || i === 2 || i === 23 ? "2\t0\t0\t0\t0\t0\t2" : zeroRow,
);

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
