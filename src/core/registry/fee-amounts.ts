/**
 * Money of the 行政事业性收费 register in integer 分 (cents), so sums are exact: parsing 元 amounts and
 * writing table 二 第二十条第（八）项 in 万元 with four decimals.
 */

/** The largest amount accepted for one record, in 分 (10¹³ 元 would be absurd; this keeps sums exact). */
export const MAX_FEE_FEN = 10 ** 15;

/** "12345.67" 元 (up to two decimals, no sign or separators) → 1234567 分; null when it is not such an amount. */
export function parseYuan(text: string): number | null {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return fen <= MAX_FEE_FEN ? fen : null;
}

/** 1234567 分 → "12345.67" 元. */
export function formatYuan(fen: number): string {
  const whole = Math.floor(fen / 100);
  return `${whole}.${String(fen % 100).padStart(2, "0")}`;
}

/**
 * 分 → 万元 with four decimals, exactly. One ten-thousandth of 万元 is 1 元, so the 分 are rounded to whole 元
 * half up [P] (0.50 元 counts as 1 元): 1014558900 分 → "1014.5589".
 */
export function fenToWanYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`invalid amount in fen: ${fen}`);
  const yuan = Math.floor((fen + 50) / 100);
  const wan = Math.floor(yuan / 10000);
  return `${wan}.${String(yuan % 10000).padStart(4, "0")}`;
}
