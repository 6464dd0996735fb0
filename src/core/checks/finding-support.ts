/**
 * Shared pieces of the checks: building findings, naming cells of tables 二 and 四 in Chinese, and
 * appending where a value was read (CheckContext.locations).
 */
import {
  type Finding,
  REVIEW_FIELD_LABELS,
  REVIEW_FIELDS,
  REVIEW_GROUP_LABELS,
  REVIEW_GROUPS,
  type Severity,
} from "../report/report-model.ts";
import type { CheckContext } from "./check-context.ts";

/** Builds a finding; `where` gets " · " and the source locations of `paths` when the context knows them. */
export function makeFinding(
  rule: string,
  severity: Severity,
  where: string,
  paths: readonly string[],
  context: CheckContext,
  expected: string | number | null,
  actual: string | number | null,
  message: string,
): Finding {
  return { rule, severity, where: where + locate(context, paths), expected, actual, message };
}

/** " · 第 57 行、第 80 行" for the known locations of the value paths (deduplicated), or "". */
export function locate(context: CheckContext, paths: readonly string[]): string {
  const found: string[] = [];
  for (const path of paths) {
    const where = context.locations?.[path];
    if (where && !found.includes(where)) found.push(where);
  }
  return found.length > 0 ? ` · ${found.join("、")}` : "";
}

/** Value path of a table 三 cell ("applications.new.6"). */
export function applicationPath(rowKey: string, column: number): string {
  return `applications.${rowKey}.${column}`;
}

/** Value path of a table 四 number ("review.reconsideration.total"). */
export function reviewPath(group: string, field: string): string {
  return `review.${group}.${field}`;
}

/** Chinese description of a table 四 number ("表四「行政复议」「总计」"). */
export function describeReviewCell(group: string, field: string): string {
  const g = REVIEW_GROUP_LABELS[REVIEW_GROUPS.indexOf(group as (typeof REVIEW_GROUPS)[number])] ?? group;
  const f = REVIEW_FIELD_LABELS[REVIEW_FIELDS.indexOf(field as (typeof REVIEW_FIELDS)[number])] ?? field;
  return `表四「${g}」「${f}」`;
}

const RULE_FIELD_LABELS: Readonly<Record<string, string>> = {
  issued: "本年制发件数",
  abolished: "本年废止件数",
  valid: "现行有效件数",
};

const PROACTIVE_LABELS: Readonly<Record<string, string>> = {
  regulations: "表二「第二十条第（一）项」「规章」行",
  normativeDocuments: "表二「第二十条第（一）项」「行政规范性文件」行",
  licensing: "表二「第二十条第（五）项」「行政许可」行「本年处理决定数量」列",
  penalty: "表二「第二十条第（六）项」「行政处罚」行「本年处理决定数量」列",
  enforcement: "表二「第二十条第（六）项」「行政强制」行「本年处理决定数量」列",
  fees: "表二「第二十条第（八）项」「行政事业性收费」行「本年收费金额（单位：万元）」列",
};

/** Chinese description of a table 二 value by its path ("proactive.regulations.issued", "proactive.fees"). */
export function describeProactiveCell(path: string): string {
  const [, item, field] = path.split(".");
  const base = PROACTIVE_LABELS[item ?? ""] ?? path;
  return field ? `${base}「${RULE_FIELD_LABELS[field] ?? field}」列` : base;
}

/** Sum of counts, or null when any is null or missing. */
export function sumCounts(values: readonly (number | null | undefined)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}
