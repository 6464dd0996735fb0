/**
 * Prints an audited report for people at a terminal: the rebuilt tables 二, 三, 四 and the findings.
 */
import {
  type AnnualReport,
  APPLICATION_ROWS,
  COLUMN_LABELS,
  type Count,
  type Finding,
  REVIEW_FIELD_LABELS,
  REVIEW_FIELDS,
  REVIEW_GROUP_LABELS,
  REVIEW_GROUPS,
} from "../core/report/report-model.ts";
import { clip, formatTable } from "./terminal-table.ts";

const show = (v: Count | string): string => (v === null ? "—" : String(v));

/** The tables of a report as terminal text. */
export function formatTables(report: AnnualReport): string {
  const p = report.proactive;
  const t2 = formatTable(
    ["表二 主动公开", "本年制发", "本年废止", "现行有效"],
    [
      ["规章", show(p.regulations.issued), show(p.regulations.abolished), show(p.regulations.valid)],
      [
        "行政规范性文件",
        show(p.normativeDocuments.issued),
        show(p.normativeDocuments.abolished),
        show(p.normativeDocuments.valid),
      ],
    ],
  );
  const t2b = formatTable(
    ["表二 处理决定与收费", "本年数量/金额"],
    [
      ["行政许可", show(p.licensing)],
      ["行政处罚", show(p.penalty)],
      ["行政强制", show(p.enforcement)],
      ["行政事业性收费（万元）", show(p.fees)],
    ],
  );
  const t3 = formatTable(
    ["表三 依申请公开", ...COLUMN_LABELS],
    APPLICATION_ROWS.map((row) => [
      clip(
        row.group && row.label.match(/^\d/) ? `${row.group.replace(/^（.）/, "")} ${row.label}` : row.label,
        30,
      ),
      ...(report.applications[row.key] ?? []).map(show),
    ]),
  );
  const t4 = formatTable(
    ["表四 复议诉讼", ...REVIEW_FIELD_LABELS],
    REVIEW_GROUPS.map((g, i) => [
      REVIEW_GROUP_LABELS[i] ?? g,
      ...REVIEW_FIELDS.map((f) => show(report.review[g][f])),
    ]),
  );
  return [t2, t2b, t3, t4].join("\n\n");
}

/** One finding as one or two terminal lines. */
export function formatFinding(f: Finding): string {
  const mark = f.severity === "error" ? "错误" : "提示";
  const values =
    f.expected !== null || f.actual !== null ? `（应为 ${show(f.expected)}，实为 ${show(f.actual)}）` : "";
  return `  [${mark}] ${f.rule} ${f.where}\n         ${f.message}${values}`;
}

/** The whole human-readable audit of one report. */
export function formatAudit(fileName: string, report: AnnualReport): string {
  const format =
    report.format === "2021"
      ? "2021 年格式"
      : report.format === "2019"
        ? "2019 年试行格式（已废止）"
        : "无法识别";
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.length - errors;
  const head = `== ${fileName} ==\n机关：${report.agency ?? "未识别"}  年度：${report.year ?? "未识别"}  格式：${format}`;
  const findings =
    report.findings.length === 0
      ? "检查结果：未发现问题"
      : `检查结果：错误 ${errors} 项，提示 ${warnings} 项\n${report.findings.map(formatFinding).join("\n")}`;
  return `${head}\n\n${formatTables(report)}\n\n${findings}\n`;
}
