/**
 * How a letter's plain text is laid out as a 公文-style letter: the 抬头 (first line ending in "：") flush
 * left, the 正文 paragraphs indented two characters, the 落款 (the agency line and the date line
 * "2022年9月28日") right-aligned, and what follows the date (the contact line) as notes.
 */

/** The parts of a letter body. */
export interface LetterLayout {
  readonly salutation: string | null;
  readonly paragraphs: readonly string[];
  /** The 落款 lines (agency, date), empty when the text has no date line. */
  readonly signature: readonly string[];
  readonly notes: readonly string[];
}

const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

/** Splits a body into salutation, paragraphs, signature and notes (blank lines are ignored). */
export function letterLayout(body: string): LetterLayout {
  const lines = body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const first = lines[0];
  const salutation = first !== undefined && /[：:]$/.test(first) ? first : null;
  const rest = salutation === null ? lines : lines.slice(1);
  let dateAt = -1;
  for (let i = rest.length - 1; i >= 0; i--) {
    if (DATE_LINE.test(rest[i] ?? "")) {
      dateAt = i;
      break;
    }
  }
  if (dateAt < 0) return { salutation, paragraphs: rest, signature: [], notes: [] };
  const signatureStart = dateAt > 0 ? dateAt - 1 : dateAt;
  return {
    salutation,
    paragraphs: rest.slice(0, signatureStart),
    signature: rest.slice(signatureStart, dateAt + 1),
    notes: rest.slice(dateAt + 1),
  };
}
