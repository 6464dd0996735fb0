/**
 * The number statements recognised in the prose (rule C-9) and the table value each must equal. Patterns
 * are deliberately narrow: a statement that cannot be attributed to one table value with confidence is
 * not matched at all.
 */
import {
  type AnnualReport,
  APPLICATION_ROWS,
  type Count,
  describeApplicationCell,
  type ReviewGroupKey,
} from "../report/report-model.ts";
import { applicationCell } from "./arithmetic-checks.ts";
import { applicationPath, describeProactiveCell, describeReviewCell, reviewPath } from "./finding-support.ts";
import type { ProseSentence } from "./prose-text.ts";
import { afterQizhong, factsOf, outcomeWordWithin } from "./sentence-facts.ts";

/** What a prose number must equal. */
export interface Expectation {
  /** True when the prose value agrees with the tables. */
  readonly accepts: (prose: string) => boolean;
  /** The table value, as reported in `expected`. */
  readonly shown: number | string;
  /** Chinese statement of the table value(s), e.g. "表三「一、本年新收…」行「总计」列为 74". */
  readonly describe: string;
  /** Value paths of the table values, for the source locations. */
  readonly paths: readonly string[];
}

/** What is known of the sentence while its patterns are tried. */
export interface SentenceState {
  /** End (compact index) of the new-requests statement in this sentence, -1 when none. */
  newEnd: number;
}

/** One kind of number statement. */
export interface ClaimPattern {
  /** At most one statement of a kind is taken per sentence (the first); "column" is per applicant column. */
  readonly kind: string;
  /** Chinese name of the statement, for messages ("本年收到申请"). */
  readonly label: string;
  readonly unit: string;
  /** Global, with indices (flags "dg"); the number is the named group `n`. */
  readonly regex: RegExp;
  /** Extra conditions on the sentence and the match. */
  readonly applies?: (sentence: ProseSentence, match: RegExpExecArray, state: SentenceState) => boolean;
  /** The table value the number must equal, or null when it involves an unread value. */
  readonly expect: (report: AnnualReport, match: RegExpExecArray) => Expectation | null;
}

const GAP = "[^，,、。；;：:（）()\\d]";
/** Conjunctions: a gap containing one joins two statements, so its number cannot be attributed. */
const CONJUNCTION = /和|与|或|(?<!涉)及/;
const TAIL = "(?:答复|决定|处理)?(?:的)?(?:申请)?(?:数量|数)?(?:有|共|共计|合计|为)?";

/** Expectation that the prose count equals one table count. */
function countIs(value: Count, describe: string, paths: readonly string[]): Expectation | null {
  if (value === null) return null;
  return { accepts: (p) => Number(p) === value, shown: value, describe: `${describe}为 ${value}`, paths };
}

/** Expectation that the prose count equals the 总计 column of one table 三 row. */
function rowTotal(report: AnnualReport, rowKey: string): Expectation | null {
  return countIs(applicationCell(report, rowKey, 6), describeApplicationCell(rowKey, 6), [
    applicationPath(rowKey, 6),
  ]);
}

/** Expectation that the prose count equals the sum of the 总计 column over a group of table 三 rows. */
function groupTotal(report: AnnualReport, prefix: string, groupLabel: string): Expectation | null {
  const keys = APPLICATION_ROWS.filter((r) => r.key.startsWith(`${prefix}.`)).map((r) => r.key);
  let sum = 0;
  for (const key of keys) {
    const v = applicationCell(report, key, 6);
    if (v === null) return null;
    sum += v;
  }
  return countIs(
    sum,
    `表三「${groupLabel}」各项「总计」列之和`,
    keys.map((k) => applicationPath(k, 6)),
  );
}

/** Expectation that the prose count equals a sum of table 四 totals. */
function reviewTotal(report: AnnualReport, groups: readonly ReviewGroupKey[]): Expectation | null {
  let sum = 0;
  for (const g of groups) {
    const v = report.review[g]?.total ?? null;
    if (v === null) return null;
    sum += v;
  }
  return countIs(
    sum,
    groups.map((g) => describeReviewCell(g, "total")).join(" + "),
    groups.map((g) => reviewPath(g, "total")),
  );
}

/** A decimal string as [digits, scale] ("1014.5589" → [10145589n, 4]). */
function decimal(text: string): [bigint, number] {
  const [int = "0", frac = ""] = text.split(".");
  return [BigInt(int + frac), frac.length];
}

/** True when the prose amount equals the table amount, exactly or rounded/truncated to the prose's precision. */
export function sameAmount(table: string, prose: string): boolean {
  const [t, ts] = decimal(table);
  const [p, ps] = decimal(prose);
  if (ts <= ps) return t * 10n ** BigInt(ps - ts) === p;
  const factor = 10n ** BigInt(ts - ps);
  const truncated = t / factor;
  const rounded = (t + factor / 2n) / factor;
  return p === truncated || p === rounded;
}

const COLUMN_NAMES: Readonly<Record<string, readonly number[]>> = {
  自然人: [0],
  商业企业: [1],
  科研机构: [2],
  社会公益组织: [3],
  法律服务机构: [4],
  法人或其他组织: [1, 2, 3, 4, 5],
  法人和其他组织: [1, 2, 3, 4, 5],
  法人或者其他组织: [1, 2, 3, 4, 5],
};

/** Pattern for an outcome of table 三 ("予以公开 21 件"), numbers only in a sentence about requests. */
function outcome(kind: string, label: string, words: string, expect: ClaimPattern["expect"]): ClaimPattern {
  return {
    kind,
    label,
    unit: "件",
    regex: new RegExp(`(?<!(?:公开|提供|处理)[和及与或、])${words}${TAIL}(?<n>\\d+)件`, "dg"),
    applies: (s, m) => !CONJUNCTION.test(m[0]) && factsOf(s).outcomeContext,
    expect,
  };
}

/** Patterns for 行政复议 / 行政诉讼 counts, both "行政复议案件 2 件" and "1 件涉及…的行政复议". */
function review(kind: string, word: string, expect: ClaimPattern["expect"]): ClaimPattern[] {
  const applies = (s: ProseSentence, m: RegExpExecArray) =>
    (factsOf(s).reviewContext || s.sectionIndex === 3) && !afterQizhong(s, m);
  return [
    {
      kind,
      label: `${word}案件`,
      unit: "件",
      regex: new RegExp(
        `${word}(?:案件|申请|案)?(?:数量|总数|数)?(?:共|共计|合计|为|有)*(?<n>\\d+)(?:件|起)`,
        "dg",
      ),
      applies,
      expect,
    },
    {
      kind,
      label: `${word}案件`,
      unit: "件",
      regex: new RegExp(`(?<n>\\d+)(?:件|起)(?<gap>${GAP}{0,14}?)${word}(?!纠错|纠正|撤销|败诉)`, "dg"),
      applies: (s, m) =>
        applies(s, m) &&
        !/被|纠错|纠正|撤销|败诉/.test(m.groups?.gap ?? "") &&
        !CONJUNCTION.test(m.groups?.gap ?? ""),
      expect,
    },
  ];
}

/** Pattern for a table 二 count ("行政处罚决定 1578 件"), only in a sentence about decisions. */
function decisions(kind: "licensing" | "penalty" | "enforcement", word: string): ClaimPattern {
  return {
    kind,
    label: `${word}处理决定`,
    unit: "件",
    regex: new RegExp(
      `${word}(?:措施)?(?:处理)?(?:决定)?(?:书)?(?:数量|数)?(?:信息)?(?:共|共计|合计|为)?(?<n>\\d+)(?:件|条|项|起|个)`,
      "dg",
    ),
    applies: (s) => factsOf(s).decisionContext,
    expect: (r) => {
      const path = `proactive.${kind}`;
      return countIs(r.proactive[kind], describeProactiveCell(path), [path]);
    },
  };
}

/** All recognised statements, in the order they are tried (a number is attributed once). */
export const CLAIM_PATTERNS: readonly ClaimPattern[] = [
  {
    kind: "new",
    label: "本年收到政府信息公开申请",
    unit: "件",
    regex: new RegExp(
      `(?:收到|新收|受理|接收|接到)${GAP}{0,14}?公开${GAP}{0,6}?申请(?:数量|数)?(?:共|共计|合计|总计)?(?:为|达)?(?<n>\\d+)件`,
      "dg",
    ),
    applies: (s, m) =>
      !afterQizhong(s, m) &&
      !/复议|诉讼|信访|举报|投诉|结转/.test(m[0]) &&
      !/(?:含|包括)(?:上年)?结转/.test(s.compact),
    expect: (r) => rowTotal(r, "new"),
  },
  {
    kind: "column",
    label: "申请人",
    unit: "件",
    regex:
      /(?<col>自然人|商业企业|科研机构|社会公益组织|法律服务机构|法人或其他组织|法人和其他组织|法人或者其他组织)(?:提出)?(?:的)?(?:申请)?(?:共|为)?(?<n>\d+)件/dg,
    applies: (s, m, state) =>
      state.newEnd >= 0 && m.index >= state.newEnd && !outcomeWordWithin(s, state.newEnd, m.index),
    expect: (r, m) => {
      const name = m.groups?.col ?? "";
      const columns = COLUMN_NAMES[name] ?? [];
      let sum = 0;
      for (const c of columns) {
        const v = applicationCell(r, "new", c);
        if (v === null) return null;
        sum += v;
      }
      const where = columns.map((c) => describeApplicationCell("new", c));
      return countIs(
        sum,
        columns.length > 1 ? `${where.join(" + ")}` : (where[0] ?? ""),
        columns.map((c) => applicationPath("new", c)),
      );
    },
  },
  {
    kind: "carriedOver",
    label: "上年结转申请",
    unit: "件",
    regex: new RegExp(`上一?年度?结转${GAP}{0,14}?(?:共|共计|为|有)?(?<n>\\d+)件`, "dg"),
    applies: (_s, m) => !CONJUNCTION.test(m[0]),
    expect: (r) => rowTotal(r, "carriedOver"),
  },
  {
    kind: "processed",
    label: "共办理政府信息公开申请",
    unit: "件",
    regex: new RegExp(
      `(?:办理|办结)了?${GAP}{0,6}?(?:依申请公开(?:政府信息)?(?:申请)?|信息公开申请)(?:事项|案件)?(?:共|共计|合计|总计)?(?:为)?(?<n>\\d+)件`,
      "dg",
    ),
    applies: (s, m) => !afterQizhong(s, m) && !/复议|诉讼/.test(m[0]),
    expect: (r) => {
      const total = applicationCell(r, "totalProcessed", 6);
      const fresh = applicationCell(r, "new", 6);
      const carried = applicationCell(r, "carriedOver", 6);
      if (total === null || fresh === null || carried === null) return null;
      return {
        accepts: (p) => Number(p) === total || Number(p) === fresh + carried,
        shown: total,
        describe: `${describeApplicationCell("totalProcessed", 6)}为 ${total}，本年新收与上年结转之和为 ${fresh + carried}`,
        paths: ["totalProcessed", "new", "carriedOver"].map((k) => applicationPath(k, 6)),
      };
    },
  },
  outcome("granted", "予以公开", "(?<!部分|不)(?:予以公开|同意公开)", (r) => rowTotal(r, "granted")),
  outcome("partial", "部分公开", "部分(?:予以|同意)?公开", (r) => rowTotal(r, "partial")),
  outcome("denied", "不予公开", "(?:不予以?公开|不同意公开)", (r) =>
    groupTotal(r, "denied", "（三）不予公开"),
  ),
  outcome("unable", "无法提供", "无法提供", (r) => groupTotal(r, "unable", "（四）无法提供")),
  outcome("notProcessed", "不予处理", "不予处理", (r) => groupTotal(r, "notProcessed", "（五）不予处理")),
  outcome("other", "其他处理", "其他处理", (r) => groupTotal(r, "other", "（六）其他处理")),
  outcome("carriedForward", "结转下年度", `(?:结转|转入|转)(?:至|到)?下一?年度?${GAP}{0,8}?`, (r) =>
    rowTotal(r, "carriedForward"),
  ),
  decisions("licensing", "行政许可"),
  decisions("penalty", "行政处罚"),
  decisions("enforcement", "行政强制"),
  {
    kind: "fees",
    label: "行政事业性收费",
    unit: "万元",
    regex: /行政事业性收费(?:金额|总金额|总额|收入)?(?:共|共计|合计|为|达)?(?<n>\d+(?:\.\d+)?)万元/dg,
    expect: (r) => {
      const fees = r.proactive.fees;
      if (fees === null || !/^\d+(\.\d+)?$/.test(fees)) return null;
      const path = "proactive.fees";
      return {
        accepts: (p) => sameAmount(fees, p),
        shown: fees,
        describe: describeProactiveCell(path),
        paths: [path],
      };
    },
  },
  ...review("reconsideration", "行政复议", (r) => reviewTotal(r, ["reconsideration"])),
  ...review("litigation", "行政诉讼", (r) =>
    reviewTotal(r, ["litigationDirect", "litigationAfterReconsideration"]),
  ),
];
