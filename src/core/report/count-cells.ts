/**
 * Counts read from table cells (rule C-5: every count is a non-negative integer). A cell holding a number
 * no count can be — negative, a fraction, an exponent, a comma decimal, or past 2^53 − 1 where digits stop
 * being exact — is read as null with a finding that quotes the cell as written. Never a guessed number.
 */
import type { Count, Finding } from "./report-model.ts";
import { cellIndexAt, type TextStream, type Token } from "./text-stream.ts";

/** Longest cell text quoted in a finding; longer cells are cut with "…". */
const QUOTE_LIMIT = 40;

/** The count a token stands for: a blank is 0, digits a safe non-negative integer, anything else null. */
export function tokenCount(token: Token): Count {
  if (token.kind === "blank") return 0;
  if (token.kind !== "int") return null;
  const n = Number(token.digits);
  return Number.isSafeInteger(n) ? n : null;
}

/** True when a token is written as a number but cannot be a count (tokenCount gives null). */
export function isImpossibleCount(token: Token): boolean {
  return tokenCount(token) === null;
}

/** Text cut to `limit` characters with "…", for quoting cells and digit runs in findings. */
export function quoteText(text: string, limit = QUOTE_LIMIT): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** The text of the cell a token was read from, trimmed and cut for quoting. */
export function cellTextOf(stream: TextStream, token: Token): string {
  const cell = stream.cells[cellIndexAt(stream, token.offset)];
  const text = cell ? stream.text.slice(cell.start, Math.min(cell.end, cell.start + 200)).trim() : "";
  return quoteText(text || token.digits);
}

/** The C-5 finding for a count cell holding an impossible number; `where` names the cell in Chinese. */
export function impossibleCountFinding(stream: TextStream, token: Token, where: string): Finding {
  const quoted = cellTextOf(stream, token);
  return {
    rule: "C-5",
    severity: "error",
    where: `${where} · ${token.where}`,
    expected: "非负整数",
    actual: quoted,
    message: `${where}的单元格“${quoted}”不是非负整数（件数只能是 0 或正整数，且不超过 9007199254740991），按空值处理`,
  };
}
