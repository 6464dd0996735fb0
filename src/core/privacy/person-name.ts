/**
 * Masking natural persons' names on public pages (个人信息保护法第二十八条 and 政府网站 practice): the surname
 * stays, every other character becomes "*" (张三 → 张*, 欧阳娜娜 → 欧***). Organisations are not masked by this.
 */

/** The name with only its first character kept; an empty name stays empty. */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return "";
  return `${chars[0]}${"*".repeat(Math.max(1, chars.length - 1))}`;
}
