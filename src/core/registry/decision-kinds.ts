/**
 * Administrative decisions (行政许可、行政处罚、行政强制 and others) and their parties, with the counts of
 * table 二 第二十条第（五）（六）项 (本年处理决定数量) for a year.
 */

/** The kinds of decision. */
export const DECISION_KINDS = ["licensing", "penalty", "enforcement", "other"] as const;

/** A kind of decision. */
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Chinese names of the decision kinds (as the import template writes them). */
export const DECISION_KIND_NAMES: Readonly<Record<DecisionKind, string>> = {
  licensing: "行政许可",
  penalty: "行政处罚",
  enforcement: "行政强制",
  other: "其他",
};

/** The kinds of party (行政相对人类别). */
export const PARTY_KINDS = ["legalPerson", "individualBusiness", "naturalPerson"] as const;

/** A kind of party. */
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Chinese names of the party kinds (as the import template writes them). */
export const PARTY_KIND_NAMES: Readonly<Record<PartyKind, string>> = {
  legalPerson: "法人及非法人组织",
  individualBusiness: "个体工商户",
  naturalPerson: "自然人",
};

/** What the yearly count needs of a decision. */
export interface DecisionForTable {
  readonly id: number;
  readonly kind: DecisionKind;
  /** 决定日期, YYYY-MM-DD. */
  readonly decidedOn: string;
}

/** The decision counts of table 二 (五)(六) with the ids behind each. */
export interface DecisionCounts {
  readonly licensing: number[];
  readonly penalty: number[];
  readonly enforcement: number[];
  readonly other: number[];
}

/** 本年处理决定数量: the decisions of each kind whose 决定日期 falls in the year. */
export function countDecisions(decisions: readonly DecisionForTable[], year: number): DecisionCounts {
  const out: DecisionCounts = { licensing: [], penalty: [], enforcement: [], other: [] };
  const prefix = `${year}-`;
  for (const d of decisions) if (d.decidedOn.startsWith(prefix)) out[d.kind].push(d.id);
  return out;
}
