/**
 * The document as one searchable string: cells joined by tabs, rows by newlines, every character
 * traceable to the cell it came from. Labels are searched in it whitespace-tolerantly; numbers are
 * tokenised from ranges of it, keeping cell structure (blank cells, row ends).
 */
import type { SourceDocument } from "./source-document.ts";

/** One cell placed in the stream. */
export interface StreamCell {
  readonly start: number;
  readonly end: number;
  readonly row: number;
  readonly table: boolean;
  readonly where: string;
}

/** The searchable text of a document and the cell map behind it. */
export interface TextStream {
  readonly text: string;
  readonly cells: readonly StreamCell[];
}

/**
 * Kinds of token read from a range: an integer, a decimal, a blank cell (empty, "/", "—"), or a number no
 * count can be ("-3", "−3", "1,5", "1e3"), kept whole as written so that it is reported, not misread.
 */
export type TokenKind = "int" | "decimal" | "blank" | "impossible";

/** One number-like token with the place it was read. */
export interface Token {
  readonly kind: TokenKind;
  /** Digits as written ("0123" stays), "" for blanks, the whole piece for an impossible number. */
  readonly digits: string;
  readonly offset: number;
  readonly where: string;
}

const NEEDS_NORMALIZING = /[\uFF10-\uFF19\uFF0E\u3000\u00A0\u2002-\u200D\u2060\uFEFF\r]/;
const TO_NORMALIZE = /[\uFF10-\uFF19\uFF0E\u3000\u00A0\u2002-\u200D\u2060\uFEFF\r]/g;

/** The replacement of one character that cell text is normalised for. */
function normalChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
  if (code === 0xff0e) return ".";
  if (code >= 0x200b && code <= 0x200d) return "";
  if (code === 0x2060 || code === 0xfeff) return "";
  return " ";
}

/**
 * Normalises cell text for reading numbers: full-width digits and point to ASCII, ideographic and
 * no-break spaces to spaces, zero-width characters removed; Chinese punctuation stays as written.
 */
export function normalizeCellText(text: string): string {
  return NEEDS_NORMALIZING.test(text) ? text.replace(TO_NORMALIZE, normalChar) : text;
}

/** Builds the stream of a document. */
export function buildStream(doc: SourceDocument): TextStream {
  const parts: string[] = [];
  const cells: StreamCell[] = [];
  let offset = 0;
  doc.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (c > 0) {
        parts.push("\t");
        offset += 1;
      }
      const normal = normalizeCellText(cell.text);
      const text = normal.includes("\t") || normal.includes("\n") ? normal.replace(/[\t\n]/g, " ") : normal;
      cells.push({ start: offset, end: offset + text.length, row: r, table: row.table, where: cell.where });
      parts.push(text);
      offset += text.length;
    });
    parts.push("\n");
    offset += 1;
  });
  return { text: parts.join(""), cells };
}

/** Index of the cell holding an offset (the last cell starting at or before it). */
export function cellIndexAt(stream: TextStream, offset: number): number {
  let lo = 0;
  let hi = stream.cells.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((stream.cells[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where an offset was read, in the reader's words. */
export function whereAt(stream: TextStream, offset: number): string {
  return stream.cells[cellIndexAt(stream, offset)]?.where ?? "";
}

const GROUPED_INT = /^\d{1,3}(?:,\d{3})+$/;
const DECIMAL = /^\d+\.\d+$/;
const GROUPED_DECIMAL = /^\d{1,3}(?:,\d{3})+\.\d+$/;
const BLANK_MARK = /^[/／—–\-－_]+$/;
const DIGIT_RUN = /\d+(?:\.\d+)?/g;
/** A minus sign (ASCII, U+2212, full-width, small, hyphens, en dash) before a number. */
const SIGNED = /^[-\u2212\uFF0D\uFE63\u2010-\u2013]\d+(?:[.,]\d+)*$/;
/** Digits with commas that are not thousands grouping ("1,5", "12,50", "1,23,456"), or an exponent. */
const MISWRITTEN = /^\d+(?:,\d+)+(?:\.\d+)?$|^\d+(?:\.\d+)?[eE][-+]?\d+$/;

type Item = Token | { readonly kind: "empty" };

/** Splits text at white space and classifies each piece (a hand loop: this runs for every cell read). */
function splitPieces(text: string, offset: number, where: string, out: Item[], strict: boolean): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const space = code === 32 || code === 9 || code === 10 || code === 13;
    if (!space && start < 0) start = i;
    else if (space && start >= 0) {
      classify(text.slice(start, i), offset + start, where, out, strict);
      start = -1;
    }
  }
}

/** True when every character is an ASCII digit. */
function allDigits(piece: string): boolean {
  for (let i = 0; i < piece.length; i++) {
    const code = piece.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return piece.length > 0;
}

/** Classifies one whitespace-free piece of cell text into tokens (numbers glued to text yield their digits). */
function classify(piece: string, offset: number, where: string, out: Item[], strict: boolean): void {
  if (allDigits(piece)) out.push({ kind: "int", digits: piece, offset, where });
  else if (GROUPED_INT.test(piece)) out.push({ kind: "int", digits: piece.replace(/,/g, ""), offset, where });
  else if (DECIMAL.test(piece) || GROUPED_DECIMAL.test(piece))
    out.push({ kind: "decimal", digits: piece.replace(/,/g, ""), offset, where });
  else if (BLANK_MARK.test(piece)) out.push({ kind: "blank", digits: "", offset, where });
  else if (SIGNED.test(piece) || MISWRITTEN.test(piece))
    out.push({ kind: "impossible", digits: piece, offset, where });
  else if (!strict) {
    for (const m of piece.matchAll(DIGIT_RUN)) {
      const digits = m[0];
      out.push({
        kind: digits.includes(".") ? "decimal" : "int",
        digits,
        offset: offset + (m.index ?? 0),
        where,
      });
    }
  }
}

/**
 * Tokenises [from, to) of the stream into rows of tokens. Empty cells between numbers are blanks; in table
 * rows empty cells after a number are blanks too (trimmed later if in excess); leading empty cells are
 * merged label cells that a copy lost, and are dropped. `strict` keeps only whole numeric pieces (no digits
 * glued to text, such as a label's "1.").
 */
export function tokenizeRange(stream: TextStream, from: number, to: number, strict = false): Token[][] {
  const rows: Token[][] = [];
  let current: Item[] = [];
  let currentRow = -1;
  let currentTable = false;
  const flush = (): void => {
    if (currentRow >= 0) {
      const tokens = settle(current, currentTable);
      if (tokens.length > 0) rows.push(tokens);
    }
    current = [];
  };
  for (let i = from >= 0 ? cellIndexAt(stream, from) : 0; i < stream.cells.length; i++) {
    const cell = stream.cells[i];
    if (!cell || cell.start >= to) break;
    if (cell.end <= from && cell.end !== cell.start) continue;
    if (cell.row !== currentRow) {
      flush();
      currentRow = cell.row;
      currentTable = cell.table;
    }
    const a = Math.max(cell.start, from);
    const b = Math.min(cell.end, to);
    const text = stream.text.slice(a, b);
    if (text.trim() === "") {
      if (cell.start >= from && cell.end <= to) current.push({ kind: "empty" });
      continue;
    }
    splitPieces(text, a, cell.where, current, strict);
  }
  flush();
  return rows;
}

/** Turns a row's items into tokens: drops leading empties, keeps interior empties as blanks. */
function settle(items: readonly Item[], table: boolean): Token[] {
  const out: Token[] = [];
  let pendingEmpty = 0;
  let lastWhere = "";
  let lastOffset = 0;
  for (const item of items) {
    if (item.kind === "empty") {
      if (out.length > 0) pendingEmpty += 1;
      continue;
    }
    for (; pendingEmpty > 0; pendingEmpty--)
      out.push({ kind: "blank", digits: "", offset: lastOffset, where: lastWhere });
    out.push(item);
    lastWhere = item.where;
    lastOffset = item.offset;
  }
  if (table)
    for (; pendingEmpty > 0; pendingEmpty--)
      out.push({ kind: "blank", digits: "", offset: lastOffset, where: lastWhere });
  return out;
}

/** Escapes a string for use inside a regular expression. */
function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The pattern of one character of a label, and whether the character may be missing. */
function charPattern(ch: string): { source: string; optional: boolean } {
  if (ch === "“" || ch === "”" || ch === '"') return { source: `["“”「」『』'‘’]`, optional: true };
  if (ch === "（" || ch === "(") return { source: "[（(]", optional: false };
  if (ch === "）" || ch === ")") return { source: "[）)]", optional: false };
  if (ch === "、" || ch === "，") return { source: "[、，,]", optional: true };
  return { source: escapeRegex(ch), optional: false };
}

/**
 * A regex source matching the words with any whitespace (spaces, tabs, line breaks) between characters.
 * An optional character takes the whitespace after it inside its group ("X\s*(?:、\s*)?Y", never
 * "X\s*、?\s*Y"): two free whitespace runs side by side let the engine try every way of sharing a long
 * run of spaces between them, quadratic in its length; one run can only be taken one way.
 */
export function spaced(words: string): string {
  const chars = Array.from(words).map(charPattern);
  let out = "";
  chars.forEach((c, i) => {
    const previous = chars[i - 1];
    const last = i === chars.length - 1;
    if (previous && !previous.optional) out += "\\s*";
    if (!c.optional) out += c.source;
    else if (last) out += previous?.optional ? `(?:${c.source})?` : `${c.source}?`;
    else out += `(?:${c.source}\\s*)?`;
  });
  return out;
}
