/**
 * Reads a saved HTML page with htmlparser2's streaming parser (no DOM): block elements end a text
 * row, each <tr> of a data table becomes a table row with one cell per <td>/<th> as in the markup.
 * A table that holds another table is a layout table: its cells are read as ordinary text.
 */
import { Parser } from "htmlparser2";
import type {
  SourceCell,
  SourceDocument,
  SourceMetadata,
  SourceRow,
} from "../core/report/source-document.ts";
import { decodeText } from "./decode-text.ts";
import {
  collapseWhitespace,
  findPublishedOn,
  findPublishedOnInCells,
  lossyDecodingFinding,
  normalizeDate,
} from "./reader-utils.ts";

const BLOCK = new Set(
  (
    "address article aside blockquote br caption center dd details dialog div dl dt fieldset figcaption " +
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary ul tbody thead tfoot"
  ).split(" "),
);
/** Elements that may stand in <head>; any other element ends a head whose </head> is missing. */
const HEAD_TAGS = new Set("title meta link style script base noscript template object".split(" "));
const SKIP = new Set("script style noscript template svg math select iframe object textarea".split(" "));
const DATE_META =
  /^(?:pubdate|pub[-_]?time|publish[-_]?(?:date|time)|published[-_]?(?:date|time)|article:published_time|dc\.date(?:\.issued)?|dcterms\.issued|firstpublishedtime)$/;
const SOURCE_LINE = /^\uFEFF?# source:[^\n]*\n/;

/** A table being read; `layout` once it turned out to hold another table. */
interface TableFrame {
  no: number;
  layout: boolean;
  rowNo: number;
  cells: SourceCell[] | null;
  cell: string | null;
}

/** Streaming state of one page. */
class HtmlCollector {
  readonly rows: SourceRow[] = [];
  title: string | undefined;
  metaDate: string | undefined;
  textDate: string | undefined;
  private tables: TableFrame[] = [];
  private tableCount = 0;
  private paragraphs = 0;
  private para = "";
  private skip = 0;
  private inHead = false;
  private inTitle = false;
  private titleText = "";

  /** The innermost table, if any. */
  private top(): TableFrame | undefined {
    return this.tables[this.tables.length - 1];
  }

  /** Emits the pending paragraph text as a text row. */
  private flushParagraph(): void {
    if (this.para === "") return;
    this.pushText(this.para);
    this.para = "";
  }

  /** Adds one text row ("第 N 段") when the text is not blank. */
  private pushText(raw: string): void {
    const text = collapseWhitespace(raw);
    if (text === "") return;
    this.paragraphs++;
    if (!this.textDate && (text.includes("日期") || text.includes("时间")))
      this.textDate = findPublishedOn(text);
    this.rows.push({ cells: [{ text, where: `第 ${this.paragraphs} 段` }], table: false });
  }

  /** Ends the current cell of a data table. */
  private endCell(f: TableFrame): void {
    if (f.cell === null) return;
    if (f.cells === null) f.cells = [];
    const text = collapseWhitespace(f.cell);
    f.cells.push({ text, where: "" });
    f.cell = null;
  }

  /** Ends the current row of a data table, numbering its cells. */
  private endRow(f: TableFrame): void {
    this.endCell(f);
    if (f.cells === null) return;
    const cells = f.cells;
    f.cells = null;
    f.rowNo++;
    if (cells.every((c) => c.text === "")) return;
    if (!this.textDate) this.textDate = findPublishedOnInCells(cells.map((c) => c.text));
    if (f.no === 0) f.no = ++this.tableCount;
    this.rows.push({
      cells: cells.map((c, i) => ({ text: c.text, where: `表格 ${f.no} 第 ${f.rowNo} 行第 ${i + 1} 列` })),
      table: true,
    });
  }

  /** Turns a data table into a layout table: what it read so far of the open row becomes text. */
  private toLayout(f: TableFrame): void {
    for (const c of f.cells ?? []) this.pushText(c.text);
    if (f.cell !== null) this.para += f.cell;
    f.cells = null;
    f.cell = null;
    f.layout = true;
  }

  /** Handles an opening tag. */
  open(name: string, attribs: Record<string, string>): void {
    if (this.skip > 0 || SKIP.has(name)) {
      if (SKIP.has(name)) this.skip++;
      return;
    }
    if (name === "head") this.inHead = true;
    else if (this.inHead && !HEAD_TAGS.has(name)) this.inHead = false;
    else if (name === "title") {
      this.inTitle = this.title === undefined;
      this.titleText = "";
    } else if (name === "meta") this.meta(attribs);
    if (this.inHead) return;
    const f = this.top();
    if (name === "table") {
      this.flushParagraph();
      if (f && !f.layout) this.toLayout(f);
      this.flushParagraph();
      this.tables.push({ no: 0, layout: false, rowNo: 0, cells: null, cell: null });
    } else if (f && !f.layout && (name === "tr" || name === "td" || name === "th")) {
      if (name === "tr") this.endRow(f);
      else {
        this.endCell(f);
        if (f.cells === null) f.cells = [];
        f.cell = "";
      }
    } else if (BLOCK.has(name) || name === "tr" || name === "td" || name === "th") this.boundary(f);
  }

  /** Handles a closing tag (also the implied ones). */
  close(name: string): void {
    if (this.skip > 0) {
      if (SKIP.has(name)) this.skip--;
      return;
    }
    if (name === "title" && this.inTitle) {
      this.inTitle = false;
      const t = collapseWhitespace(this.titleText);
      if (t) this.title = t;
      return;
    }
    if (name === "head") {
      this.inHead = false;
      return;
    }
    if (this.inHead) return;
    const f = this.top();
    if (name === "table") {
      if (f) {
        if (f.layout) this.flushParagraph();
        else this.endRow(f);
        this.tables.pop();
      }
      this.flushParagraph();
    } else if (f && !f.layout && (name === "tr" || name === "td" || name === "th")) {
      if (name === "tr") this.endRow(f);
      else this.endCell(f);
    } else if (BLOCK.has(name) || name === "tr" || name === "td" || name === "th") this.boundary(f);
  }

  /** A block boundary: ends a text row, or puts a space inside a table cell. */
  private boundary(f: TableFrame | undefined): void {
    if (f && !f.layout && f.cell !== null) f.cell += " ";
    else this.flushParagraph();
  }

  /** Handles text. */
  text(data: string): void {
    if (this.skip > 0) return;
    if (this.inTitle) {
      this.titleText += data;
      return;
    }
    if (this.inHead) return;
    const f = this.top();
    if (f && !f.layout && f.cell !== null) f.cell += data;
    else this.para += data;
  }

  /** Reads the publication date from a <meta>. */
  private meta(attribs: Record<string, string>): void {
    const key = (
      attribs.name ??
      attribs.property ??
      attribs.itemprop ??
      attribs["http-equiv"] ??
      ""
    ).toLowerCase();
    const content = attribs.content;
    if (this.metaDate || !content || !DATE_META.test(key)) return;
    this.metaDate = normalizeDate(content);
  }

  /** Ends the document: closes whatever is still open. */
  end(): void {
    while (this.tables.length > 0) this.close("table");
    this.flushParagraph();
  }
}

/** Reads an already decoded HTML page into rows (table rows for data tables, text rows for the rest). */
export function readHtmlText(html: string): SourceDocument {
  const collector = new HtmlCollector();
  const parser = new Parser(
    {
      onopentag: (name, attribs) => collector.open(name, attribs),
      onclosetag: (name) => collector.close(name),
      ontext: (data) => collector.text(data),
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html.replace(SOURCE_LINE, ""));
  collector.end();
  const publishedOn = collector.metaDate ?? collector.textDate;
  const metadata: SourceMetadata = {
    ...(publishedOn ? { publishedOn } : {}),
    ...(collector.title ? { title: collector.title } : {}),
  };
  return { format: "html", rows: collector.rows, metadata, problems: [] };
}

/** Reads HTML bytes (any of the encodings decodeText knows) into a SourceDocument. */
export function readHtml(bytes: Uint8Array): SourceDocument {
  const decoded = decodeText(bytes, { html: true });
  const doc = readHtmlText(decoded.text);
  if (!decoded.lossy) return doc;
  return { ...doc, problems: [...doc.problems, lossyDecodingFinding(decoded.encoding, decoded.replaced)] };
}
