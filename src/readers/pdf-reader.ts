/**
 * Reads the text layer of a PDF with pdfjs-dist (legacy build, in-process, no font loading): items
 * are grouped into lines by their baseline, sorted by x, and a visible gap between two items becomes
 * a tab (a cell boundary). A PDF with pages but no text (a scan) is reported as a problem, not thrown.
 */
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Finding } from "../core/report/report-model.ts";
import type { SourceDocument, SourceMetadata, SourceRow } from "../core/report/source-document.ts";
import { DOCUMENT_INFLATE_LIMITS } from "./inflate-limits.ts";
import { assertPdfWithinLimits } from "./pdf-stream-check.ts";
import { ReadError } from "./read-error.ts";
import { collapseWhitespace, findPublishedOn } from "./reader-utils.ts";

/** A positioned piece of text on a page (x, y of its baseline start, in PDF points). */
export interface Piece {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** Lines such as "- 4 -", "— 1 —", "第 1 页", "第1页 共5页" or "1 / 5" that only number the page. */
const PAGE_NUMBER =
  /^\s*(?:[-—–－]+\s*\d+\s*[-—–－]+|第\s*\d+\s*页(?:(?:\s*[,，/])?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;

/** The finding for a PDF without a text layer. */
export const NO_TEXT_LAYER: Finding = {
  rule: "C-6",
  severity: "error",
  where: "全文",
  expected: null,
  actual: null,
  message: "PDF 没有文字层（可能是扫描件），无法读取报告内容，请提供可复制文字的版本",
};

/** Groups the pieces of one page into lines (top to bottom), each sorted left to right. */
export function groupLines(pieces: readonly Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let lineY = Number.NaN;
  for (const p of sorted) {
    const tolerance = Math.max(2, p.size * 0.35);
    if (line.length > 0 && Math.abs(p.y - lineY) <= tolerance) line.push(p);
    else {
      if (line.length > 0) lines.push(line);
      line = [p];
      lineY = p.y;
    }
  }
  if (line.length > 0) lines.push(line);
  for (const l of lines) l.sort((a, b) => a.x - b.x);
  return lines;
}

const DIGIT = /[0-9]/;

/**
 * Joins the pieces of a line: touching pieces directly, a visible gap (0.6 em or more) as a tab (a cell
 * boundary), a narrower gap as a space. Two numbers never sit that close in one cell, so between
 * digits any clear gap (0.2 em) is a cell boundary: narrow number columns stay apart.
 */
export function joinLine(line: readonly Piece[]): string {
  let out = "";
  let prev: Piece | undefined;
  for (const p of line) {
    if (prev) {
      const size = Math.max(prev.size, p.size, 1);
      const gap = (p.x - (prev.x + prev.width)) / size;
      const last = prev.str.trimEnd().slice(-1);
      const first = p.str.trimStart().charAt(0);
      const tight = DIGIT.test(last) && DIGIT.test(first);
      if (gap >= 0.6 || (tight && gap >= 0.2)) out += "\t";
      else if (gap >= 0.15) out += " ";
    }
    out += p.str;
    prev = p;
  }
  return out;
}

/** Maps a pdfjs failure to a ReadError with a Chinese message. */
function pdfError(cause: unknown): ReadError {
  const name = cause instanceof Error ? cause.name : "";
  if (name === "PasswordException") {
    return new ReadError("CORRUPT_FILE", "PDF 文件已加密，无法读取，请提供未加密的版本", { cause });
  }
  return new ReadError("CORRUPT_FILE", "PDF 文件已损坏，无法读取", { cause });
}

/**
 * Reads the text layer of a PDF into rows ("第 P 页第 L 行"), cells split at visible gaps. Its compressed
 * streams are first inflated within DOCUMENT_INFLATE_LIMITS (a FlateDecode bomb is INFLATED_TOO_LARGE).
 */
export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  await assertPdfWithinLimits(bytes, DOCUMENT_INFLATE_LIMITS);
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (cause) {
      throw pdfError(cause);
    }
    if (doc.numPages === 0) throw new ReadError("CORRUPT_FILE", "PDF 文件没有页面，无法读取");
    const rows: SourceRow[] = [];
    let publishedOn: string | undefined;
    let hasText = false;
    for (let pageNo = 1; pageNo <= doc.numPages; pageNo++) {
      const pieces: Piece[] = [];
      try {
        const page = await doc.getPage(pageNo);
        const content = await page.getTextContent();
        for (const item of content.items) {
          if (!("str" in item) || item.str.trim() === "") continue;
          const t = item.transform as number[];
          const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || item.height || 10;
          pieces.push({ str: item.str, x: t[4] ?? 0, y: t[5] ?? 0, width: item.width, size });
        }
        page.cleanup();
      } catch (cause) {
        throw pdfError(cause);
      }
      if (pieces.length > 0) hasText = true;
      let lineNo = 0;
      for (const line of groupLines(pieces)) {
        const text = joinLine(line);
        if (PAGE_NUMBER.test(text)) continue;
        const cells = text
          .split("\t")
          .map(collapseWhitespace)
          .filter((c) => c !== "");
        if (cells.length === 0) continue;
        lineNo++;
        if (!publishedOn) publishedOn = findPublishedOn(cells.join(" "));
        const where = `第 ${pageNo} 页第 ${lineNo} 行`;
        rows.push({ cells: cells.map((c) => ({ text: c, where })), table: false });
      }
    }
    let title: string | undefined;
    try {
      const meta = await doc.getMetadata();
      const info = meta.info as { Title?: unknown } | undefined;
      if (typeof info?.Title === "string") title = collapseWhitespace(info.Title) || undefined;
    } catch {
      title = undefined;
    }
    const metadata: SourceMetadata = {
      ...(publishedOn ? { publishedOn } : {}),
      ...(title ? { title } : {}),
    };
    return { format: "pdf", rows, metadata, problems: hasText ? [] : [NO_TEXT_LAYER] };
  } finally {
    await task.destroy();
  }
}
