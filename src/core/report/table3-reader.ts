/**
 * Reads table 三 (收到和处理政府信息公开申请情况) from the stream: finds each of the 25 row labels in order and
 * the seven numbers after it; where a copy separated labels from their numbers, falls back to the order of
 * the data rows; where cells ran together, splits them by the sum rules C-1 … C-3 (never guessing).
 */
import { impossibleCountFinding, isImpossibleCount, quoteText, tokenCount } from "./count-cells.ts";
import { consensus, enumerateSplits } from "./digit-splitter.ts";
import { APPLICATION_ROWS, type Count, describeApplicationCell, type Finding } from "./report-model.ts";
import { APPLICATION_ROW_LABELS, OTHER_HANDLING_2019 } from "./row-labels.ts";
import { type TextStream, type Token, tokenizeRange } from "./text-stream.ts";

/** Table 三 as read: values, where each was read, reading findings, and where the table ended. */
export interface Table3Reading {
  readonly found: boolean;
  readonly rows: Readonly<Record<string, readonly Count[]>>;
  readonly locations: Readonly<Record<string, string>>;
  readonly findings: readonly Finding[];
  readonly format2019: boolean;
  readonly start: number;
  readonly end: number;
}

interface RowRead {
  tokens: Token[] | null;
  candidates: (readonly Count[])[] | null;
}

const WIDTH = 7;
const LEAF_INDEXES = APPLICATION_ROWS.flatMap((r, i) => (r.leaf ? [i] : []));
const IDX = Object.fromEntries(APPLICATION_ROWS.map((r, i) => [r.key, i])) as Record<string, number>;

/** Row sum rule C-3: the six applicant columns add up to 总计. */
function rowSumHolds(v: readonly number[]): boolean {
  let sum = 0;
  for (let c = 0; c < WIDTH - 1; c++) sum += v[c] ?? 0;
  return sum === v[WIDTH - 1];
}

/** Gathers tokens row by row until `count` are reached; null when the range holds more (misaligned). */
function gather(rows: readonly Token[][], count: number, last: boolean): Token[] | null {
  const out: Token[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    for (const token of row) {
      if (out.length > count && token.kind !== "blank") return null;
      out.push(token);
    }
    if (out.length >= count) {
      while (out.length > count && out[out.length - 1]?.kind === "blank") out.pop();
      if (out.length > count) return null;
      for (let j = i + 1; j < rows.length; j++) if (!last && (rows[j]?.length ?? 0) > 0) return null;
      return out;
    }
  }
  return out;
}

/** Reads one row's tokens: direct when seven, candidate splits when fewer (run-together digits). */
function readRow(tokens: Token[] | null): RowRead {
  if (!tokens || tokens.length === 0) return { tokens: null, candidates: null };
  if (tokens.length === WIDTH) return { tokens, candidates: [tokens.map(tokenCount)] };
  if (tokens.some((t) => t.kind !== "int" && t.kind !== "blank")) return { tokens: null, candidates: null };
  const splits = enumerateSplits(
    tokens.map((t) => t.digits),
    WIDTH,
    rowSumHolds,
  );
  return { tokens, candidates: splits === "too-many" ? null : [...splits] };
}

/** Finds the labels in order from `from`; returns match spans (null when a label is absent). */
function findLabels(stream: TextStream, from: number, to: number): ({ start: number; end: number } | null)[] {
  let cursor = from;
  return APPLICATION_ROW_LABELS.map((l) => {
    l.pattern.lastIndex = cursor;
    const m = l.pattern.exec(stream.text);
    if (!m || m.index >= to) return null;
    cursor = m.index + m[0].length;
    return { start: m.index, end: cursor };
  });
}

/** Column rules C-1 and C-2 over complete rows (rows and cells that are null are left out of the rules). */
function columnsHold(values: readonly (readonly Count[] | null)[]): boolean {
  for (let c = 0; c < WIDTH; c++) {
    const at = (key: string): number | null => values[IDX[key] ?? -1]?.[c] ?? null;
    const [n, co, tp, cf] = [at("new"), at("carriedOver"), at("totalProcessed"), at("carriedForward")];
    if (n !== null && co !== null && tp !== null && cf !== null && n + co !== tp + cf) return false;
    if (tp !== null && LEAF_INDEXES.every((i) => (values[i]?.[c] ?? null) !== null)) {
      let sum = 0;
      for (const i of LEAF_INDEXES) sum += values[i]?.[c] ?? 0;
      if (sum !== tp) return false;
    }
  }
  return true;
}

/** Chooses among candidate splits with the column rules; cells all solutions agree on are kept. */
function solve(reads: readonly RowRead[]): { values: (Count[] | null)[]; unsolved: Set<number> } {
  const fixed: (readonly Count[] | null)[] = reads.map((r) =>
    r.candidates?.length === 1 ? (r.candidates[0] ?? null) : null,
  );
  const open = reads.flatMap((r, i) => ((r.candidates?.length ?? 0) > 1 ? [i] : []));
  const unsolved = new Set<number>(
    reads.flatMap((r, i) => (r.tokens && r.candidates?.length === 0 ? [i] : [])),
  );
  const values: (Count[] | null)[] = fixed.map((v) => (v ? [...v] : null));
  if (open.length === 0) return { values, unsolved };
  const solutions: Count[][][] = [];
  let tried = 0;
  const pick: (readonly Count[] | null)[] = [...fixed];
  const walk = (k: number): boolean => {
    if (k === open.length) {
      tried += 1;
      if (columnsHold(pick)) solutions.push(open.map((i) => [...(pick[i] ?? [])]));
      return solutions.length <= 1000 && tried <= 1_000_000;
    }
    const row = open[k] ?? 0;
    for (const cand of reads[row]?.candidates ?? []) {
      pick[row] = cand;
      if (!walk(k + 1)) return false;
    }
    pick[row] = null;
    return true;
  };
  const complete = walk(0);
  open.forEach((row, k) => {
    if (!complete || solutions.length === 0) {
      values[row] = null;
      unsolved.add(row);
      return;
    }
    const agreed = consensus(solutions.map((s) => s[k] ?? []));
    values[row] = agreed;
    if (agreed.some((v) => v === null)) unsolved.add(row);
  });
  return { values, unsolved };
}

/** Positional reading: the data rows (six or more numbers) in order, when there are exactly 25. */
function positional(stream: TextStream, from: number, to: number): Token[][] | null {
  const rows = tokenizeRange(stream, from, to, true).filter((r) => r.length >= WIDTH - 1);
  if (rows.length !== APPLICATION_ROWS.length) return null;
  return rows.map((r) => {
    const t = [...r];
    while (t.length > WIDTH && t[t.length - 1]?.kind === "blank") t.pop();
    return t;
  });
}

/**
 * Reads table 三 between `from` and `to` (the start of table 四 or the end of the document); `truncated`
 * says the document ends inside the table, so rows missing at its end make one "incomplete" finding.
 */
export function readApplicationsTable(
  stream: TextStream,
  from: number,
  to: number,
  truncated: boolean,
): Table3Reading {
  const spans = findLabels(stream, from, to);
  const found = spans.some((s) => s !== null);
  const firstSpan = spans.find((s) => s !== null);
  const start = firstSpan?.start ?? from;
  const findings: Finding[] = [];
  let format2019 = false;
  if (spans[IDX["other.noSupplement"] ?? 0] === null && spans[IDX["other.unpaidFee"] ?? 0] === null) {
    OTHER_HANDLING_2019.lastIndex = spans[IDX["notProcessed.confirmation"] ?? 0]?.end ?? start;
    const m = OTHER_HANDLING_2019.exec(stream.text);
    if (m && m.index < to) {
      format2019 = true;
      spans[IDX["other.other"] ?? 0] = { start: m.index, end: m.index + m[0].length };
    }
  }
  const reads: RowRead[] = spans.map((span, i) => {
    if (!span) return { tokens: null, candidates: null };
    const next = spans.slice(i + 1).find((s) => s !== null);
    const last = !next;
    return readRow(gather(tokenizeRange(stream, span.end, next?.start ?? to), WIDTH, last));
  });
  let end = to;
  const lastSpan = [...spans].reverse().find((s) => s !== null);
  const labelled = reads.every(
    (r, i) => (r.candidates !== null && r.candidates.length > 0) || (format2019 && (i === 20 || i === 21)),
  );
  if (!labelled && found) {
    const rows = positional(stream, start, to);
    if (rows)
      rows.forEach((tokens, i) => {
        reads[i] = readRow(tokens);
      });
  }
  const { values, unsolved } = solve(reads);
  const rows: Record<string, Count[]> = {};
  const locations: Record<string, string> = {};
  let blanks = 0;
  const blankRows: string[] = [];
  let cut = spans.length;
  while (truncated && cut > 0 && spans[cut - 1] === null) cut -= 1;
  if (found && cut < spans.length) {
    const missing = APPLICATION_ROWS[cut];
    findings.push({
      rule: "C-6",
      severity: "error",
      where: `表三「${missing?.label ?? ""}」行起`,
      expected: `${APPLICATION_ROWS.length} 行`,
      actual: `${cut} 行`,
      message: `报告不完整（incomplete）：文件在表三「${APPLICATION_ROWS[cut - 1]?.label ?? ""}」行之后中断，缺少其后 ${spans.length - cut} 行及表四，缺少的数字按空值处理，不作推测`,
    });
  }
  APPLICATION_ROWS.forEach((spec, i) => {
    const read = reads[i];
    rows[spec.key] = values[i] ?? [null, null, null, null, null, null, null];
    const tokens = read?.tokens;
    if (tokens) {
      const runTogether = tokens.length < WIDTH;
      for (let c = 0; c < WIDTH; c++) {
        const t = tokens[runTogether ? 0 : c];
        if (t)
          locations[`applications.${spec.key}.${c}`] = runTogether ? `${t.where}（连写数字拆分）` : t.where;
      }
      const rowBlanks = tokens.filter((t) => t.kind === "blank").length;
      if (rowBlanks > 0 && !runTogether) {
        blanks += rowBlanks;
        blankRows.push(spec.label);
      }
      // C-5: a count is a non-negative safe integer; any other number in a cell is null, quoted.
      if (!runTogether)
        tokens.forEach((t, c) => {
          if (isImpossibleCount(t))
            findings.push(impossibleCountFinding(stream, t, describeApplicationCell(spec.key, c)));
        });
      const lastToken = tokens[tokens.length - 1];
      if (lastToken && i === APPLICATION_ROWS.length - 1)
        end = Math.max(lastSpan?.end ?? 0, lastToken.offset + 1);
    }
    if (format2019 && (spec.key === "other.noSupplement" || spec.key === "other.unpaidFee")) return;
    if (!found || i >= cut) return;
    if (!read?.tokens) {
      findings.push({
        rule: "C-6",
        severity: "error",
        where: `表三「${spec.label}」行`,
        expected: "7 个数字",
        actual: spans[i] ? "无法对应的数字" : "缺少该行",
        message: spans[i]
          ? `表三「${spec.label}」行的数字无法读取（数量不是 7 个或与行标签错位），按空值处理`
          : `表三缺少「${spec.label}」行`,
      });
    } else if (unsolved.has(i)) {
      const digits = quoteText(read.tokens.map((t) => t.digits || "空").join(" "));
      const n = read.candidates?.length ?? 0;
      findings.push({
        rule: "C-6",
        severity: "error",
        where: `表三「${spec.label}」行 · ${read.tokens[0]?.where ?? ""}`,
        expected: "7 个可区分的数字",
        actual: digits,
        message:
          n === 0
            ? `表三「${spec.label}」行的数字连写为“${digits}”，没有任何拆分方式满足勾稽关系，无法确定，按空值处理`
            : `表三「${spec.label}」行的数字连写为“${digits}”，有多种拆分方式都满足勾稽关系，无法确定的单元格按空值处理`,
      });
    }
  });
  if (blanks > 0) {
    findings.push({
      rule: "C-5",
      severity: "warning",
      where: `表三 ${blankRows.slice(0, 5).join("、")}${blankRows.length > 5 ? ` 等 ${blankRows.length} 行` : ""}`,
      expected: "数字",
      actual: `空白单元格 ${blanks} 个`,
      message: `表三有 ${blanks} 个单元格为空白或“/”“—”，按 0 计算；年报表格应填写数字 0`,
    });
  }
  return { found, rows, locations, findings, format2019, start, end };
}
