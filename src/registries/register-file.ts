/**
 * Register spreadsheets: reading an uploaded XLSX or CSV (UTF-8 or GBK/GB18030) into numbered rows of cell
 * texts, and writing an import template (XLSX with a sheet of instructions, or CSV with a UTF-8 BOM).
 */
import { CsvError, csvLine, parseCsv } from "../core/registry/csv-rows.ts";
import { registryError } from "../core/registry/registry-errors.ts";
import type { SheetColumn } from "../core/registry/sheet-check.ts";
import { assertZipWithinLimits } from "../readers/bounded-unzip.ts";
import { decodeText } from "../readers/decode-text.ts";
import { IMPORT_INFLATE_LIMITS, isInflateLimitError } from "../readers/inflate-limits.ts";
import { cellValueText } from "../readers/xlsx-reader.ts";

/** Largest import file (10 MB) and most data rows (20 000). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Most data rows of one import. */
export const MAX_IMPORT_ROWS = 20_000;

/** A row of cell texts with its sheet row (or CSV line) number. */
export interface SheetRow {
  readonly line: number;
  readonly cells: string[];
}

/** True when the bytes are a ZIP container (XLSX). */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The rows of the first worksheet of an XLSX file. */
async function xlsxRows(bytes: Uint8Array): Promise<SheetRow[]> {
  // exceljs (slow to load) is imported when a workbook is made, not when the server starts.
  const { Workbook } = (await import("exceljs")).default;
  const workbook = new Workbook();
  try {
    // A workbook inflating past 32 MB or holding over 2,000 parts is refused before exceljs inflates it.
    await assertZipWithinLimits(bytes, IMPORT_INFLATE_LIMITS);
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as never);
  } catch (error) {
    if (isInflateLimitError(error)) throw error;
    throw registryError("UNREADABLE_IMPORT", "无法读取该 XLSX 文件：文件已损坏或不是 Excel 工作簿");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw registryError("UNREADABLE_IMPORT", "该 XLSX 文件中没有工作表");
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellValueText(row.getCell(c).value).trim());
    if (cells.some((cell) => cell !== "")) rows.push({ line: number, cells });
  });
  return rows;
}

/** The rows of a CSV file in UTF-8 (with or without BOM) or GBK/GB18030. */
function csvRows(bytes: Uint8Array): SheetRow[] {
  const decoded = decodeText(bytes);
  if (decoded.lossy) {
    throw registryError(
      "UNREADABLE_IMPORT",
      "CSV 文件中有无法识别的字符：请以 UTF-8 或 GBK 编码保存后重新上传",
    );
  }
  try {
    return parseCsv(decoded.text.replace(/^\uFEFF/, "")).map((r) => ({ line: r.line, cells: r.cells }));
  } catch (error) {
    if (error instanceof CsvError) throw registryError("UNREADABLE_IMPORT", `CSV 格式有误：${error.message}`);
    throw error;
  }
}

/** Reads an uploaded register file (XLSX by its bytes, else CSV); refuses files too large or with too many rows. */
export async function readRegisterFile(bytes: Uint8Array): Promise<SheetRow[]> {
  if (bytes.length === 0) throw registryError("UNREADABLE_IMPORT", "上传的文件是空的");
  if (bytes.length > MAX_IMPORT_BYTES) throw registryError("IMPORT_TOO_LARGE");
  const rows = isZip(bytes) ? await xlsxRows(bytes) : csvRows(bytes);
  if (rows.length - 1 > MAX_IMPORT_ROWS) throw registryError("IMPORT_TOO_LARGE");
  return rows;
}

/** An import template as XLSX: the header row on the named sheet, what each column takes on sheet 填写说明. */
export async function templateXlsx(
  sheetName: string,
  columns: readonly SheetColumn<string>[],
): Promise<Buffer> {
  const { Workbook } = (await import("exceljs")).default;
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns.map((c) => c.header));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, c.header.length * 2 + 4);
    // Text format keeps dates, codes and numbers exactly as typed.
    sheet.getColumn(i + 1).numFmt = "@";
  });
  const help = workbook.addWorksheet("填写说明");
  help.addRow(["列名", "是否必填", "填写要求"]);
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? "必填" : "选填", c.hint]);
  help.addRow([]);
  help.addRow(["说明", "", "从第 2 行起每行一项；任何一行有误时整个文件都不导入，并列出有误的行和原因。"]);
  help.getColumn(1).width = 28;
  help.getColumn(3).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An import template as CSV (UTF-8 with BOM so that Excel opens it correctly): the header line only. */
export function templateCsv(columns: readonly SheetColumn<string>[]): Buffer {
  return Buffer.from(`\uFEFF${csvLine(columns.map((c) => c.header))}\r\n`, "utf8");
}
