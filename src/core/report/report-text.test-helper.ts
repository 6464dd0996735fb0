/**
 * Test helper: a small annual report as text (every table in the 2021 format, table 三 rows given as the
 * cell text after their labels) and the text reader's rows for it, for the interpreter's tests.
 */
import type { SourceDocument } from "./source-document.ts";

/** A text document: one row per line, cells split at tabs (as the text reader makes it). */
export function textDoc(text: string): SourceDocument {
  const rows = text.split("\n").map((line, i) => ({
    cells: line.split("\t").map((t) => ({ text: t, where: `第 ${i + 1} 行` })),
    table: false,
  }));
  return { format: "text", rows, metadata: {}, problems: [] };
}

/** Labels of table 三's 25 rows as published. */
export const ROWS_2021 = [
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
export function report(
  rows: readonly string[],
  table4 = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
): string {
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

/** A table 三 row of seven zeros. */
export const zeroRow: string = "0\t0\t0\t0\t0\t0\t0";
/** Table 三 rows that satisfy C-1 … C-3: two applications granted to natural persons. */
export const balanced: string[] = ROWS_2021.map((_, i) =>
  i === 0 || i === 2 || i === 23 ? "2\t0\t0\t0\t0\t0\t2" : zeroRow,
);
