/**
 * Checking an imported sheet of register entries: the header row against the template's columns (every
 * required column present, none unknown or repeated), every data row with the register's own checker, and
 * 文号 repeated inside the file. Problems come back in Chinese with their row numbers.
 */
import { parseDate } from "../calendar/calendar-date.ts";

/** A problem with one field. */
export interface FieldProblem {
  /** The spreadsheet row (1-based, the header is row 1), or null for a single entry. */
  readonly row: number | null;
  /** The column header / field name in Chinese. */
  readonly column: string;
  readonly message: string;
}

/** One column of an import template. */
export interface SheetColumn<K extends string> {
  readonly field: K;
  readonly header: string;
  readonly required: boolean;
  readonly hint: string;
}

/** What a row checker answers: the fields, or the problems. */
export type RowCheck<F> = { fields: F; problems: [] } | { fields: null; problems: FieldProblem[] };

/** True when the text is a real YYYY-MM-DD date. */
export function isCalendarDate(text: string): boolean {
  try {
    parseDate(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A date as offices type it — 2022-03-01, 2022/3/1, 2022.3.1, 2022年3月1日 — as "YYYY-MM-DD"; other text as is
 * (then refused by the date check).
 */
export function normaliseDateText(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return text.trim();
  return `${m[1]}-${(m[2] as string).padStart(2, "0")}-${(m[3] as string).padStart(2, "0")}`;
}

/** The rows of a sheet, checked: the entries with their row numbers, or every problem. */
export interface CheckedRows<F> {
  readonly entries: readonly { readonly row: number; readonly fields: F }[];
  readonly problems: readonly FieldProblem[];
}

/** Checks a sheet whose first row is the header; entries are unique by `docNo` (named `docNoHeader`). */
export function checkSheet<K extends string, F extends { readonly docNo: string }>(
  rows: readonly { readonly line: number; readonly cells: readonly string[] }[],
  columns: readonly SheetColumn<K>[],
  checkRow: (text: Partial<Record<K, string>>, row: number) => RowCheck<F>,
  docNoHeader: string,
): CheckedRows<F> {
  const problems: FieldProblem[] = [];
  const [head, ...body] = rows;
  if (!head)
    return { entries: [], problems: [{ row: null, column: "", message: "文件是空的：第一行应为表头" }] };
  const fieldAt: (K | undefined)[] = [];
  const seen = new Set<string>();
  const headProblem = (column: string, text: string) =>
    problems.push({ row: head.line, column, message: `第 ${head.line} 行：${text}` });
  head.cells.forEach((raw, i) => {
    const header = raw.trim().replace(/^\uFEFF/, "");
    if (header === "") return;
    const column = columns.find((c) => c.header === header);
    if (!column) headProblem(header, `不认识的列“${header}”（请使用导入模板）`);
    else if (seen.has(header)) headProblem(header, `列“${header}”重复`);
    else {
      seen.add(header);
      fieldAt[i] = column.field;
    }
  });
  for (const column of columns) {
    if (column.required && !seen.has(column.header))
      headProblem(column.header, `缺少必填列“${column.header}”`);
  }
  if (problems.length > 0) return { entries: [], problems };
  if (body.length === 0)
    return { entries: [], problems: [{ row: null, column: "", message: "文件中没有数据行" }] };
  const entries: { row: number; fields: F }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { line, cells } of body) {
    const text: Partial<Record<K, string>> = {};
    cells.forEach((cell, i) => {
      const field = fieldAt[i];
      if (field) text[field] = cell;
      else if (cell.trim() !== "") {
        problems.push({ row: line, column: "", message: `第 ${line} 行：第 ${i + 1} 列没有表头，却有内容` });
      }
    });
    const checked = checkRow(text, line);
    if (!checked.fields) {
      problems.push(...checked.problems);
      continue;
    }
    const docNo = checked.fields.docNo;
    const earlier = firstRowOf.get(docNo);
    if (earlier !== undefined) {
      const message = `第 ${line} 行「${docNoHeader}」：“${docNo}”与第 ${earlier} 行重复`;
      problems.push({ row: line, column: docNoHeader, message });
      continue;
    }
    firstRowOf.set(docNo, line);
    entries.push({ row: line, fields: checked.fields });
  }
  return { entries, problems };
}
