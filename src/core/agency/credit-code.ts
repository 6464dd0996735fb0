/**
 * The 统一社会信用代码 (unified social credit code) of GB 32100-2015: 18 characters from a 31-character set
 * (digits and capital letters without I, O, S, V, Z); the 18th is a check character computed from the first 17.
 */

/** The code's character set; a character's value is its index. */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** The weights of positions 1–17 (3^(i−1) mod 31). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters, or null when they are not 17 characters of the set. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(check);
}

/** The code as entered, trimmed and upper-cased (the form in which it is stored and compared). */
export function normaliseCreditCode(code: string): string {
  return code.trim().toUpperCase();
}

/** True when `code` is 18 characters of the set and its 18th is the GB 32100-2015 check character. */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  return expected !== null && expected === code.charAt(17);
}
