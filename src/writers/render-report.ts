/**
 * One entry point for every output format of the annual report. The DOCX, XLSX and PDF writers (and their
 * libraries) are imported when that format is asked for.
 */
import type { AnnualReport } from "../core/report/report-model.ts";
import { writeHtml } from "./html-writer.ts";
import { writeJson } from "./json-writer.ts";
import { writeText } from "./text-writer.ts";

/** The output formats renderReport can write. */
export const RENDER_FORMATS = ["txt", "html", "docx", "xlsx", "pdf", "json"] as const;

/** An output format of renderReport. */
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** The media type of each output format (for downloads). */
export const RENDER_MEDIA_TYPES: Readonly<Record<RenderFormat, string>> = {
  txt: "text/plain; charset=utf-8",
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  json: "application/json; charset=utf-8",
};

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Renders the report in the given format as bytes (text formats in UTF-8). */
export async function renderReport(report: AnnualReport, to: RenderFormat): Promise<Uint8Array> {
  switch (to) {
    case "txt":
      return utf8(writeText(report));
    case "html":
      return utf8(writeHtml(report));
    case "docx":
      return (await import("./docx-writer.ts")).writeDocx(report);
    case "xlsx":
      return (await import("./xlsx-writer.ts")).writeXlsx(report);
    case "pdf":
      return (await import("./pdf-writer.ts")).writePdf(report);
    case "json":
      return utf8(writeJson(report));
    default:
      throw new Error(`不支持的输出格式「${String(to)}」，可选：${RENDER_FORMATS.join("、")}`);
  }
}
