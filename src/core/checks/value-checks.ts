/**
 * Value domains and the format of the report: counts are non-negative integers, the fee a decimal in 万元
 * (C-5), and the report follows the 2021 format rather than the withdrawn 2019 trial format (C-6).
 */
import {
  type AnnualReport,
  APPLICATION_ROWS,
  type Count,
  describeApplicationCell,
  type Finding,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
} from "../report/report-model.ts";
import type { CheckContext } from "./check-context.ts";
import {
  applicationPath,
  describeProactiveCell,
  describeReviewCell,
  makeFinding,
  reviewPath,
} from "./finding-support.ts";

const FEE_PATTERN = /^\d+(\.\d+)?$/;

/** Every count of the report with its value path and Chinese description, in table order. */
export function listCounts(report: AnnualReport): { path: string; where: string; value: Count }[] {
  const out: { path: string; where: string; value: Count }[] = [];
  const p = report.proactive;
  for (const item of ["regulations", "normativeDocuments"] as const) {
    for (const field of ["issued", "abolished", "valid"] as const) {
      const path = `proactive.${item}.${field}`;
      out.push({ path, where: describeProactiveCell(path), value: p[item][field] });
    }
  }
  for (const item of ["licensing", "penalty", "enforcement"] as const) {
    const path = `proactive.${item}`;
    out.push({ path, where: describeProactiveCell(path), value: p[item] });
  }
  for (const row of APPLICATION_ROWS) {
    const cells = report.applications[row.key] ?? [];
    cells.forEach((value, c) => {
      out.push({ path: applicationPath(row.key, c), where: describeApplicationCell(row.key, c), value });
    });
  }
  for (const group of REVIEW_GROUPS) {
    for (const field of REVIEW_FIELDS) {
      const value = report.review[group]?.[field] ?? null;
      out.push({ path: reviewPath(group, field), where: describeReviewCell(group, field), value });
    }
  }
  return out;
}

// C-5 — 国办公开办函〔2021〕30号: counts are 件数/数量 (non-negative integers), 收费金额 in 万元
/** C-5: every count is a non-negative integer and the fee amount a non-negative decimal. */
export function checkValueDomains(report: AnnualReport, context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const { path, where, value } of listCounts(report)) {
    if (value === null || (Number.isInteger(value) && value >= 0)) continue;
    findings.push(
      makeFinding(
        "C-5",
        "error",
        where,
        [path],
        context,
        "非负整数",
        value,
        `${where}的数值 ${value} 不是非负整数（件数只能是 0 或正整数）`,
      ),
    );
  }
  const fees = report.proactive.fees;
  if (fees !== null && !FEE_PATTERN.test(fees)) {
    const where = describeProactiveCell("proactive.fees");
    findings.push(
      makeFinding(
        "C-5",
        "error",
        where,
        ["proactive.fees"],
        context,
        "非负数（单位：万元）",
        fees,
        `${where}的金额「${fees}」不是以万元计的非负数`,
      ),
    );
  }
  return findings;
}

// C-6 — 国办公开办函〔2021〕30号 replaced the trial format 国办公开办函〔2019〕60号
/** C-6: the report follows the 2021 format (a 2019 trial-format report is flagged as outdated). */
export function checkReportFormat(report: AnnualReport, context: CheckContext): Finding[] {
  if (report.format === "2021") return [];
  const outdated = report.format === "2019";
  return [
    makeFinding(
      "C-6",
      "error",
      "报告格式",
      [],
      context,
      "2021",
      report.format,
      outdated
        ? "使用了已废止的 2019 年试行格式（国办公开办函〔2019〕60号），应使用 2021 年格式"
        : "表格结构不符合 2021 年格式（国办公开办函〔2021〕30号）：行列缺失、合并或无法识别",
    ),
  ];
}
