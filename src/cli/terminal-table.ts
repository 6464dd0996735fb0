/**
 * Plain terminal tables for the CLI, aligned by display width (a CJK character takes two columns).
 */

/** Display width of a string in a terminal: wide (CJK, full-width) characters count two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    width +=
      code >= 0x1100 &&
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(
        ch,
      )
        ? 2
        : 1;
  }
  return width;
}

/** Pads a string on the right (or left for numbers) to a display width. */
export function pad(s: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Cuts a string to at most `width` display columns, marking the cut with "…". */
export function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(`${out + ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/** Formats rows as aligned columns; numeric-looking cells align right. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ""))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => pad(cell, widths[c] ?? 0, c > 0 && /^[\d.—-]*$/.test(cell)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
