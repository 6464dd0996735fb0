/**
 * A print-ready HTML5 document: A4 page, 公文-like fonts, the tables as real tables with the merged header
 * cells of the national format.
 */
import type { AnnualReport } from "../core/report/report-model.ts";
import { reportSections, reportTitle } from "./report-parts.ts";
import type { GridCell, ReportTable } from "./table-layout.ts";
import { reportTables } from "./table-layout.ts";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The embedded style sheet: A4 with the GB/T 9704 margins, 公文 fonts, bordered tables. */
export const REPORT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; max-width: 156mm; color: #000; background: #fff;
  font-family: "仿宋_GB2312", "FangSong", serif; font-size: 16pt; line-height: 28pt;
}
h1 {
  font-family: "方正小标宋简体", "SimSun", serif; font-size: 22pt; font-weight: normal;
  line-height: 1.5; text-align: center; margin: 0 0 28pt;
}
h2 {
  font-family: "黑体", "SimHei", sans-serif; font-size: 16pt; font-weight: normal;
  text-indent: 2em; margin: 0; page-break-after: avoid; break-after: avoid;
}
p { margin: 0; text-indent: 2em; text-align: justify; }
table {
  width: 100%; border-collapse: collapse; table-layout: fixed; margin: 8pt 0 16pt;
  font-family: "宋体", "SimSun", serif; font-size: 10.5pt; line-height: 1.35;
}
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
td { border: 1px solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; word-break: break-all; }
td.label { text-align: left; }
@media screen { body { padding: 12mm 0; } }
`;

function cellHtml(cell: GridCell): string {
  const attrs = [`class="${cell.kind}"`];
  if (cell.rowSpan > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
  if (cell.colSpan > 1) attrs.push(`colspan="${cell.colSpan}"`);
  return `<td ${attrs.join(" ")}>${escapeHtml(cell.text)}</td>`;
}

/** One table of the report as an HTML table with rowspan/colspan header cells. */
export function tableHtml(table: ReportTable): string {
  const cols = table.widths.map((w) => `<col style="width:${w.toFixed(2)}%">`).join("");
  const rowHtml = (cells: readonly GridCell[]) => `<tr>${cells.map(cellHtml).join("")}</tr>`;
  const head = table.rows.slice(0, table.headerRows).map(rowHtml).join("\n");
  const body = table.rows.slice(table.headerRows).map(rowHtml).join("\n");
  return [
    // The border attributes keep the rules when Word, WPS or LibreOffice open the file without the CSS.
    `<table class="${table.key}" aria-label="${escapeHtml(table.name)}" border="1" cellspacing="0" cellpadding="3">`,
    `<colgroup>${cols}</colgroup>`,
    ...(head ? [`<thead>\n${head}\n</thead>`] : []),
    `<tbody>\n${body}\n</tbody>`,
    "</table>",
  ].join("\n");
}

/** Writes the report as a complete HTML5 document ready to print on A4. */
export function writeHtml(report: AnnualReport): string {
  const title = escapeHtml(reportTitle(report));
  const tables = reportTables(report);
  const sections = reportSections(report).map((section) => {
    const parts = [`<section>`, `<h2>${escapeHtml(section.heading)}</h2>`];
    for (const p of section.paragraphs) parts.push(`<p>${escapeHtml(p)}</p>`);
    for (const table of tables.filter((t) => t.sectionNo === section.no)) parts.push(tableHtml(table));
    parts.push("</section>");
    return parts.join("\n");
  });
  return [
    "<!DOCTYPE html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    "<article>",
    `<h1>${title}</h1>`,
    ...sections,
    "</article>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
