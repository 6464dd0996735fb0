/**
 * The entry point of the readers: bytes and a file name → SourceDocument. The format is sniffed from
 * the content (magic bytes, then markup), not trusted from the file name; every failure is a ReadError.
 */
import type { SourceDocument } from "../core/report/source-document.ts";
import { listZipEntries } from "./bounded-unzip.ts";
import { decodeText } from "./decode-text.ts";
import { readDocx } from "./docx-reader.ts";
import { readHtmlText } from "./html-reader.ts";
import { DOCUMENT_INFLATE_LIMITS } from "./inflate-limits.ts";
import { readPdf } from "./pdf-reader.ts";
import { ReadError } from "./read-error.ts";
import { lossyDecodingFinding } from "./reader-utils.ts";
import { isMarkdownSeparator, readText } from "./text-reader.ts";
import { readXlsx } from "./xlsx-reader.ts";

/** The largest file the readers accept: 32 MB. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

/** A format the readers can sniff from bytes. */
export type SniffedFormat = "pdf" | "docx" | "xlsx" | "text";

const HTML_MARK = /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|table[\s>]|meta\s)/i;
const UNSUPPORTED_GENERIC = "无法识别的文件格式：不是文本、HTML、DOCX、XLSX 或 PDF";

/** Known binary formats that are not reports we can read, with the message to show. */
const FOREIGN_MAGIC: readonly { readonly magic: readonly number[]; readonly message: string }[] = [
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    message:
      "不支持旧版 Word/Excel 格式（.doc/.xls/.wps）或已加密的 Office 文件，请另存为 DOCX、XLSX 或 PDF 后再上传",
  },
  {
    magic: [0x89, 0x50, 0x4e, 0x47],
    message: "图片文件无法读取文字，请提供文本、HTML、DOCX、XLSX 或 PDF 格式的报告",
  },
  {
    magic: [0xff, 0xd8, 0xff],
    message: "图片文件无法读取文字，请提供文本、HTML、DOCX、XLSX 或 PDF 格式的报告",
  },
  {
    magic: [0x47, 0x49, 0x46, 0x38],
    message: "图片文件无法读取文字，请提供文本、HTML、DOCX、XLSX 或 PDF 格式的报告",
  },
  { magic: [0x52, 0x61, 0x72, 0x21], message: `${UNSUPPORTED_GENERIC}（是 RAR 压缩包）` },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], message: `${UNSUPPORTED_GENERIC}（是 7z 压缩包）` },
  { magic: [0x1f, 0x8b], message: `${UNSUPPORTED_GENERIC}（是 gzip 压缩文件）` },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], message: `${UNSUPPORTED_GENERIC}（是 RTF 文件，请另存为 DOCX）` },
];

/** True when `bytes` starts with `magic` at `offset`. */
function startsWith(bytes: Uint8Array, magic: readonly number[], offset = 0): boolean {
  return magic.every((b, i) => bytes[offset + i] === b);
}

/** True when "%PDF-" appears within the first kilobyte (some files carry junk before it). */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  return head.indexOf("%PDF-", 0, "latin1") !== -1;
}

/**
 * For a ZIP file: "docx" or "xlsx" by the parts its directory names (nothing is inflated; too many
 * entries or declared sizes past DOCUMENT_INFLATE_LIMITS are refused); UNSUPPORTED_FORMAT otherwise.
 */
function sniffZip(bytes: Uint8Array): "docx" | "xlsx" {
  const names = new Set(listZipEntries(bytes, DOCUMENT_INFLATE_LIMITS).map((e) => e.name));
  if (names.has("word/document.xml")) return "docx";
  if (names.has("xl/workbook.xml")) return "xlsx";
  throw new ReadError(
    "UNSUPPORTED_FORMAT",
    `${UNSUPPORTED_GENERIC}（是 ZIP 压缩包，其中没有 Word 正文或 Excel 工作簿）`,
  );
}

/** Sniffs the format of non-empty bytes by their magic numbers; "text" covers text and HTML. */
export async function sniffFormat(bytes: Uint8Array): Promise<SniffedFormat> {
  if (isPdf(bytes)) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return sniffZip(bytes);
  }
  for (const f of FOREIGN_MAGIC)
    if (startsWith(bytes, f.magic)) throw new ReadError("UNSUPPORTED_FORMAT", f.message);
  return "text";
}

/** Counts the characters of a decoded text that no text file contains (controls, except tab/CR/LF/FF). */
function controlCount(text: string): { nul: boolean; controls: number; replaced: number } {
  let controls = 0;
  let replaced = 0;
  let nul = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul = true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f))
      controls++;
    else if (c === 0xfffd) replaced++;
  }
  return { nul, controls, replaced };
}

/** True when text looks like Markdown: a `.md` name or a pipe table with a `|---|` separator line. */
export function looksLikeMarkdown(text: string, fileName: string): boolean {
  if (/\.(?:md|markdown)$/i.test(fileName)) return true;
  // Line by line: a multiline regex starting with ^\s* ran across runs of blank lines from every line start.
  let separator = false;
  let tableLine = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (!tableLine && trimmed.length >= 2 && trimmed.startsWith("|") && trimmed.endsWith("|"))
      tableLine = true;
    if (!separator && isMarkdownSeparator(line, 2)) separator = true;
    if (separator && tableLine) return true;
  }
  return false;
}

/** Reads a text or HTML file: decodes it, refuses binary garbage, and hands it to the right reader. */
function readTextual(bytes: Uint8Array, fileName: string): SourceDocument {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString("latin1");
  const htmlBytes = HTML_MARK.test(head);
  const decoded = decodeText(bytes, { html: htmlBytes });
  const text = decoded.text;
  const { nul, controls, replaced } = controlCount(text);
  const length = Math.max(text.length, 1);
  if (nul || controls / length > 0.02 || replaced / length > 0.25) throw new ReadError("BINARY_GARBAGE");
  if (text.replace(/^\uFEFF/, "").trim() === "") throw new ReadError("EMPTY_FILE");
  const isHtml = htmlBytes || HTML_MARK.test(text.slice(0, 4096));
  let doc: SourceDocument;
  if (isHtml) doc = readHtmlText(text);
  else doc = readText(text, looksLikeMarkdown(text, fileName) ? "markdown" : "text");
  if (!decoded.lossy) return doc;
  return { ...doc, problems: [...doc.problems, lossyDecodingFinding(decoded.encoding, decoded.replaced)] };
}

/** Reads a report file of any supported format (text, Markdown, HTML, DOCX, XLSX, PDF) into a SourceDocument. */
export async function readSource(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  if (bytes.length > MAX_SOURCE_BYTES) throw new ReadError("FILE_TOO_LARGE");
  if (bytes.length === 0) throw new ReadError("EMPTY_FILE");
  try {
    const format = await sniffFormat(bytes);
    if (format === "pdf") return await readPdf(bytes);
    if (format === "docx") return await readDocx(bytes);
    if (format === "xlsx") return await readXlsx(bytes);
    return readTextual(bytes, fileName);
  } catch (cause) {
    if (cause instanceof ReadError) throw cause;
    throw new ReadError("CORRUPT_FILE", "文件已损坏或内容异常，无法读取", { cause });
  }
}
