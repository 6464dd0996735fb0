/**
 * Reads a report from plain text (pasted from a web page or a PDF) or Markdown produced by PDF
 * converters: each line is a row; tabs separate cells; Markdown table lines are split at their pipes.
 */
import type { SourceDocument, SourceMetadata, SourceRow } from "../core/report/source-document.ts";

const PAGE_MARKER = /^\s*(?:[-—–－]+\s*\d+\s*[-—–－]+|第\s*\d+\s*页(?:(?:\s*[,，/])?\s*共\s*\d+\s*页)?)\s*$/;
// The colon takes the spaces before it inside its optional group, so a long run of spaces is tried once, not in
// every split between two free whitespace runs (which was quadratic).
const PUBLISHED =
  /(?:发布(?:时间|日期)|公开日期|成文日期)(?:\s*[:：])?\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;
const TITLE = /^\s*标\s*题\s*[:：]\s*(.+)$/;

/** Splits a Markdown table line into its cell texts (without the outer pipes). */
function markdownCells(line: string): string[] {
  let body = line.trim();
  if (body.startsWith("|")) body = body.slice(1);
  if (body.endsWith("|")) body = body.slice(0, -1);
  return body.split("|").map((c) => c.trim());
}

/** One cell of a Markdown separator line: three or more dashes, optionally with alignment colons. */
const SEPARATOR_CELL = /^:?-{3,}:?$/;

/**
 * True when a line is a Markdown table separator (`|---|:--:|`) with at least `minCells` cells. One pass over
 * the line (split and a fixed-shape test per cell), where a single regex with free whitespace runs backtracked.
 */
export function isMarkdownSeparator(line: string, minCells = 1): boolean {
  if (!line.includes("-")) return false;
  const cells = markdownCells(line);
  return cells.length >= minCells && cells.every((cell) => SEPARATOR_CELL.test(cell));
}

/** Reads plain text or Markdown into rows of cells, one row per line. */
export function readText(input: string, format: "text" | "markdown" = "text"): SourceDocument {
  const lines = input.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const rows: SourceRow[] = [];
  let publishedOn: string | undefined;
  let title: string | undefined;
  lines.forEach((line, index) => {
    if (index === 0 && line.startsWith("# source:")) return;
    if (PAGE_MARKER.test(line)) return;
    const where = `第 ${index + 1} 行`;
    if (!publishedOn) {
      const m = PUBLISHED.exec(line);
      if (m) publishedOn = `${m[1]}-${m[2]?.padStart(2, "0")}-${m[3]?.padStart(2, "0")}`;
    }
    if (!title) {
      const t = TITLE.exec(line);
      if (t?.[1]) title = t[1].trim();
    }
    if (format === "markdown" && line.trimStart().startsWith("|")) {
      if (isMarkdownSeparator(line)) return;
      const cells = markdownCells(line).map((text, c) => ({ text, where: `${where}第 ${c + 1} 格` }));
      rows.push({ cells, table: true });
      return;
    }
    rows.push({ cells: line.split("\t").map((text) => ({ text, where })), table: false });
  });
  const metadata: SourceMetadata = {
    ...(publishedOn ? { publishedOn } : {}),
    ...(title ? { title } : {}),
  };
  return { format, rows, metadata, problems: [] };
}
