/**
 * Reads an XLSX workbook with exceljs: every non-empty worksheet row becomes a table row with its
 * cell texts in column order. A merged area's value stands once, in its master cell; the other cells
 * of the merge are empty.
 */
// exceljs (slow to load) is imported when a workbook is made, not when the server starts.
import type ExcelJS from "exceljs";
import type { SourceDocument, SourceMetadata, SourceRow } from "../core/report/source-document.ts";
import { assertZipWithinLimits } from "./bounded-unzip.ts";
import { DOCUMENT_INFLATE_LIMITS } from "./inflate-limits.ts";
import { ReadError } from "./read-error.ts";
import { collapseWhitespace, findPublishedOnInCells } from "./reader-utils.ts";

/** The text of one cell value, whatever its kind (rich text, formula result, hyperlink, date…). */
export function cellValueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return "";
    return typeof result === "object" && !(result instanceof Date)
      ? cellValueText(result as ExcelJS.CellValue)
      : cellValueText(result as string | number | boolean | Date);
  }
  if ("text" in value) {
    const text = (value as { text: unknown }).text;
    return typeof text === "string" ? text : cellValueText(text as ExcelJS.CellValue);
  }
  return "";
}

const SHEET_REFERENCE = /见工作表[「“"](.+?)[」”"]/;

/**
 * Rows of all sheets in workbook order, except that a row referring to another sheet ("（见工作表「表三」）")
 * is replaced by that sheet's rows, so a table kept on its own sheet is read where the text places it.
 */
function inlineReferencedSheets(bySheet: ReadonlyMap<string, SourceRow[]>): SourceRow[] {
  const placed = new Set<string>();
  const expand = (name: string): SourceRow[] => {
    placed.add(name);
    return (bySheet.get(name) ?? []).flatMap((row) => {
      const ref = row.cells.length === 1 ? SHEET_REFERENCE.exec(row.cells[0]?.text ?? "")?.[1] : undefined;
      return ref && bySheet.has(ref) && !placed.has(ref) ? expand(ref) : [row];
    });
  };
  return [...bySheet.keys()].flatMap((name) => (placed.has(name) ? [] : expand(name)));
}

/**
 * Reads every worksheet of an XLSX file into table rows ("工作表「名称」第 R 行第 C 列"). The workbook is
 * first inflated entry by entry within DOCUMENT_INFLATE_LIMITS, so exceljs never meets a bomb.
 */
export async function readXlsx(bytes: Uint8Array): Promise<SourceDocument> {
  await assertZipWithinLimits(bytes, DOCUMENT_INFLATE_LIMITS);
  const { Workbook } = (await import("exceljs")).default;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as never);
  } catch (cause) {
    throw new ReadError("CORRUPT_FILE", "XLSX 文件已损坏，无法读取", { cause });
  }
  const bySheet = new Map<string, SourceRow[]>();
  let publishedOn: string | undefined;
  for (const sheet of workbook.worksheets) {
    const sheetRows: SourceRow[] = [];
    bySheet.set(sheet.name, sheetRows);
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const texts: string[] = [];
      for (let col = 1; col <= row.cellCount; col++) {
        const cell = row.getCell(col);
        const slave = cell.isMerged && cell.master.address !== cell.address;
        texts.push(slave ? "" : collapseWhitespace(cellValueText(cell.value)));
      }
      while (texts.length > 0 && texts[texts.length - 1] === "") texts.pop();
      if (texts.length === 0) return;
      if (!publishedOn) publishedOn = findPublishedOnInCells(texts);
      sheetRows.push({
        cells: texts.map((text, i) => ({
          text,
          where: `工作表「${sheet.name}」第 ${rowNumber} 行第 ${i + 1} 列`,
        })),
        table: true,
      });
    });
  }
  const rows = inlineReferencedSheets(bySheet);
  const title = collapseWhitespace(workbook.title ?? "");
  const metadata: SourceMetadata = {
    ...(publishedOn ? { publishedOn } : {}),
    ...(title ? { title } : {}),
  };
  return { format: "xlsx", rows, metadata, problems: [] };
}
