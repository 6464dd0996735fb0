/**
 * The prose of the report as sentences ready for number patterns (rule C-9): split on 。；!?\n, digits made
 * half-width, thousands separators and spaces dropped (spaces between two digits kept), with a map back to
 * the sentence as written so that findings quote it.
 */
import type { ReportSection } from "../report/report-model.ts";
import { sectionIndexOfTitle } from "../report/section-titles.ts";

/** One sentence of a section: as written, and compacted for matching. */
export interface ProseSentence {
  readonly section: ReportSection;
  /** Canonical index (0–5) of the section, -1 when not recognised. */
  readonly sectionIndex: number;
  /** The sentence as written, trimmed. */
  readonly original: string;
  /** Half-width digits, no thousands separators, no spaces except between two digits. */
  readonly compact: string;
  /** For each character of `compact`, its index in `original`. */
  readonly map: readonly number[];
}

const SENTENCE_END = /[。；;！？!?\n]/;
const HAS_DIGIT = /[0-9０-９]/;
const MAX_QUOTE = 120;

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

/** Full-width digits and decimal point made half-width; every other character unchanged. */
function halfWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
  return ch === "．" ? "." : ch;
}

/**
 * Compacts a sentence for matching and maps each compact character back to the original. One pass: a run
 * of white space is looked at once, and the compact text is joined at the end (reading the last character
 * of a string being appended to would flatten it again at every character: quadratic).
 */
export function compactSentence(original: string): { compact: string; map: number[] } {
  const chars = [...original].map(halfWidth);
  const out: string[] = [];
  const map: number[] = [];
  let last = "";
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    const at = offset;
    offset += ch.length;
    if (/\s/.test(ch)) {
      let j = i + 1;
      while (j < chars.length && /\s/.test(chars[j] ?? "")) offset += (chars[j++] ?? "").length;
      if (isDigit(last) && isDigit(chars[j])) {
        out.push(" ");
        map.push(at);
        last = " ";
      }
      i = j - 1;
      continue;
    }
    if (ch === "," && isDigit(last) && /^\d{3}(?!\d)/.test(chars.slice(i + 1, i + 5).join(""))) {
      continue;
    }
    out.push(ch);
    map.push(at);
    last = ch;
  }
  return { compact: out.join(""), map };
}

/** The sentences of all sections that contain a digit, in document order. */
export function proseSentences(sections: readonly ReportSection[]): ProseSentence[] {
  const out: ProseSentence[] = [];
  for (const section of sections) {
    const sectionIndex = sectionIndexOfTitle(section.title);
    for (const piece of section.text.split(SENTENCE_END)) {
      const original = piece.trim();
      // A sentence without a digit states no number: nothing for C-9 to compare.
      if (!HAS_DIGIT.test(original)) continue;
      const { compact, map } = compactSentence(original);
      out.push({ section, sectionIndex, original, compact, map });
    }
  }
  return out;
}

/** The sentence as written, at most 120 characters, clipped with "…" around the compact span [start, end). */
export function quoteSentence(sentence: ProseSentence, start: number, end: number): string {
  const text = sentence.original;
  if (text.length <= MAX_QUOTE) return text;
  const from = sentence.map[start] ?? 0;
  const to = (sentence.map[Math.max(start, end - 1)] ?? from) + 1;
  const room = MAX_QUOTE - 2;
  let left = Math.max(0, Math.min(from - Math.floor((room - (to - from)) / 2), text.length - room));
  if (to - left > room) left = Math.max(0, to - room);
  const right = Math.min(text.length, left + room);
  return `${left > 0 ? "…" : ""}${text.slice(left, right)}${right < text.length ? "…" : ""}`;
}
