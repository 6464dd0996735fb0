/**
 * What every format reader produces: the document as rows of cells, with where each cell was read.
 * A table row keeps its cells (merged cells appear once, as in the markup); a paragraph or a line of
 * text is a row. The interpreter (report-interpreter.ts) turns this into the report model, whatever
 * the format was.
 */
import type { Finding } from "./report-model.ts";

/** One cell of text and a Chinese description of where it stands ("第 57 行", "表格 2 第 5 行第 3 列"). */
export interface SourceCell {
  readonly text: string;
  readonly where: string;
}

/** A table row (cells as in the source) or a line/paragraph of text (`table: false`, cells split by tabs). */
export interface SourceRow {
  readonly cells: readonly SourceCell[];
  readonly table: boolean;
}

/** Facts a reader found outside the body text (e.g. a page's 发布日期 metadata). */
export interface SourceMetadata {
  /** Publication date, YYYY-MM-DD, when the page or file states it. */
  readonly publishedOn?: string;
  /** Title when the format stores it apart from the body (HTML <title>, DOCX core title). */
  readonly title?: string;
}

/** A document as read from one file. */
export interface SourceDocument {
  /** The file's format as detected: "text", "markdown", "html", "docx", "pdf", "xlsx". */
  readonly format: string;
  readonly rows: readonly SourceRow[];
  readonly metadata: SourceMetadata;
  /** Problems met while reading (e.g. a PDF without a text layer), as findings. */
  readonly problems: readonly Finding[];
}
