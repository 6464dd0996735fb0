import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import fc from "fast-check";
import iconv from "iconv-lite";
import JSZip from "jszip";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { ReadError } from "./read-error.ts";
import { looksLikeMarkdown, MAX_SOURCE_BYTES, readSource } from "./read-source.ts";

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`test/fixtures/${name}`));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Expects `promise` to reject with a ReadError of `code`, and returns it. */
async function readError(promise: Promise<unknown>, code: string): Promise<ReadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReadError);
  expect((error as ReadError).code).toBe(code);
  return error as ReadError;
}

/** A PDF with one filled rectangle and no text. */
function scannedPdf(): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.rect(50, 50, 100, 100).fill("#000000");
    doc.end();
  });
}

describe("readSource routes by content", () => {
  it("reads each fixture with the right reader, whatever the file is called", async () => {
    expect((await readSource(fixture("2025-pingtan-zone-gov.html"), "report.bin")).format).toBe("html");
    expect((await readSource(fixture("2023-shuyang-county-ndrc.html"), "x.html")).format).toBe("html");
    expect((await readSource(fixture("2025-pingtan-zone-gov.docx"), "report.pdf")).format).toBe("docx");
    expect((await readSource(fixture("2025-pingtan-zone-gov.pdf"), "report.docx")).format).toBe("pdf");
    expect((await readSource(fixture("000_eb2e885bc49513d4.txt"), "a.txt")).format).toBe("text");
  });

  it("reads an XLSX built in the test", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表三").addRow(["一、本年新收政府信息公开申请数量", 3, 0, 0, 0, 0, 0, 3]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const doc = await readSource(bytes, "t.xlsx");
    expect(doc.format).toBe("xlsx");
    expect(doc.rows[0]?.cells.map((c) => c.text)).toEqual([
      "一、本年新收政府信息公开申请数量",
      "3",
      "0",
      "0",
      "0",
      "0",
      "0",
      "3",
    ]);
  });

  it("reads a GBK-encoded HTML page", async () => {
    const html =
      '<!DOCTYPE html><html><head><meta charset="gbk"><title>某县2023年报告</title></head>' +
      "<body><table><tr><td>行政许可</td><td>12</td></tr></table></body></html>";
    const doc = await readSource(new Uint8Array(iconv.encode(html, "gbk")), "page.htm");
    expect(doc.format).toBe("html");
    expect(doc.metadata.title).toBe("某县2023年报告");
    expect(doc.rows.map((r) => r.cells.map((c) => c.text))).toEqual([["行政许可", "12"]]);
  });

  it("detects HTML by a bare <table> without <html>", async () => {
    const doc = await readSource(utf8("<table><tr><td>规章</td><td>0</td></tr></table>"), "paste.txt");
    expect(doc.format).toBe("html");
    expect(doc.rows[0]?.table).toBe(true);
  });

  it("passes GBK plain text to the text reader", async () => {
    const doc = await readSource(
      new Uint8Array(iconv.encode("一、总体情况\n规章\t0\t0\t3\n", "gbk")),
      "r.txt",
    );
    expect(doc.format).toBe("text");
    expect(doc.rows[1]?.cells.map((c) => c.text)).toEqual(["规章", "0", "0", "3"]);
  });

  it("passes Markdown by extension or by a pipe table", async () => {
    const md = "# 报告\n\n| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | 5 |\n";
    const byTable = await readSource(utf8(md), "report.txt");
    expect(byTable.format).toBe("markdown");
    expect(byTable.rows.find((r) => r.table && r.cells[0]?.text === "行政许可")?.cells[1]?.text).toBe("5");
    expect((await readSource(utf8("# 标题\n正文"), "notes.md")).format).toBe("markdown");
    expect(looksLikeMarkdown("a | b\nno separator", "a.txt")).toBe(false);
  });

  it("returns the C-6 problem for a PDF without text instead of throwing", async () => {
    const doc = await readSource(await scannedPdf(), "scan.pdf");
    expect(doc.format).toBe("pdf");
    expect(doc.problems.map((p) => [p.rule, p.severity, p.where])).toEqual([["C-6", "error", "全文"]]);
  });

  it("adds a finding when mixed encodings lost characters", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${"政府信息公开".repeat(40)}\n`),
      iconv.encode("行政许可\n", "gbk"),
    ]);
    const doc = await readSource(new Uint8Array(bytes), "mixed.txt");
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({ rule: "C-6", severity: "warning", where: "全文" });
  });
});

describe("readSource refuses what it cannot read", () => {
  it("refuses an empty file and a file of blanks", async () => {
    expect((await readError(readSource(new Uint8Array(0), "a.txt"), "EMPTY_FILE")).message).toBe("文件为空");
    await readError(readSource(utf8(" \n\t\r\n"), "a.txt"), "EMPTY_FILE");
  });

  it("refuses a 33 MB file before looking at it", async () => {
    const big = new Uint8Array(33 * 1024 * 1024);
    big.set(utf8("%PDF-1.7"));
    expect(big.length).toBeGreaterThan(MAX_SOURCE_BYTES);
    expect((await readError(readSource(big, "big.pdf"), "FILE_TOO_LARGE")).message).toBe(
      "文件过大（超过 32 MB）",
    );
  });

  it("refuses random binary bytes", async () => {
    let seed = 42;
    const random = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 16;
    });
    await readError(readSource(random, "x.txt"), "BINARY_GARBAGE");
    await readError(readSource(utf8("年度报告\u0000\u0001正文"), "x.txt"), "BINARY_GARBAGE");
  });

  it("refuses old Office files, images and foreign ZIPs as unsupported", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await readError(readSource(ole, "a.doc"), "UNSUPPORTED_FORMAT")).message).toContain("DOCX");
    await readError(
      readSource(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), "a.png"),
      "UNSUPPORTED_FORMAT",
    );
    const zip = new JSZip();
    zip.file("ppt/presentation.xml", "<p/>");
    await readError(
      readSource(await zip.generateAsync({ type: "uint8array" }), "a.pptx"),
      "UNSUPPORTED_FORMAT",
    );
  });

  it("reports a broken ZIP or PDF as CORRUPT_FILE", async () => {
    await readError(readSource(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), "a.docx"), "CORRUPT_FILE");
    await readError(readSource(utf8("%PDF-1.4\n%%EOF"), "a.pdf"), "CORRUPT_FILE");
  });

  it("never throws anything but ReadError on arbitrary bytes", async () => {
    const prefixes = ["", "%PDF-1.7\n", "PK\u0003\u0004", "<html><body>", "\uFEFF"].map((p) =>
      p === "" ? new Uint8Array(0) : p === "PK\u0003\u0004" ? new Uint8Array([0x50, 0x4b, 3, 4]) : utf8(p),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 1024 }),
        async (prefix, body) => {
          const bytes = new Uint8Array(prefix.length + body.length);
          bytes.set(prefix);
          bytes.set(body, prefix.length);
          try {
            const doc = await readSource(bytes, "upload");
            expect(Array.isArray(doc.rows)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ReadError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
