/**
 * The arithmetic relations (勾稽关系) inside tables 三 and 四 of the 2021 format (国办公开办函〔2021〕30号).
 * A null value was not read (the reader reported it): every relation that involves one is skipped.
 */
import {
  type AnnualReport,
  APPLICATION_ROWS,
  COLUMN_KEYS,
  COLUMN_LABELS,
  type Count,
  describeApplicationCell,
  type Finding,
  REVIEW_GROUP_LABELS,
  REVIEW_GROUPS,
} from "../report/report-model.ts";
import type { CheckContext } from "./check-context.ts";
import {
  applicationPath,
  describeReviewCell,
  makeFinding,
  reviewPath,
  sumCounts,
} from "./finding-support.ts";

const COLUMNS = COLUMN_KEYS.length;
const TOTAL_COLUMN = COLUMNS - 1;
const LEAF_KEYS: readonly string[] = APPLICATION_ROWS.filter((r) => r.leaf).map((r) => r.key);

/** A table 三 cell, null when the row or the cell is missing. */
export function applicationCell(report: AnnualReport, rowKey: string, column: number): Count {
  return report.applications[rowKey]?.[column] ?? null;
}

// C-1 — 国办公开办函〔2021〕30号 table 三 header note: 第一项加第二项之和，等于第三项加第四项之和
/** C-1: every column of table 三, 本年新收 + 上年结转 = 办理结果总计 + 结转下年度. */
export function checkApplicationBalance(report: AnnualReport, context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (let c = 0; c < COLUMNS; c++) {
    const fresh = applicationCell(report, "new", c);
    const carriedOver = applicationCell(report, "carriedOver", c);
    const processed = applicationCell(report, "totalProcessed", c);
    const carriedForward = applicationCell(report, "carriedForward", c);
    if (fresh === null || carriedOver === null || processed === null || carriedForward === null) continue;
    const inflow = fresh + carriedOver;
    const outflow = processed + carriedForward;
    if (inflow === outflow) continue;
    const paths = ["new", "carriedOver", "totalProcessed", "carriedForward"].map((k) =>
      applicationPath(k, c),
    );
    findings.push(
      makeFinding(
        "C-1",
        "error",
        `表三「${COLUMN_LABELS[c]}」列`,
        paths,
        context,
        inflow,
        outflow,
        `表三「${COLUMN_LABELS[c]}」列：本年新收(${fresh}) + 上年结转(${carriedOver}) ≠ 办理结果总计(${processed}) + 结转下年度(${carriedForward})`,
      ),
    );
  }
  return findings;
}

// C-2 — 国办公开办函〔2021〕30号 table 三 row 三（七）总计 = the 21 result rows （一）…（六）3
/** C-2: every column of table 三, （七）总计 = the sum of the 21 leaf result rows. */
export function checkApplicationResultTotals(report: AnnualReport, context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (let c = 0; c < COLUMNS; c++) {
    const total = applicationCell(report, "totalProcessed", c);
    const sum = sumCounts(LEAF_KEYS.map((k) => applicationCell(report, k, c)));
    if (total === null || sum === null || total === sum) continue;
    findings.push(
      makeFinding(
        "C-2",
        "error",
        describeApplicationCell("totalProcessed", c),
        [applicationPath("totalProcessed", c)],
        context,
        sum,
        total,
        `表三「${COLUMN_LABELS[c]}」列：21 项办理结果之和(${sum}) ≠ （七）总计(${total})`,
      ),
    );
  }
  return findings;
}

// C-3 — 国办公开办函〔2021〕30号 table 三 columns: 总计 = 自然人 + 法人或其他组织 (five columns)
/** C-3: every row of table 三, 总计 = 自然人 + the five legal-person columns. */
export function checkApplicationRowTotals(report: AnnualReport, context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const row of APPLICATION_ROWS) {
    const cells = report.applications[row.key];
    if (!cells) continue;
    const total = cells[TOTAL_COLUMN] ?? null;
    const parts = cells.slice(0, TOTAL_COLUMN);
    const sum = sumCounts(parts);
    if (total === null || sum === null || parts.length !== TOTAL_COLUMN || total === sum) continue;
    const named = parts.map((v, c) => `${COLUMN_LABELS[c]}(${v})`).join(" + ");
    findings.push(
      makeFinding(
        "C-3",
        "error",
        describeApplicationCell(row.key, TOTAL_COLUMN),
        [applicationPath(row.key, TOTAL_COLUMN)],
        context,
        sum,
        total,
        `表三「${row.label}」行：${named} = ${sum} ≠ 总计(${total})`,
      ),
    );
  }
  return findings;
}

// C-4 — 国办公开办函〔2021〕30号 table 四: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计, per group
/** C-4: each group of table 四, 维持 + 纠正 + 其他 + 尚未审结 = 总计. */
export function checkReviewTotals(report: AnnualReport, context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  REVIEW_GROUPS.forEach((key, i) => {
    const g = report.review[key];
    if (!g) return;
    const sum = sumCounts([g.upheld, g.corrected, g.other, g.pending]);
    if (sum === null || g.total === null || sum === g.total) return;
    findings.push(
      makeFinding(
        "C-4",
        "error",
        describeReviewCell(key, "total"),
        [reviewPath(key, "total")],
        context,
        sum,
        g.total,
        `表四「${REVIEW_GROUP_LABELS[i]}」：结果维持(${g.upheld}) + 结果纠正(${g.corrected}) + 其他结果(${g.other}) + 尚未审结(${g.pending}) = ${sum} ≠ 总计(${g.total})`,
      ),
    );
  });
  return findings;
}
