/**
 * DOCX in 公文 style (GB/T 9704-2012): A4, margins 37/35/28/26 mm, title 方正小标宋简体 二号, body
 * 仿宋_GB2312 三号 at a fixed 29 pt line, headings 黑体 三号, tables in 宋体 五号 with merged header cells.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { AnnualReport } from "../core/report/report-model.ts";
import { reportSections, reportTitle } from "./report-parts.ts";
import type { PlacedCell, ReportTable } from "./table-layout.ts";
import { placeCells, reportTables } from "./table-layout.ts";

/** Millimetres to twips (1/1440 inch), rounded. */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** A4 page and GB/T 9704 margins, in twips. */
export const DOCX_PAGE = {
  width: mmToTwip(210),
  height: mmToTwip(297),
  top: mmToTwip(37),
  bottom: mmToTwip(35),
  left: mmToTwip(28),
  right: mmToTwip(26),
} as const;

/** The fonts of the document (East Asian names, as Word/WPS know them). */
export const DOCX_FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading: "黑体",
  table: "宋体",
} as const;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const TEXT_WIDTH = DOCX_PAGE.width - DOCX_PAGE.left - DOCX_PAGE.right;
/** 三号 (16 pt) in half-points; the fixed line pitch of 29 pt in twips. */
const BODY_SIZE = 32;
const BODY_LINE = 580;
const TABLE_SIZE = 21;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

function tableCell(cell: PlacedCell, widths: readonly number[]): TableCell {
  const width = widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
  return new TableCell({
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    children: [
      new Paragraph({
        style: "ReportTable",
        alignment: cell.kind === "label" ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [new TextRun(cell.text)],
      }),
    ],
  });
}

/** One table of the report as a Word table: merged cells as gridSpan / vMerge (docx adds the continuations). */
export function docxTable(table: ReportTable): Table {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const placed = placeCells(table);
  const rows = table.rows.map(
    (_, index) =>
      new TableRow({
        children: placed.filter((c) => c.row === index).map((c) => tableCell(c, widths)),
        cantSplit: true,
        tableHeader: index < table.headerRows,
      }),
  );
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: LINE,
      bottom: LINE,
      left: LINE,
      right: LINE,
      insideHorizontal: LINE,
      insideVertical: LINE,
    },
  });
}

function buildDocument(report: AnnualReport): Document {
  const title = reportTitle(report);
  const tables = reportTables(report);
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, text: title })];
  for (const section of reportSections(report)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.heading }));
    for (const p of section.paragraphs) children.push(new Paragraph({ text: p }));
    for (const table of tables.filter((t) => t.sectionNo === section.no)) {
      children.push(docxTable(table), new Paragraph({ text: "" }));
    }
  }
  const bodyParagraph = {
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: BODY_SIZE * 20 },
  };
  return new Document({
    title,
    creator: "Gongkai",
    description: "政府信息公开工作年度报告",
    styles: {
      default: {
        document: {
          run: {
            font: font(DOCX_FONTS.body),
            size: BODY_SIZE,
            language: { value: "zh-CN", eastAsia: "zh-CN" },
          },
          paragraph: bodyParagraph,
        },
        title: {
          run: { font: font(DOCX_FONTS.title), size: 44, bold: false, color: "000000" },
          paragraph: {
            alignment: AlignmentType.CENTER,
            indent: { firstLine: 0 },
            spacing: { line: 720, lineRule: LineRuleType.EXACT, before: 0, after: BODY_LINE },
          },
        },
        heading1: {
          run: {
            font: font(DOCX_FONTS.heading),
            size: BODY_SIZE,
            bold: false,
            italics: false,
            color: "000000",
          },
          paragraph: { ...bodyParagraph, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: "ReportTable",
          name: "Report Table",
          run: { font: font(DOCX_FONTS.table), size: TABLE_SIZE },
          paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO }, indent: { firstLine: 0 } },
        },
      ],
    },
    sections: [{ ...gongwenSection(), children }],
  });
}

/** A 公文 section's page (A4, GB/T 9704 margins) and its centred "— N —" page-number footer, for every DOCX. */
export function gongwenSection() {
  return {
    properties: {
      page: {
        size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height },
        margin: {
          top: DOCX_PAGE.top,
          bottom: DOCX_PAGE.bottom,
          left: DOCX_PAGE.left,
          right: DOCX_PAGE.right,
          header: mmToTwip(15),
          footer: mmToTwip(20),
        },
      },
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            indent: { firstLine: 0 },
            children: [
              new TextRun({ font: font("宋体"), size: 28, children: ["— ", PageNumber.CURRENT, " —"] }),
            ],
          }),
        ],
      }),
    },
  };
}

/** Writes the report as a DOCX document in 公文 style. */
export async function writeDocx(report: AnnualReport): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(buildDocument(report));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
