/**
 * The interchange JSON of the annual report (the serialised form of AnnualReport): validation of a
 * document that comes from outside, with a Chinese message naming the first key that is wrong.
 */
import {
  type AnnualReport,
  APPLICATION_ROW_KEYS,
  type Count,
  type Finding,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
  type ReportFormat,
  type ReportSection,
  type ReviewGroup,
  type RuleCounts,
} from "./report-model.ts";

/** An interchange document that does not have the shape of the format; `path` names the wrong key. */
export class InterchangeError extends Error {
  /** The key path that is wrong, e.g. "applications.new[3]". */
  readonly path: string;

  /** Makes the error for a key path with a Chinese message. */
  constructor(path: string, message: string) {
    super(`年报 JSON 格式错误：${path} ${message}`);
    this.name = "InterchangeError";
    this.path = path;
  }
}

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function object(v: Json, path: string): Record<string, Json> {
  if (!isObject(v)) throw new InterchangeError(path, "应为对象");
  return v;
}

/** A count (C-5): null, or a non-negative safe integer; 1.5, -1 and 1e21 are refused. */
function count(v: Json, path: string): Count {
  if (v === null) return null;
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
    throw new InterchangeError(path, "应为非负整数（不超过 9007199254740991）或 null");
  return v;
}

/** The fee in 万元: null, or a non-negative decimal written as a string ("12.5"), kept exact. */
function amount(v: Json, path: string): string | null {
  const s = nullableText(v, path);
  if (s !== null && !/^\d+(?:\.\d+)?$/.test(s))
    throw new InterchangeError(path, '应为以万元计的非负数字符串（如 "12.5"）或 null');
  return s;
}

function text(v: Json, path: string): string {
  if (typeof v !== "string") throw new InterchangeError(path, "应为字符串");
  return v;
}

function nullableText(v: Json, path: string): string | null {
  return v === null || v === undefined ? null : text(v, path);
}

function rules(v: Json, path: string): RuleCounts {
  const o = object(v, path);
  return {
    issued: count(o.issued, `${path}.issued`),
    abolished: count(o.abolished, `${path}.abolished`),
    valid: count(o.valid, `${path}.valid`),
  };
}

function group(v: Json, path: string): ReviewGroup {
  const o = object(v, path);
  const [upheld, corrected, other, pending, total] = REVIEW_FIELDS.map((f) => count(o[f], `${path}.${f}`));
  return {
    upheld: upheld ?? null,
    corrected: corrected ?? null,
    other: other ?? null,
    pending: pending ?? null,
    total: total ?? null,
  };
}

function finding(v: Json, path: string): Finding {
  const o = object(v, path);
  const severity = o.severity;
  if (severity !== "error" && severity !== "warning")
    throw new InterchangeError(`${path}.severity`, "应为 error 或 warning");
  const value = (x: Json, p: string): string | number | null =>
    x === null || x === undefined ? null : typeof x === "number" ? x : text(x, p);
  return {
    rule: text(o.rule, `${path}.rule`),
    severity,
    where: text(o.where, `${path}.where`),
    expected: value(o.expected, `${path}.expected`),
    actual: value(o.actual, `${path}.actual`),
    message: text(o.message, `${path}.message`),
  };
}

/** Validates a parsed interchange JSON document and returns it as the model. */
export function parseInterchange(json: Json): AnnualReport {
  const root = object(json, "(根)");
  const format = root.format;
  if (format !== "2021" && format !== "2019" && format !== "unknown") {
    throw new InterchangeError("format", '应为 "2021"、"2019" 或 "unknown"');
  }
  const year = root.year === null || root.year === undefined ? null : count(root.year, "year");
  if (!Array.isArray(root.sections)) throw new InterchangeError("sections", "应为数组");
  const sections: ReportSection[] = root.sections.map((s, i) => {
    const o = object(s, `sections[${i}]`);
    return {
      no: text(o.no, `sections[${i}].no`),
      title: text(o.title, `sections[${i}].title`),
      text: text(o.text, `sections[${i}].text`),
    };
  });
  const p = object(root.proactive, "proactive");
  const fees = amount(p.fees, "proactive.fees");
  const apps = object(root.applications, "applications");
  const applications: Record<string, Count[]> = {};
  for (const key of APPLICATION_ROW_KEYS) {
    const row = apps[key];
    if (!Array.isArray(row) || row.length !== 7)
      throw new InterchangeError(`applications.${key}`, "应为 7 个数字的数组");
    applications[key] = row.map((v, c) => count(v, `applications.${key}[${c}]`));
  }
  const unknownRow = Object.keys(apps).find((k) => !APPLICATION_ROW_KEYS.includes(k));
  if (unknownRow) throw new InterchangeError(`applications.${unknownRow}`, "不是表三的行");
  const r = object(root.review, "review");
  const [reconsideration, litigationDirect, litigationAfterReconsideration] = REVIEW_GROUPS.map((g) =>
    group(r[g], `review.${g}`),
  );
  const findings = root.findings === undefined ? [] : root.findings;
  if (!Array.isArray(findings)) throw new InterchangeError("findings", "应为数组");
  return {
    format: format as ReportFormat,
    agency: nullableText(root.agency, "agency"),
    year,
    sections,
    proactive: {
      regulations: rules(p.regulations, "proactive.regulations"),
      normativeDocuments: rules(p.normativeDocuments, "proactive.normativeDocuments"),
      licensing: count(p.licensing, "proactive.licensing"),
      penalty: count(p.penalty, "proactive.penalty"),
      enforcement: count(p.enforcement, "proactive.enforcement"),
      fees,
    },
    applications,
    review: {
      reconsideration: reconsideration as ReviewGroup,
      litigationDirect: litigationDirect as ReviewGroup,
      litigationAfterReconsideration: litigationAfterReconsideration as ReviewGroup,
    },
    findings: findings.map((f, i) => finding(f, `findings[${i}]`)),
  };
}
