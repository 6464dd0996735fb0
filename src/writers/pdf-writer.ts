/**
 * PDF (A4, GB/T 9704 margins) with embedded free CJK fonts: the HTML's content, tables drawn cell by cell
 * with their merged header cells; a page break never cuts a row.
 */
import type { AnnualReport } from "../core/report/report-model.ts";
import {
  openCjkPdf,
  PDF_BODY,
  PDF_HEADING,
  PDF_MARGINS,
  PDF_PAGE_BOTTOM,
  PDF_TEXT_WIDTH,
} from "./pdf-document.ts";
import { reportSections, reportTitle } from "./report-parts.ts";
import type { PlacedCell, ReportTable } from "./table-layout.ts";
import { placeCells, reportTables } from "./table-layout.ts";

const MARGINS = PDF_MARGINS;
const TEXT_WIDTH = PDF_TEXT_WIDTH;
const PAGE_BOTTOM = PDF_PAGE_BOTTOM;
const BODY = PDF_BODY;
const HEADING = PDF_HEADING;
const BODY_SIZE = 16;
const LINE_PITCH = 28;
const TABLE_SIZE = 9.5;
const PAD = 3;
const MIN_ROW = 16;

type Doc = PDFKit.PDFDocument;

/** Gap to add to a font's own line height to reach the fixed line pitch of the body text. */
function lineGap(doc: Doc): number {
  return Math.max(0, LINE_PITCH - doc.currentLineHeight(false));
}

/** Starts a new page when less than `height` points are left on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > PAGE_BOTTOM) doc.addPage();
}

function spanWidth(cell: PlacedCell, colX: readonly number[]): number {
  return (colX[cell.col + cell.colSpan] ?? 0) - (colX[cell.col] ?? 0);
}

/** Row heights that fit every cell's wrapped text, spanning cells spread over the rows they cover. */
function rowHeights(doc: Doc, table: ReportTable, placed: readonly PlacedCell[], colX: number[]): number[] {
  const textHeight = (c: PlacedCell) =>
    c.text === "" ? 0 : doc.heightOfString(c.text, { width: spanWidth(c, colX) - 2 * PAD });
  const heights = table.rows.map(() => MIN_ROW);
  for (const c of placed.filter((p) => p.rowSpan === 1)) {
    heights[c.row] = Math.max(heights[c.row] ?? MIN_ROW, textHeight(c) + 2 * PAD);
  }
  for (const c of placed.filter((p) => p.rowSpan > 1)) {
    const have = heights.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
    const missing = textHeight(c) + 2 * PAD - have;
    if (missing > 0) {
      for (let r = c.row; r < c.row + c.rowSpan; r++) heights[r] = (heights[r] ?? 0) + missing / c.rowSpan;
    }
  }
  return heights;
}

/** Draws a table from doc.y: the header rows stay with the first body row, no row is cut by a page break. */
function drawTable(doc: Doc, table: ReportTable): void {
  doc.font(BODY).fontSize(TABLE_SIZE);
  const total = table.widths.reduce((a, b) => a + b, 0);
  const colX = [MARGINS.left];
  for (const w of table.widths) colX.push((colX[colX.length - 1] ?? 0) + (w / total) * TEXT_WIDTH);
  const placed = placeCells(table);
  const heights = rowHeights(doc, table, placed, colX);

  // Pagination: page offset and top of every row.
  const rowPage: number[] = [];
  const rowTop: number[] = [];
  let page = 0;
  let y = doc.y;
  const head = heights.slice(0, table.headerRows + 1).reduce((a, b) => a + b, 0);
  if (y + head > PAGE_BOTTOM) {
    page++;
    y = MARGINS.top;
  }
  heights.forEach((h, r) => {
    if (r > table.headerRows && y + h > PAGE_BOTTOM) {
      page++;
      y = MARGINS.top;
    }
    rowPage[r] = page;
    rowTop[r] = y;
    y += h;
  });

  const lastPage = rowPage[rowPage.length - 1] ?? 0;
  for (let p = 0; p <= lastPage; p++) {
    if (p > 0) doc.addPage();
    doc.font(BODY).fontSize(TABLE_SIZE).lineWidth(0.6).strokeColor("#000000").fillColor("#000000");
    for (const cell of placed) drawCellOnPage(doc, cell, p, { colX, heights, rowPage, rowTop });
  }
  doc.x = MARGINS.left;
  doc.y = y + LINE_PITCH / 2;
}

interface TableGeometry {
  readonly colX: readonly number[];
  readonly heights: readonly number[];
  readonly rowPage: readonly number[];
  readonly rowTop: readonly number[];
}

/** Draws the part of a cell that falls on page `page`; its text goes in the first part tall enough. */
function drawCellOnPage(doc: Doc, cell: PlacedCell, page: number, g: TableGeometry): void {
  const segments: { page: number; top: number; height: number }[] = [];
  for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
    const top = g.rowTop[r] ?? 0;
    const height = g.heights[r] ?? 0;
    const last = segments[segments.length - 1];
    if (last && last.page === g.rowPage[r]) last.height = top + height - last.top;
    else segments.push({ page: g.rowPage[r] ?? 0, top, height });
  }
  const x = g.colX[cell.col] ?? 0;
  const width = spanWidth(cell, g.colX);
  const textWidth = width - 2 * PAD;
  const textHeight = cell.text === "" ? 0 : doc.heightOfString(cell.text, { width: textWidth });
  const fitting = segments.find((s) => s.height >= textHeight + 2 * PAD);
  const textSegment = fitting ?? segments.reduce((a, b) => (b.height > a.height ? b : a));
  for (const s of segments.filter((seg) => seg.page === page)) {
    doc.rect(x, s.top, width, s.height).stroke();
    if (s === textSegment && cell.text !== "") {
      doc.text(cell.text, x + PAD, s.top + Math.max(PAD, (s.height - textHeight) / 2), {
        width: textWidth,
        height: Math.max(textHeight, s.height - 2 * PAD) + 2,
        align: cell.kind === "label" ? "left" : "center",
      });
    }
  }
}

/** Writes the report as an A4 PDF with embedded CJK fonts and extractable text. */
export async function writePdf(report: AnnualReport): Promise<Uint8Array> {
  const title = reportTitle(report);
  const { doc, finish } = await openCjkPdf({ title, subject: "政府信息公开工作年度报告" });

  doc.font(HEADING).fontSize(22);
  doc.text(title, MARGINS.left, MARGINS.top, { width: TEXT_WIDTH, align: "center", lineGap: 10 });
  doc.y += LINE_PITCH;

  const tables = reportTables(report);
  for (const section of reportSections(report)) {
    doc.font(HEADING).fontSize(BODY_SIZE);
    ensureSpace(doc, 2 * LINE_PITCH);
    doc.text(section.heading, MARGINS.left, doc.y, {
      width: TEXT_WIDTH,
      indent: 2 * BODY_SIZE,
      lineGap: lineGap(doc),
    });
    doc.font(BODY).fontSize(BODY_SIZE);
    for (const p of section.paragraphs) {
      doc.text(p, MARGINS.left, doc.y, { width: TEXT_WIDTH, indent: 2 * BODY_SIZE, lineGap: lineGap(doc) });
    }
    for (const table of tables.filter((t) => t.sectionNo === section.no)) {
      doc.y += 6;
      drawTable(doc, table);
    }
  }
  return finish();
}
