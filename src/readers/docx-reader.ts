/**
 * Reads a DOCX: word/document.xml parsed with htmlparser2 in XML mode. Paragraphs become text rows
 * (a w:br splits a paragraph into rows, a w:tab splits a row into cells); each w:tr of a Word table
 * becomes a table row with one cell per w:tc, a vertically merged continuation cell kept as "".
 */
import { Parser } from "htmlparser2";
import type { SourceDocument, SourceMetadata, SourceRow } from "../core/report/source-document.ts";
import { unzipBounded } from "./bounded-unzip.ts";
import { DOCUMENT_INFLATE_LIMITS } from "./inflate-limits.ts";
import { ReadError } from "./read-error.ts";
import { collapseWhitespace, findPublishedOn, findPublishedOnInCells } from "./reader-utils.ts";

/** A Word table being read. */
interface TableFrame {
  no: number;
  rowNo: number;
  cells: string[] | null;
  cell: string | null;
  continuation: boolean;
}

/** Streaming state of word/document.xml. */
class DocxCollector {
  readonly rows: SourceRow[] = [];
  publishedOn: string | undefined;
  private tables: TableFrame[] = [];
  private tableCount = 0;
  private paragraphs = 0;
  private para = "";
  private paraDepth = 0;
  private runDepth = 0;
  private inText = false;
  private skip = 0;

  /** The table cell text is going into, if any. */
  private cellFrame(): TableFrame | undefined {
    const f = this.tables[this.tables.length - 1];
    return f && f.cell !== null ? f : undefined;
  }

  /** Appends text to the open cell or paragraph. */
  private append(text: string): void {
    const f = this.cellFrame();
    if (f) f.cell += text;
    else this.para += text;
  }

  /** Emits the pending paragraph: one row per line, cells split at tabs, blank cells dropped. */
  private flushParagraph(): void {
    if (this.para === "") return;
    const raw = this.para;
    this.para = "";
    for (const line of raw.split("\n")) {
      const texts = line
        .split("\t")
        .map(collapseWhitespace)
        .filter((t) => t !== "");
      if (texts.length === 0) continue;
      this.paragraphs++;
      if (!this.publishedOn) this.publishedOn = findPublishedOn(texts.join(" "));
      const where = `第 ${this.paragraphs} 段`;
      this.rows.push({ cells: texts.map((text) => ({ text, where })), table: false });
    }
  }

  /** Emits the finished row of a table. */
  private endRow(f: TableFrame): void {
    this.endCell(f);
    if (f.cells === null) return;
    const texts = f.cells;
    f.cells = null;
    f.rowNo++;
    if (texts.every((t) => t === "")) return;
    if (f.no === 0) f.no = ++this.tableCount;
    if (!this.publishedOn) this.publishedOn = findPublishedOnInCells(texts);
    this.rows.push({
      cells: texts.map((text, i) => ({ text, where: `表格 ${f.no} 第 ${f.rowNo} 行第 ${i + 1} 列` })),
      table: true,
    });
  }

  /** Ends the open cell of a table. */
  private endCell(f: TableFrame): void {
    if (f.cell === null) return;
    if (f.cells === null) f.cells = [];
    f.cells.push(f.continuation ? "" : collapseWhitespace(f.cell));
    f.cell = null;
    f.continuation = false;
  }

  /** Handles an opening element. */
  open(name: string, attribs: Record<string, string>): void {
    if (this.skip > 0 || name === "mc:Fallback" || name === "w:del" || name === "w:instrText") {
      this.skip++;
      return;
    }
    const top = this.tables[this.tables.length - 1];
    switch (name) {
      case "w:t":
        this.inText = true;
        break;
      case "w:r":
        this.runDepth++;
        break;
      case "w:tab":
        if (this.runDepth > 0) this.append("\t");
        break;
      case "w:br":
      case "w:cr":
        if (this.runDepth > 0) this.append("\n");
        break;
      case "w:p":
        if (this.cellFrame()) this.append(" ");
        else if (this.paraDepth > 0) this.flushParagraph();
        this.paraDepth++;
        break;
      case "w:tbl":
        if (!this.cellFrame()) this.flushParagraph();
        this.tables.push({ no: 0, rowNo: 0, cells: null, cell: null, continuation: false });
        break;
      case "w:tr":
        if (top) {
          this.endRow(top);
          top.cells = [];
        }
        break;
      case "w:tc":
        if (top) {
          this.endCell(top);
          if (top.cells === null) top.cells = [];
          top.cell = "";
        }
        break;
      case "w:vMerge":
        if (top && top.cell !== null) {
          const val = attribs["w:val"];
          top.continuation = val === undefined || val === "continue";
        }
        break;
    }
  }

  /** Handles a closing element. */
  close(name: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const top = this.tables[this.tables.length - 1];
    switch (name) {
      case "w:t":
        this.inText = false;
        break;
      case "w:r":
        this.runDepth--;
        break;
      case "w:p":
        this.paraDepth--;
        if (this.cellFrame()) this.append(" ");
        else this.flushParagraph();
        break;
      case "w:tc":
        if (top) this.endCell(top);
        break;
      case "w:tr":
        if (top) this.endRow(top);
        break;
      case "w:tbl":
        if (top) {
          this.endRow(top);
          this.tables.pop();
        }
        break;
    }
  }

  /** Handles character data. */
  text(data: string): void {
    if (this.inText && this.skip === 0) this.append(data);
  }

  /** Flushes what is left at the end of the document. */
  end(): void {
    this.flushParagraph();
  }
}

/** Parses XML text with htmlparser2 in XML mode, feeding the callbacks. */
function parseXml(
  xml: string,
  onOpen: (name: string, attribs: Record<string, string>) => void,
  onClose: (name: string) => void,
  onText: (data: string) => void,
): void {
  const parser = new Parser(
    { onopentag: onOpen, onclosetag: onClose, ontext: onText },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
}

/** The dc:title of docProps/core.xml, when set. */
function coreTitle(xml: string): string | undefined {
  let inTitle = false;
  let title = "";
  parseXml(
    xml,
    (name) => {
      if (name === "dc:title") inTitle = true;
    },
    (name) => {
      if (name === "dc:title") inTitle = false;
    },
    (data) => {
      if (inTitle) title += data;
    },
  );
  return collapseWhitespace(title) || undefined;
}

/**
 * Reads the body of a DOCX (word/document.xml) into rows, and its core title. Only those two parts are
 * inflated, within DOCUMENT_INFLATE_LIMITS (a bomb is refused with INFLATED_TOO_LARGE/TOO_MANY_ENTRIES).
 */
export async function readDocx(bytes: Uint8Array): Promise<SourceDocument> {
  const parts = await unzipBounded(bytes, DOCUMENT_INFLATE_LIMITS, {
    only: ["word/document.xml", "docProps/core.xml"],
  });
  const body = parts.get("word/document.xml");
  if (!body) throw new ReadError("CORRUPT_FILE", "DOCX 文件缺少正文（word/document.xml），无法读取");
  const xml = body.toString("utf8");
  const coreXml = parts.get("docProps/core.xml")?.toString("utf8");
  const collector = new DocxCollector();
  parseXml(
    xml,
    (name, attribs) => collector.open(name, attribs),
    (name) => collector.close(name),
    (data) => collector.text(data),
  );
  collector.end();
  const title = coreXml ? coreTitle(coreXml) : undefined;
  const metadata: SourceMetadata = {
    ...(collector.publishedOn ? { publishedOn: collector.publishedOn } : {}),
    ...(title ? { title } : {}),
  };
  return { format: "docx", rows: collector.rows, metadata, problems: [] };
}
