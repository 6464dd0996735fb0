/**
 * CSV text → rows of cells (RFC 4180: commas, double-quoted fields with "" escapes and line breaks inside,
 * CRLF or LF line ends). Fully blank lines are dropped; the caller keeps the original line numbers.
 */

/** One parsed CSV record with the line it started on (1-based). */
export interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/** The error of a malformed CSV text. */
export class CsvError extends Error {
  /** The line (1-based) where the problem is. */
  readonly line: number;

  /** Make an error about a line. */
  constructor(line: number, message: string) {
    super(message);
    this.name = "CsvError";
    this.line = line;
  }
}

/** Parses CSV text into records; throws CsvError on an unterminated quoted field or stray quote. */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
    afterQuote = false;
  };
  while (i < text.length) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') {
      if (cell !== "" || afterQuote) throw new CsvError(line, `第 ${line} 行：引号位置不正确`);
      quoted = true;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
      afterQuote = false;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      if (ch === "\r" && text.charAt(i + 1) === "\n") i++;
      line++;
      rowLine = line;
    } else {
      if (afterQuote) throw new CsvError(line, `第 ${line} 行：引号后有多余字符`);
      cell += ch;
    }
    i++;
  }
  if (quoted) throw new CsvError(rowLine, `第 ${rowLine} 行：引号未闭合`);
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}

/** Cells → one CSV line (quoted when they hold a comma, quote or line break). */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",");
}
