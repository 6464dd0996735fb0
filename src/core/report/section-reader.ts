/**
 * Finds the report's title (agency, year) and the headings of its six sections in the stream, whatever
 * their numbering (rule C-11 judges the numbering; this only reads what is written).
 */
import { SECTION_TITLE_PATTERNS } from "./section-titles.ts";
import type { TextStream } from "./text-stream.ts";

/** A section heading found in the document. */
export interface HeadingFound {
  readonly index: number;
  readonly no: string;
  readonly title: string;
  readonly start: number;
  readonly end: number;
}

const NUMERALS = "一二三四五六七八九十";
const BOUNDARY = "\n\t。；;:：!！?？ ";
/** First characters of the six titles (and their variants): a cheap test before the patterns run. */
const TITLE_FIRST = new Set(["总", "主", "收", "政", "行", "存", "问", "其"]);

const isSpace = (code: number): boolean =>
  code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000;

/** White space as String.prototype.trim sees it (line breaks excepted: lines hold none). */
const isTrimmed = (code: number): boolean =>
  (code >= 9 && code <= 13) ||
  code === 32 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;

/** Whitespace-free copy of a window of text with a map back to window offsets. */
function compact(window: string): { text: string; map: number[] } {
  const map: number[] = [];
  const chars: string[] = [];
  for (let i = 0; i < window.length; i++) {
    if (isSpace(window.charCodeAt(i))) continue;
    chars.push(window[i] ?? "");
    map.push(i);
  }
  return { text: chars.join(""), map };
}

/** Offset of the first character that is not a space at or after `at`. */
function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return i;
}

/** Matches a section title at `at`; returns the canonical index and where the title ends. */
function titleAt(text: string, at: number): { index: number; title: string; end: number } | null {
  if (!TITLE_FIRST.has(text[at] ?? "")) return null;
  const window = text.slice(at, at + 60);
  const { text: flat, map } = compact(window);
  for (let index = 0; index < SECTION_TITLE_PATTERNS.length; index++) {
    const m = SECTION_TITLE_PATTERNS[index]?.exec(flat);
    if (m) {
      const lastChar = map[m[0].length - 1] ?? 0;
      return { index, title: m[0], end: at + lastChar + 1 };
    }
  }
  return null;
}

/** Finds the first heading of each of the six sections, in document order. */
export function findHeadings(stream: TextStream): HeadingFound[] {
  const text = stream.text;
  const found = new Map<number, HeadingFound>();
  // Numbered headings: a numeral (一 … 十, one or two) and 、 or . at a boundary, then a title. One pass
  // over the text: each mark looks back at most over the spaces before it and forward at most 60 characters.
  for (let mark = 0; mark < text.length; mark++) {
    const code = text.charCodeAt(mark);
    if (code !== 0x3001 && code !== 0x2e) continue;
    let n = mark - 1;
    while (n >= 0 && text.charCodeAt(n) === 32) n--;
    let first = n;
    while (first >= 0 && mark - first <= 3 && NUMERALS.includes(text[first] ?? "")) first--;
    const numeral = text.slice(first + 1, n + 1);
    let before = first;
    while (before >= 0 && text.charCodeAt(before) === 32) before--;
    if (
      numeral.length >= 1 &&
      numeral.length <= 2 &&
      (before < first || before < 0 || BOUNDARY.includes(text[before] ?? ""))
    ) {
      const at = skipSpaces(text, mark + 1);
      const t = titleAt(text, at);
      if (t && !found.has(t.index)) {
        found.set(t.index, { index: t.index, no: numeral, title: t.title, start: first + 1, end: t.end });
      }
    }
  }
  // Headings written without a numeral stand alone at the start of a short line.
  let lineStart = 0;
  while (lineStart < text.length) {
    const lineEnd = text.indexOf("\n", lineStart);
    const stop = lineEnd < 0 ? text.length : lineEnd;
    let lead = 0;
    while (lineStart + lead < stop && isTrimmed(text.charCodeAt(lineStart + lead))) lead++;
    let tail = stop;
    while (tail > lineStart + lead && isTrimmed(text.charCodeAt(tail - 1))) tail--;
    if (tail - lineStart - lead <= 24) {
      const t = titleAt(text, lineStart + lead);
      if (t && !found.has(t.index) && t.end <= stop) {
        found.set(t.index, { index: t.index, no: "", title: t.title, start: lineStart + lead, end: t.end });
      }
    }
    lineStart = stop + 1;
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

const TITLE_RE =
  /^(?:标题[:：])?(?:正文)?(.{0,40}?)((?:19|20)\d{2})年度?(.{0,30}?)(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?报告/;

/** Agency and year from the title (a metadata title first, else the first lines of the body). */
export function readTitle(
  stream: TextStream,
  metadataTitle?: string,
): { agency: string | null; year: number | null } {
  const candidates = [metadataTitle ?? "", stream.text.slice(0, 600)];
  for (const candidate of candidates) {
    const flat = candidate.replace(/\s+/g, "");
    const lines = flat ? [flat] : [];
    for (const line of lines) {
      const m = TITLE_RE.exec(line);
      if (!m) continue;
      const before = (m[1] ?? "").replace(/^.*[。；:：]/, "");
      const after = m[3] ?? "";
      const agency = (after || before).replace(/[《》"“”]/g, "") || null;
      return { agency, year: Number(m[2]) };
    }
  }
  return { agency: null, year: null };
}
