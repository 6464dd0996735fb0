/**
 * Reads table 二 (主动公开, 第二十条 items (一)(五)(六)(八)) and table 四 (行政复议、行政诉讼) from the stream.
 * Cells that a copy ran together are split only where a single split is possible (table 二 has no sum
 * rule) or where the group sums of table 四 (C-4) leave one answer.
 */
import { impossibleCountFinding, isImpossibleCount, quoteText, tokenCount } from "./count-cells.ts";
import { consensus, enumerateSplits } from "./digit-splitter.ts";
import {
  type Count,
  type Finding,
  type ProactiveTables,
  REVIEW_FIELD_LABELS,
  REVIEW_FIELDS,
  REVIEW_GROUP_LABELS,
  REVIEW_GROUPS,
  type ReviewGroup,
  type ReviewTable,
  type RuleCounts,
} from "./report-model.ts";
import { PROACTIVE_ROW_LABELS } from "./row-labels.ts";
import { type TextStream, type Token, tokenizeRange } from "./text-stream.ts";

/** A small table as read, with locations and reading findings. */
export interface SmallTableReading<T> {
  readonly found: boolean;
  readonly value: T;
  readonly locations: Readonly<Record<string, string>>;
  readonly findings: readonly Finding[];
  readonly blanks: number;
}

const RULE_COLUMNS = ["本年制发件数", "本年废止件数", "现行有效件数"];

const PROACTIVE_NAMES: Readonly<Record<string, string>> = {
  regulations: "规章",
  normativeDocuments: "行政规范性文件",
  licensing: "行政许可",
  penalty: "行政处罚",
  enforcement: "行政强制",
  fees: "行政事业性收费",
};

/** The first row of tokens in a range, trailing blanks beyond `count` trimmed. */
function firstTokens(stream: TextStream, from: number, to: number, count: number): Token[] {
  const row = tokenizeRange(stream, from, to).find((r) => r.length > 0) ?? [];
  const out = [...row];
  while (out.length > count && out[out.length - 1]?.kind === "blank") out.pop();
  return out;
}

/** Reads table 二 between `from` and `to`. */
export function readProactiveTables(
  stream: TextStream,
  from: number,
  to: number,
): SmallTableReading<ProactiveTables> {
  const spans = PROACTIVE_ROW_LABELS.map((l) => {
    l.pattern.lastIndex = from;
    const m = l.pattern.exec(stream.text);
    return m && m.index < to
      ? { key: l.key, count: l.count, start: m.index, end: m.index + m[0].length }
      : null;
  }).filter((s) => s !== null);
  spans.sort((a, b) => a.start - b.start);
  const values: Record<string, Count[] | string | null> = {};
  const locations: Record<string, string> = {};
  const findings: Finding[] = [];
  let blanks = 0;
  spans.forEach((span, i) => {
    const tokens = firstTokens(stream, span.end, spans[i + 1]?.start ?? to, span.count);
    const name = PROACTIVE_NAMES[span.key] ?? span.key;
    const fail = (actual: string, message: string): void => {
      findings.push({
        rule: "C-6",
        severity: "error",
        where: `表二「${name}」行`,
        expected: `${span.count} 个数字`,
        actual,
        message,
      });
    };
    tokens.forEach((t, c) => {
      if (t.kind === "blank") blanks += 1;
      const path =
        span.count === 1
          ? `proactive.${span.key}`
          : `proactive.${span.key}.${["issued", "abolished", "valid"][c]}`;
      locations[path] = t.where;
    });
    if (span.key === "fees") {
      const t = tokens[0];
      const amount = tokens.length === 1 && t && t.kind !== "impossible";
      values.fees = amount ? t.digits || "0" : null;
      // C-5: the amount in 万元 keeps its decimals; a negative or miswritten amount is null, quoted.
      if (t && tokens.length === 1 && !amount)
        findings.push(amountFinding(stream, t, `表二「${name}」行「本年收费金额（单位：万元）」列`));
      else if (tokens.length !== 1)
        fail(quoteText(tokens.map((x) => x.digits).join(" ")), `表二「${name}」的金额无法读取，按空值处理`);
      return;
    }
    if (tokens.length === span.count) {
      values[span.key] = tokens.map(tokenCount);
      tokens.forEach((t, c) => {
        const cell = span.count === 1 ? `表二「${name}」行` : `表二「${name}」行「${RULE_COLUMNS[c]}」列`;
        if (isImpossibleCount(t)) findings.push(impossibleCountFinding(stream, t, cell));
      });
      return;
    }
    const digits = quoteText(tokens.map((t) => t.digits).join(" "));
    if (
      tokens.length === 0 ||
      tokens.length > span.count ||
      tokens.some((t) => t.kind !== "int" && t.kind !== "blank")
    ) {
      values[span.key] = null;
      fail(
        digits || "无数字",
        `表二「${name}」行应有 ${span.count} 个数字，读到 ${tokens.length} 个，按空值处理`,
      );
      return;
    }
    const splits = enumerateSplits(
      tokens.map((t) => t.digits),
      span.count,
      () => true,
      50,
    );
    const agreed = splits === "too-many" ? null : consensus(splits);
    values[span.key] = agreed && agreed.length > 0 ? agreed : null;
    if (splits === "too-many" || splits.length !== 1) {
      const n = splits === "too-many" ? "很多" : String(splits.length);
      fail(
        digits,
        `表二「${name}」行的数字连写为“${digits}”，有 ${n} 种拆分方式，表二没有可用的勾稽关系，无法确定，按空值处理`,
      );
    }
  });
  const rule = (key: string): RuleCounts => {
    const v = values[key];
    const arr = Array.isArray(v) ? v : [null, null, null];
    return { issued: arr[0] ?? null, abolished: arr[1] ?? null, valid: arr[2] ?? null };
  };
  const single = (key: string): Count => {
    const v = values[key];
    return Array.isArray(v) ? (v[0] ?? null) : null;
  };
  const fees = values.fees;
  return {
    found: spans.length > 0,
    value: {
      regulations: rule("regulations"),
      normativeDocuments: rule("normativeDocuments"),
      licensing: single("licensing"),
      penalty: single("penalty"),
      enforcement: single("enforcement"),
      fees: typeof fees === "string" ? fees : null,
    },
    locations,
    findings,
    blanks,
  };
}

const REVIEW_WIDTH = REVIEW_GROUPS.length * REVIEW_FIELDS.length;

/** C-4 over 15 numbers: each group's four outcomes add up to its 总计. */
function groupSumsHold(v: readonly number[]): boolean {
  for (let g = 0; g < REVIEW_GROUPS.length; g++) {
    const b = g * 5;
    if ((v[b] ?? 0) + (v[b + 1] ?? 0) + (v[b + 2] ?? 0) + (v[b + 3] ?? 0) !== v[b + 4]) return false;
  }
  return true;
}

/** Reads table 四's fifteen numbers between `from` and `to`. */
export function readReviewTable(
  stream: TextStream,
  from: number,
  to: number,
): SmallTableReading<ReviewTable> {
  const tokens: Token[] = [];
  for (const row of tokenizeRange(stream, from, to)) {
    tokens.push(...row);
    if (tokens.length >= REVIEW_WIDTH) break;
  }
  while (tokens.length > REVIEW_WIDTH && tokens[tokens.length - 1]?.kind === "blank") tokens.pop();
  const findings: Finding[] = [];
  const locations: Record<string, string> = {};
  let numbers: Count[] = new Array(REVIEW_WIDTH).fill(null);
  const digits = quoteText(tokens.map((t) => t.digits || "空").join(" "));
  if (tokens.length === REVIEW_WIDTH) {
    numbers = tokens.map(tokenCount);
    tokens.forEach((t, i) => {
      locations[`review.${REVIEW_GROUPS[Math.floor(i / 5)]}.${REVIEW_FIELDS[i % 5]}`] = t.where;
      const cell = `表四「${REVIEW_GROUP_LABELS[Math.floor(i / 5)]}」「${REVIEW_FIELD_LABELS[i % 5]}」`;
      if (isImpossibleCount(t)) findings.push(impossibleCountFinding(stream, t, cell));
    });
  } else if (
    tokens.length > 0 &&
    tokens.length < REVIEW_WIDTH &&
    tokens.every((t) => t.kind === "int" || t.kind === "blank")
  ) {
    const splits = enumerateSplits(
      tokens.map((t) => t.digits),
      REVIEW_WIDTH,
      groupSumsHold,
    );
    if (splits !== "too-many" && splits.length > 0) numbers = consensus(splits);
    for (let i = 0; i < REVIEW_WIDTH; i++) {
      locations[`review.${REVIEW_GROUPS[Math.floor(i / 5)]}.${REVIEW_FIELDS[i % 5]}`] =
        `${tokens[0]?.where ?? ""}（连写数字拆分）`;
    }
    if (splits === "too-many" || splits.length !== 1) {
      findings.push({
        rule: "C-6",
        severity: "error",
        where: `表四 · ${tokens[0]?.where ?? ""}`,
        expected: "15 个可区分的数字",
        actual: digits,
        message: `表四的数字连写为“${digits}”，${splits === "too-many" || splits.length > 1 ? "有多种拆分方式都满足" : "没有拆分方式满足"}勾稽关系，无法确定的单元格按空值处理`,
      });
    }
  } else if (tokens.length > 0) {
    findings.push({
      rule: "C-6",
      severity: "error",
      where: `表四 · ${tokens[0]?.where ?? ""}`,
      expected: "15 个数字",
      actual: digits,
      message: `表四应有 15 个数字（${REVIEW_GROUP_LABELS.join("、")}各 5 项：${REVIEW_FIELD_LABELS.join("、")}），读到 ${tokens.length} 个，按空值处理`,
    });
  }
  const group = (g: number): ReviewGroup => ({
    upheld: numbers[g * 5] ?? null,
    corrected: numbers[g * 5 + 1] ?? null,
    other: numbers[g * 5 + 2] ?? null,
    pending: numbers[g * 5 + 3] ?? null,
    total: numbers[g * 5 + 4] ?? null,
  });
  return {
    found: tokens.length > 0,
    value: {
      reconsideration: group(0),
      litigationDirect: group(1),
      litigationAfterReconsideration: group(2),
    },
    locations,
    findings,
    blanks: tokens.length === REVIEW_WIDTH ? tokens.filter((t) => t.kind === "blank").length : 0,
  };
}

/** The C-5 finding for a fee amount that is not a non-negative number of 万元 (negative, comma, exponent). */
function amountFinding(stream: TextStream, token: Token, where: string): Finding {
  const finding = impossibleCountFinding(stream, token, where);
  return {
    ...finding,
    expected: "非负数（单位：万元）",
    message: `${where}的单元格“${finding.actual}”不是以万元计的非负数，按空值处理`,
  };
}
