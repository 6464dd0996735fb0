/**
 * The 18-character 居民身份证号码 of GB 11643-1999: 17 digits (region, birth date, sequence) and a check
 * character computed with ISO 7064 MOD 11-2.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

/** True when `id` is 17 digits with a real birth date and the right check character (X upper-case). */
export function isValidIdentityNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11) === id.charAt(17);
}

/** The 18-character number of 17 digits with its ISO 7064 MOD 11-2 check character appended. */
export function withIdentityCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return `${first17}${CHECK.charAt(sum % 11)}`;
}
