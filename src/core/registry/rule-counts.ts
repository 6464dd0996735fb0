/**
 * Table 二 第二十条第（一）项 from the register of 规章 and 行政规范性文件: 本年制发件数, 本年废止件数 and
 * 现行有效件数 of a year, each with the ids of the documents behind it.
 */
import type { RuleCounts } from "../report/report-model.ts";

/** The two kinds of rule the table counts. */
export const RULE_KINDS = ["regulation", "normativeDocument"] as const;

/** A kind of rule: 规章 or 行政规范性文件. */
export type RuleKind = (typeof RULE_KINDS)[number];

/** Chinese names of the rule kinds. */
export const RULE_KIND_NAMES: Readonly<Record<RuleKind, string>> = {
  regulation: "规章",
  normativeDocument: "行政规范性文件",
};

/** 有效性 of a rule: in force, or how it ceased to be (失效, 废止, 修订 = replaced by a revision). */
export const VALIDITIES = ["valid", "expired", "abolished", "amended"] as const;

/** A validity key. */
export type Validity = (typeof VALIDITIES)[number];

/** Chinese names of the validities. */
export const VALIDITY_NAMES: Readonly<Record<Validity, string>> = {
  valid: "有效",
  expired: "失效",
  abolished: "废止",
  amended: "修订",
};

/** What the computation needs of a registered rule. */
export interface RuleForTable {
  readonly id: number;
  readonly kind: RuleKind;
  /** 制发日期, YYYY-MM-DD. */
  readonly issuedOn: string;
  /** The day it ceased to be in force (废止/失效/被修订), or null while in force. */
  readonly abolishedOn: string | null;
}

/** One row of table 二 (一) with the record ids behind each cell. */
export interface RuleCountsWithIds {
  readonly counts: RuleCounts;
  readonly ids: { readonly issued: number[]; readonly abolished: number[]; readonly valid: number[] };
}

/** The validity problem of a register entry, or null when its dates and validity agree. */
export function ruleEntryProblem(
  issuedOn: string,
  abolishedOn: string | null,
  validity: Validity,
): string | null {
  if (abolishedOn !== null && abolishedOn < issuedOn) return "废止（失效）日期不能早于制发日期";
  if (validity === "valid" && abolishedOn !== null) return "有效性为“有效”的文件不应有废止（失效）日期";
  if (validity !== "valid" && abolishedOn === null) {
    return `有效性为“${VALIDITY_NAMES[validity]}”的文件须填写废止（失效）日期`;
  }
  return null;
}

/**
 * Table 二 (一) for one kind and year. 本年制发: issued in the year. 本年废止 [P]: ceased to be in force in the
 * year, whatever the way (废止, 失效, or replaced by a revision) — every document leaving the stock is counted
 * there, so that 现行有效 = 上年现行有效 + 本年制发 − 本年废止 holds exactly (C-8). 现行有效: issued on or
 * before 31 December and not ceased by then (a document ceasing on 31 December is no longer counted).
 */
export function computeRuleCounts(
  rules: readonly RuleForTable[],
  kind: RuleKind,
  year: number,
): RuleCountsWithIds {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const issued: number[] = [];
  const abolished: number[] = [];
  const valid: number[] = [];
  for (const rule of rules) {
    if (rule.kind !== kind) continue;
    if (rule.issuedOn >= first && rule.issuedOn <= last) issued.push(rule.id);
    const end = rule.abolishedOn;
    if (end !== null && end >= first && end <= last) abolished.push(rule.id);
    if (rule.issuedOn <= last && (end === null || end > last)) valid.push(rule.id);
  }
  return {
    counts: { issued: issued.length, abolished: abolished.length, valid: valid.length },
    ids: { issued, abolished, valid },
  };
}
