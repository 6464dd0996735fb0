/**
 * Plain text in the layout of the reference report (reports/000_eb2e885bc49513d4.txt): title line, the six
 * sections with blank lines between paragraphs, tables as tab-separated cells with merged cells left empty.
 */
import type { AnnualReport, ProactiveTables } from "../core/report/report-model.ts";
import {
  APPLICATION_ROWS,
  COLUMN_LABELS,
  REVIEW_FIELD_LABELS,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
} from "../core/report/report-model.ts";
import { countText, reportSections, reportTitle } from "./report-parts.ts";
import { APPLICATIONS_NOTE, proactiveBlocks, RESULTS_GROUP, rowStarts } from "./table-layout.ts";

const line = (cells: readonly string[]): string => cells.join("\t");
const blanks = (n: number): string[] => new Array<string>(n).fill("");

/** Table 二 as text: each block's 4-cell item line, its heads and rows padded to 4 cells. */
export function proactiveTextLines(p: ProactiveTables): string[] {
  const lines: string[] = [];
  for (const block of proactiveBlocks(p)) {
    const pad = (cells: string[]) => [...cells, ...blanks(4 - cells.length)];
    lines.push(line(pad([block.item])), line(pad([...block.heads])));
    for (const row of block.rows) lines.push(line(pad([row.label, ...row.values])));
  }
  return lines;
}

/**
 * Table 三 as text: three header lines, then 25 rows of 10 cells. A row with one level of label has its
 * label (and the result group on the first result row) in two cells, its seven numbers, one empty cell; a
 * row in a sub-group has three label cells (the sub-group on its first row only) and its seven numbers.
 */
export function applicationsTextLines(report: AnnualReport): string[] {
  const lines = [
    line([APPLICATIONS_NOTE, "", "申请人情况", ...blanks(5), "总计", ""]),
    line(["", "", COLUMN_LABELS[0] ?? "", "法人或其他组织", ...blanks(6)]),
    line(["", "", "", ...COLUMN_LABELS.slice(1, 6), "", ""]),
  ];
  APPLICATION_ROWS.forEach((spec, index) => {
    const row = report.applications[spec.key] ?? [];
    const numbers = Array.from({ length: 7 }, (_, i) => countText(row[i] ?? null));
    const starts = rowStarts(index);
    const results = starts.results ? RESULTS_GROUP : "";
    if (spec.group === "") lines.push(line([spec.label, "", ...numbers, ""]));
    else if (spec.group === RESULTS_GROUP) lines.push(line([results, spec.label, ...numbers, ""]));
    else lines.push(line([results, starts.group ? spec.group : "", spec.label, ...numbers]));
  });
  return lines;
}

/** Table 四 as text: the three flattened header lines of 15 cells, then the 15 numbers. */
export function reviewTextLines(report: AnnualReport): string[] {
  return [
    line(["行政复议", ...blanks(4), "行政诉讼", ...blanks(9)]),
    line([...REVIEW_FIELD_LABELS, "未经复议直接起诉", ...blanks(4), "复议后起诉", ...blanks(4)]),
    line([...blanks(5), ...REVIEW_FIELD_LABELS, ...REVIEW_FIELD_LABELS]),
    line(REVIEW_GROUPS.flatMap((g) => REVIEW_FIELDS.map((f) => countText(report.review[g][f])))),
  ];
}

/** Writes the report as plain text in the reference report's layout (tables tab-separated). */
export function writeText(report: AnnualReport): string {
  const blocks: string[] = [reportTitle(report)];
  for (const section of reportSections(report)) {
    blocks.push(section.heading, ...section.paragraphs);
    if (section.no === "二") blocks.push(proactiveTextLines(report.proactive).join("\n"));
    if (section.no === "三") blocks.push(applicationsTextLines(report).join("\n"));
    if (section.no === "四") blocks.push(reviewTextLines(report).join("\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}
