/**
 * Relations across consecutive years' reports (needs CheckContext.previous): the carried-over requests
 * (C-7) and the stock of 现行有效 rules and normative documents (C-8). Both are warnings.
 */
import {
  type AnnualReport,
  COLUMN_KEYS,
  COLUMN_LABELS,
  describeApplicationCell,
  type Finding,
} from "../report/report-model.ts";
import { applicationCell } from "./arithmetic-checks.ts";
import type { CheckContext } from "./check-context.ts";
import { applicationPath, describeProactiveCell, makeFinding } from "./finding-support.ts";

/** Last year's report when it is usable: present and, when both years are known, exactly one year older. */
function previousReport(report: AnnualReport, context: CheckContext): AnnualReport | null {
  const previous = context.previous;
  if (!previous) return null;
  if (report.year !== null && previous.year !== null && previous.year !== report.year - 1) return null;
  return previous;
}

// C-7 — 国办公开办函〔2021〕30号 table 三: this year's 二、上年结转 = last year's 四、结转下年度继续办理
/** C-7: this year's 上年结转 row equals last year's 结转下年度 row, every column. */
export function checkCarriedOver(report: AnnualReport, context: CheckContext): Finding[] {
  const previous = previousReport(report, context);
  if (!previous) return [];
  const findings: Finding[] = [];
  for (let c = 0; c < COLUMN_KEYS.length; c++) {
    const now = applicationCell(report, "carriedOver", c);
    const before = applicationCell(previous, "carriedForward", c);
    if (now === null || before === null || now === before) continue;
    findings.push(
      makeFinding(
        "C-7",
        "warning",
        describeApplicationCell("carriedOver", c),
        [applicationPath("carriedOver", c)],
        context,
        before,
        now,
        `表三「${COLUMN_LABELS[c]}」列：本年「上年结转」(${now}) ≠ 上年报告「结转下年度继续办理」(${before})`,
      ),
    );
  }
  return findings;
}

const RULE_ITEMS = [
  { key: "regulations", label: "规章" },
  { key: "normativeDocuments", label: "行政规范性文件" },
] as const;

// C-8 — 国办公开办函〔2021〕30号 table 二 第二十条第（一）项: 现行有效 ≈ 上年现行有效 + 本年制发 − 本年废止
/** C-8: 现行有效 = last year's 现行有效 + 本年制发 − 本年废止, for 规章 and 行政规范性文件 (exact difference). */
export function checkValidRules(report: AnnualReport, context: CheckContext): Finding[] {
  const previous = previousReport(report, context);
  if (!previous) return [];
  const findings: Finding[] = [];
  for (const item of RULE_ITEMS) {
    const now = report.proactive[item.key];
    const before = previous.proactive[item.key].valid;
    if (before === null || now.issued === null || now.abolished === null || now.valid === null) continue;
    const expected = before + now.issued - now.abolished;
    if (expected === now.valid) continue;
    const diff = now.valid - expected;
    const path = `proactive.${item.key}.valid`;
    findings.push(
      makeFinding(
        "C-8",
        "warning",
        describeProactiveCell(path),
        [path],
        context,
        expected,
        now.valid,
        `表二「${item.label}」：上年现行有效(${before}) + 本年制发(${now.issued}) − 本年废止(${now.abolished}) = ${expected}，本年现行有效为 ${now.valid}（相差 ${diff > 0 ? "+" : ""}${diff}；如有自然失效等情形请说明）`,
      ),
    );
  }
  return findings;
}
