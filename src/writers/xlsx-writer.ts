/**
 * XLSX workbook: a sheet 报告正文 with the six sections, and one sheet per table with the merged header
 * cells of the national format, numbers as numbers and the fee amount kept exact.
 */
// exceljs (slow to load) is imported when a workbook is made, not when the server starts.
import type ExcelJS from "exceljs";
import type { AnnualReport } from "../core/report/report-model.ts";
import { reportSections, reportTitle } from "./report-parts.ts";
import type { PlacedCell, ReportTable } from "./table-layout.ts";
import { placeCells, reportTables } from "./table-layout.ts";

/** The name of the worksheet that holds the report's prose. */
export const TEXT_SHEET = "报告正文";

const THIN = { style: "thin", color: { argb: "FF000000" } } as const;
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN } as const;
const FONT = { name: "宋体", size: 11 } as const;

/**
 * The fee amount as a cell: a number formatted with at least four decimals when the decimal string
 * survives the trip through a double exactly, else the string itself (the value is never rounded).
 */
export function amountCell(text: string): { value: number | string; numFmt?: string } {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return { value: text };
  const [, sign = "", whole = "", fraction = ""] = match;
  const canonicalFraction = fraction.replace(/0+$/, "");
  const canonical = `${sign}${whole.replace(/^0+(?=\d)/, "")}${canonicalFraction ? `.${canonicalFraction}` : ""}`;
  const value = Number(canonical);
  if (String(value) !== canonical) return { value: text };
  return { value, numFmt: `0.${"0".repeat(Math.max(4, fraction.length))}` };
}

/** Display width of text in Excel character units (CJK characters count twice). */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

function writeCell(ws: ExcelJS.Worksheet, cell: PlacedCell): void {
  const target = ws.getCell(cell.row + 1, cell.col + 1);
  if (cell.kind === "count") {
    if (cell.text !== "") target.value = Number(cell.text);
  } else if (cell.kind === "amount") {
    if (cell.text !== "") {
      const { value, numFmt } = amountCell(cell.text);
      target.value = value;
      if (numFmt) target.numFmt = numFmt;
    }
  } else {
    target.value = cell.text;
  }
  target.font = FONT;
  target.alignment = {
    vertical: "middle",
    horizontal: cell.kind === "label" ? "left" : "center",
    wrapText: true,
  };
  for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) ws.getCell(r + 1, c + 1).border = BORDER;
  }
  if (cell.rowSpan > 1 || cell.colSpan > 1) {
    ws.mergeCells(cell.row + 1, cell.col + 1, cell.row + cell.rowSpan, cell.col + cell.colSpan);
  }
}

function addTableSheet(wb: ExcelJS.Workbook, table: ReportTable): void {
  const ws = wb.addWorksheet(table.name, {
    views: table.headerRows > 0 ? [{ state: "frozen", xSplit: 0, ySplit: table.headerRows }] : [],
    pageSetup: {
      paperSize: 9,
      orientation: table.columns > 10 ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const scale = table.key === "review" ? 1.3 : 1.45;
  const widths = table.widths.map((w) => Math.max(8, Math.round(w * scale)));
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const placed = placeCells(table);
  for (const cell of placed) writeCell(ws, cell);
  // Row heights from the wrapped text of the single-row cells (Excel does not grow merged rows itself).
  table.rows.forEach((_, row) => {
    let lines = 1;
    for (const cell of placed.filter((c) => c.row === row && c.rowSpan === 1)) {
      const width = widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
      lines = Math.max(lines, Math.ceil(textWidth(cell.text) / Math.max(1, width - 1)));
    }
    ws.getRow(row + 1).height = Math.max(20, lines * 15 + 4);
  });
}

function addTextSheet(wb: ExcelJS.Workbook, report: AnnualReport, tables: readonly ReportTable[]): void {
  const ws = wb.addWorksheet(TEXT_SHEET, { pageSetup: { paperSize: 9, orientation: "portrait" } });
  ws.getColumn(1).width = 100;
  const add = (text: string, font: Partial<ExcelJS.Font>, center = false) => {
    const row = ws.addRow([text]);
    const cell = row.getCell(1);
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: "top", horizontal: center ? "center" : "left" };
    row.height = Math.max(20, Math.ceil(textWidth(text) / 98) * 18 + 4);
  };
  add(reportTitle(report), { name: "黑体", size: 16, bold: true }, true);
  for (const section of reportSections(report)) {
    add(section.heading, { name: "黑体", size: 12, bold: true });
    for (const p of section.paragraphs) add(`　　${p}`, { name: "仿宋", size: 12 });
    for (const table of tables.filter((t) => t.sectionNo === section.no)) {
      add(`（见工作表「${table.name}」）`, { name: "仿宋", size: 12, italic: true });
    }
  }
}

/** Writes the report as an XLSX workbook (报告正文, 表二, 表三, 表四). */
export async function writeXlsx(report: AnnualReport): Promise<Uint8Array> {
  const { Workbook } = (await import("exceljs")).default;
  const wb = new Workbook();
  wb.creator = "Gongkai";
  wb.title = reportTitle(report);
  const tables = reportTables(report);
  addTextSheet(wb, report, tables);
  for (const table of tables) addTableSheet(wb, table);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
