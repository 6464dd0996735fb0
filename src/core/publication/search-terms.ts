/**
 * Chinese full-text search terms, engine-neutral. Items are indexed under their words (as the segmenter
 * cuts them) plus every Han character and every pair of adjacent Han characters; a query word of one or two
 * characters is then an exact term, and a longer word matches as itself or as all of its character pairs —
 * so a search finds an item even where the segmenter cut the item's text differently (e.g. "期周|警情").
 * The query is rendered for SQLite FTS5 and for PostgreSQL tsquery from the same tree.
 */

/** A run of Han characters (CJK unified ideographs and extension A). */
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
/** Characters a term may hold: letters, digits, Han. Everything else separates terms. */
const TERM_CHARS = /[^\p{L}\p{N}]+/gu;
/** Longest term indexed, in characters (longer tokens are noise: URLs, hashes). */
const MAX_TERM = 32;

/** Whether a term is made of Han characters only. */
export function isHan(term: string): boolean {
  return term.length > 0 && term.replace(HAN_RUN, "") === "";
}

/** A token cleaned to a term: letters and digits only, lower-cased; "" when nothing is left. */
export function cleanTerm(token: string): string {
  const term = token.replace(TERM_CHARS, "").toLowerCase();
  return term.length > MAX_TERM ? "" : term;
}

/** The characters of each Han run, and the pairs of adjacent characters inside each run. */
export function hanGrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      out.push(chars[i] as string);
      if (i + 1 < chars.length) out.push(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return out;
}

/** The index terms of a text from its segmented words: words, Han characters and pairs, each once. */
export function indexTerms(text: string, words: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const word of words) {
    const term = cleanTerm(word);
    if (term !== "") terms.add(term);
  }
  for (const gram of hanGrams(text)) terms.add(gram);
  return [...terms];
}

/** One query word: matched as the term itself, or (for longer Han words) by all its character pairs. */
export interface QueryWord {
  readonly term: string;
  readonly pairs: readonly string[];
}

/** A parsed query: every word must match. */
export interface SearchQuery {
  readonly words: readonly QueryWord[];
}

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 100;

/** The query from the user's text and its segmented words; undefined when nothing searchable is left. */
export function parseQuery(words: readonly string[]): SearchQuery | undefined {
  const seen = new Set<string>();
  const out: QueryWord[] = [];
  for (const word of words) {
    const term = cleanTerm(word);
    if (term === "" || seen.has(term)) continue;
    seen.add(term);
    const chars = Array.from(term);
    const pairs = isHan(term) && chars.length > 2 ? chars.slice(1).map((c, i) => `${chars[i]}${c}`) : [];
    out.push({ term, pairs });
  }
  return out.length === 0 ? undefined : { words: out.slice(0, 12) };
}

/** The terms a result page highlights: the query words (longest first, so that a word wins over its parts). */
export function highlightTerms(query: SearchQuery): string[] {
  return query.words.map((w) => w.term).sort((a, b) => b.length - a.length);
}

/** The FTS5 MATCH expression of a query (terms are letters and digits only, quoted all the same). */
export function fts5Match(query: SearchQuery): string {
  const quote = (t: string) => `"${t}"`;
  return query.words
    .map((w) =>
      w.pairs.length === 0 ? quote(w.term) : `(${quote(w.term)} OR (${w.pairs.map(quote).join(" AND ")}))`,
    )
    .join(" AND ");
}

/** The PostgreSQL tsquery text of a query (input syntax: quoted lexemes, & and |). */
export function tsqueryText(query: SearchQuery): string {
  const quote = (t: string) => `'${t}'`;
  return query.words
    .map((w) =>
      w.pairs.length === 0 ? quote(w.term) : `(${quote(w.term)} | (${w.pairs.map(quote).join(" & ")}))`,
    )
    .join(" & ");
}

/** A piece of text, marked when it matched a query term. */
export interface TextPiece {
  readonly text: string;
  readonly hit: boolean;
}

/** The text cut into pieces with each occurrence of a term marked (case-insensitive for letters). */
export function highlight(text: string, terms: readonly string[]): TextPiece[] {
  const wanted = terms.filter((t) => t.length > 0);
  if (wanted.length === 0) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const pieces: TextPiece[] = [];
  let plain = 0;
  let i = 0;
  while (i < text.length) {
    const term = wanted.find((t) => lower.startsWith(t, i));
    if (!term) {
      i++;
      continue;
    }
    if (i > plain) pieces.push({ text: text.slice(plain, i), hit: false });
    pieces.push({ text: text.slice(i, i + term.length), hit: true });
    i += term.length;
    plain = i;
  }
  if (plain < text.length) pieces.push({ text: text.slice(plain), hit: false });
  return pieces;
}

/** A window of `text` around its first hit, at most `size` characters, for a result's snippet. */
export function snippet(text: string, terms: readonly string[], size = 120): string {
  const lower = text.toLowerCase();
  const first = Math.min(
    ...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0),
    Number.POSITIVE_INFINITY,
  );
  if (!Number.isFinite(first) || text.length <= size) return text.slice(0, size);
  const start = Math.max(0, Math.min(first - Math.floor(size / 3), text.length - size));
  return `${start > 0 ? "…" : ""}${text.slice(start, start + size)}${start + size < text.length ? "…" : ""}`;
}
