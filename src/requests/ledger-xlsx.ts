/**
 * The ledger (台账) as XLSX (exceljs): the import template, the export of an agency-year, and reading an
 * uploaded sheet back into rows of text keyed by column.
 */
// exceljs (slow to load) is imported when a workbook is made, not when the server starts.
import type ExcelJS from "exceljs";
import { assertZipWithinLimits } from "../readers/bounded-unzip.ts";
import { IMPORT_INFLATE_LIMITS, isInflateLimitError } from "../readers/inflate-limits.ts";
import { LEDGER_COLUMNS, type LedgerKey } from "./ledger-columns.ts";

/** One ledger row as text, with its sheet row number. */
export interface LedgerRow {
  readonly rowNumber: number;
  readonly values: Readonly<Record<LedgerKey, string>>;
}

/** A workbook with the ledger sheet, its header row and the given rows. */
async function workbookOf(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const { Workbook } = (await import("exceljs")).default;
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("台账");
  sheet.columns = LEDGER_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([...r]);
  const notes = workbook.addWorksheet("填写说明");
  notes.addRow([
    "每行一件申请；日期填写为 YYYY-MM-DD；带选项的列填写下列文字之一。导入时每行都会校验，任一行不合格则整份不导入。",
  ]);
  for (const c of LEDGER_COLUMNS) {
    if ("values" in c)
      notes.addRow([c.header, [...c.values.keys()].filter((k) => !/^O-/.test(k)).join("、")]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The empty import template. */
export function ledgerTemplate(): Promise<Buffer> {
  return workbookOf([]);
}

/** A ledger of rows (each in LEDGER_COLUMNS order). */
export function ledgerWorkbook(rows: readonly (readonly string[])[]): Promise<Buffer> {
  return workbookOf(rows);
}

/** A cell as text: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text).trim();
    return "";
  }
  return String(value).trim();
}

/** Reads the first sheet: the header row must name the ledger's columns; empty rows are skipped. */
export async function readLedger(bytes: Uint8Array): Promise<LedgerRow[] | string> {
  const { Workbook } = (await import("exceljs")).default;
  const workbook = new Workbook();
  try {
    // A workbook inflating past 32 MB or holding over 2,000 parts is refused before exceljs inflates it.
    await assertZipWithinLimits(bytes, IMPORT_INFLATE_LIMITS);
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    if (isInflateLimitError(error)) return error.message;
    return "无法读取该文件：请上传由台账模板填写的 XLSX 文件";
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return "文件中没有工作表";
  const headers = LEDGER_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value));
  const wrong = LEDGER_COLUMNS.findIndex((c, i) => headers[i] !== c.header);
  if (wrong >= 0) return `第 1 行第 ${wrong + 1} 列应为“${LEDGER_COLUMNS[wrong]?.header}”：请使用台账模板`;
  const rows: LedgerRow[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const values = Object.fromEntries(
      LEDGER_COLUMNS.map((c, i) => [c.key, cellText(row.getCell(i + 1).value)]),
    );
    if (Object.values(values).every((v) => v === "")) continue;
    rows.push({ rowNumber: n, values: values as Record<LedgerKey, string> });
  }
  return rows;
}
