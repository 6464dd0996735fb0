/**
 * Which table cells a finding names, so that the result page can highlight them. A finding's `where`
 * is Chinese ("表三「（一）予以公开」行「自然人」列", see describeApplicationCell) or a value path
 * ("applications.new.6"); cells are named by value path, as in the audit's source locations.
 */
import {
  APPLICATION_ROWS,
  COLUMN_LABELS,
  type Finding,
  REVIEW_FIELD_LABELS,
  REVIEW_FIELDS,
  REVIEW_GROUP_LABELS,
  REVIEW_GROUPS,
} from "../core/report/report-model.ts";

/** Path of a table 三 cell. */
export function applicationCellPath(rowKey: string, column: number): string {
  return `applications.${rowKey}.${column}`;
}

/** Rows of table 三 that rule C-1 relates, column by column: 一 + 二 = 三(七) + 四. */
const C1_ROWS = ["new", "carriedOver", "totalProcessed", "carriedForward"];

/** Table 二 cells by the label that names them. */
const PROACTIVE_LABELS: readonly { label: string; paths: readonly string[] }[] = [
  { label: "规章", paths: ["issued", "abolished", "valid"].map((f) => `proactive.regulations.${f}`) },
  {
    label: "规范性文件",
    paths: ["issued", "abolished", "valid"].map((f) => `proactive.normativeDocuments.${f}`),
  },
  { label: "行政许可", paths: ["proactive.licensing"] },
  { label: "行政处罚", paths: ["proactive.penalty"] },
  { label: "行政强制", paths: ["proactive.enforcement"] },
  { label: "收费", paths: ["proactive.fees"] },
];

/** Table 二 (一) field names and their keys. */
const RULE_FIELDS: readonly { label: string; field: string }[] = [
  { label: "制发", field: "issued" },
  { label: "废止", field: "abolished" },
  { label: "现行有效", field: "valid" },
];

/** Text without white space and with ASCII brackets made full-width, for label comparison. */
function compact(text: string): string {
  return text.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
}

/** A label without its leading ordinal ("一、", "（三）", "5."). */
function withoutOrdinal(label: string): string {
  return label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])/, "");
}

/** The quoted names in `where` that are followed by `suffix` (行 or 列). */
function quotedNames(where: string, suffix: "行" | "列"): string[] {
  return [...where.matchAll(/「([^」]+)」(行|列)?/g)]
    .filter((m) => m[2] === suffix)
    .map((m) => compact(m[1] ?? ""));
}

/** Keys of the table 三 rows a quoted row name designates. */
function rowKeysNamed(name: string, where: string): string[] {
  const full = APPLICATION_ROWS.filter((r) => r.group && compact(r.group + r.label) === name);
  if (full.length > 0) return full.map((r) => r.key);
  const byLabel = APPLICATION_ROWS.filter(
    (r) => compact(r.label) === name || compact(withoutOrdinal(r.label)) === withoutOrdinal(name),
  );
  const inGroup = byLabel.filter((r) => r.group && compact(where).includes(compact(r.group)));
  return (byLabel.length > 1 && inGroup.length > 0 ? inGroup : byLabel).map((r) => r.key);
}

/** Table 三 cells named by `where`. */
function applicationTargets(finding: Finding): string[] {
  const rows = [...new Set(quotedNames(finding.where, "行").flatMap((n) => rowKeysNamed(n, finding.where)))];
  const columns = quotedNames(finding.where, "列")
    .map((n) => COLUMN_LABELS.findIndex((label) => compact(label) === n))
    .filter((i) => i >= 0);
  const allColumns = COLUMN_LABELS.map((_, i) => i);
  if (rows.length === 0 && columns.length === 0) return [];
  let rowKeys = rows;
  if (rowKeys.length === 0) {
    if (finding.rule === "C-1") rowKeys = C1_ROWS;
    else if (finding.rule === "C-2") rowKeys = ["totalProcessed"];
    else rowKeys = APPLICATION_ROWS.map((r) => r.key);
  }
  const cols = columns.length > 0 ? columns : allColumns;
  return rowKeys.flatMap((key) => cols.map((c) => applicationCellPath(key, c)));
}

/** Table 四 cells named by `where`. */
function reviewTargets(where: string): string[] {
  const text = compact(where);
  const groups = REVIEW_GROUPS.filter((_, i) => {
    const label = compact(REVIEW_GROUP_LABELS[i] ?? "");
    const inner = /（(.+)）/.exec(label)?.[1];
    return text.includes(label) || (inner !== undefined && text.includes(inner));
  });
  const plainReconsideration =
    groups.length === 0 && text.includes("行政复议") && !text.includes("行政诉讼") ? ["reconsideration"] : [];
  const chosen = groups.length > 0 ? [...groups] : plainReconsideration;
  const fields = REVIEW_FIELDS.filter((_, i) => text.includes(compact(REVIEW_FIELD_LABELS[i] ?? "")));
  const useFields = fields.length > 0 ? fields : REVIEW_FIELDS;
  return chosen.flatMap((g) => useFields.map((f) => `review.${g}.${f}`));
}

/** Table 二 cells named by `where`. */
function proactiveTargets(where: string): string[] {
  const text = compact(where);
  const named = PROACTIVE_LABELS.filter(
    (p) => text.includes(p.label) && !(p.label === "规章" && text.includes("规章制")),
  );
  const fields = RULE_FIELDS.filter((f) => text.includes(f.label)).map((f) => f.field);
  return named.flatMap((p) =>
    fields.length > 0 && p.paths.length === 3
      ? p.paths.filter((path) => fields.some((f) => path.endsWith(`.${f}`)))
      : p.paths,
  );
}

/** The cell paths one finding names (possibly none, e.g. for a missing section). */
export function targetsOfFinding(finding: Finding): string[] {
  const paths = [...finding.where.matchAll(/\b(?:applications|review|proactive)(?:\.[A-Za-z0-9]+)+/g)].map(
    (m) => m[0],
  );
  if (paths.length > 0) {
    return paths.flatMap((p) =>
      /^applications\.[A-Za-z]+(?:\.[A-Za-z]+)?$/.test(p) ? COLUMN_LABELS.map((_, i) => `${p}.${i}`) : [p],
    );
  }
  if (finding.where.includes("表三")) return applicationTargets(finding);
  if (finding.where.includes("表四")) return reviewTargets(finding.where);
  if (finding.where.includes("表二")) return proactiveTargets(finding.where);
  return [];
}

/** All cell paths the findings name, each with the findings that name it. */
export function findingTargets(findings: readonly Finding[]): ReadonlyMap<string, readonly Finding[]> {
  const targets = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const path of targetsOfFinding(finding)) {
      const list = targets.get(path) ?? [];
      if (!list.includes(finding)) list.push(finding);
      targets.set(path, list);
    }
  }
  return targets;
}
