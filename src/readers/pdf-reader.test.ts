import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import type { SourceRow } from "../core/report/source-document.ts";
import { NO_TEXT_LAYER, readPdf } from "./pdf-reader.ts";

const texts = (row: SourceRow | undefined): string[] => row?.cells.map((c) => c.text) ?? [];

/** Renders a PDF with pdfkit and returns its bytes. */
function makePdf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 50, ...options });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    draw(doc);
    doc.end();
  });
}

const doc = await readPdf(new Uint8Array(readFileSync("test/fixtures/2025-pingtan-zone-gov.pdf")));
const line = (first: string): SourceRow | undefined => doc.rows.find((r) => r.cells[0]?.text === first);

describe("readPdf on the Pingtan 2025 PDF", () => {
  it("reads table 三's rows as lines whose cells are the label and the numbers", () => {
    const row = line("一、本年新收政府信息公开申请数量");
    expect(row?.table).toBe(false);
    expect(texts(row)).toEqual(["一、本年新收政府信息公开申请数量", "151", "3", "0", "0", "0", "0", "154"]);
    expect(row?.cells[0]?.where).toBe("第 3 页第 25 行");
    expect(texts(line("二、上年结转政府信息公开申请数量"))).toEqual([
      "二、上年结转政府信息公开申请数量",
      ..."0000000",
    ]);
    expect(texts(line("（七）总计"))).toEqual(["（七）总计", "147", "1", "0", "0", "0", "0", "148"]);
    expect(texts(line("四、结转下年度继续办理"))).toEqual([
      "四、结转下年度继续办理",
      "4",
      "2",
      "0",
      "0",
      "0",
      "0",
      "6",
    ]);
  });

  it("keeps the row labels in reading order across the page break", () => {
    const labels = [
      "一、本年新收政府信息公开申请数量",
      "二、上年结转政府信息公开申请数量",
      "3.危及“三安全一稳定”",
      "4.保护第三方合法权益",
      "5.属于三类内部事务信息",
      "（七）总计",
      "四、结转下年度继续办理",
      "五、存在的主要问题及改进情况",
    ];
    const positions = labels.map((l) => doc.rows.findIndex((r) => r.cells[0]?.text === l));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(line("4.保护第三方合法权益")?.cells[0]?.where).toBe("第 4 页第 1 行");
  });

  it("reads table 四's fifteen numbers on one line", () => {
    const row = line("25");
    expect(texts(row)).toEqual(["25", "3", "8", "0", "36", "3", "3", "0", "0", "6", "3", "0", "0", "0", "3"]);
    expect(row?.cells[0]?.where).toBe("第 5 页第 7 行");
  });

  it("reports no problem and the document title", () => {
    expect(doc.problems).toEqual([]);
    expect(doc.format).toBe("pdf");
    expect(doc.metadata.title).toBe(
      "平潭综合实验区2025年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会",
    );
  });
});

describe("readPdf on generated PDFs", () => {
  it("returns a C-6 problem for a PDF without a text layer (a scan)", async () => {
    const bytes = await makePdf((d) => {
      d.rect(100, 100, 200, 300).fill("#888888");
    });
    const doc = await readPdf(bytes);
    expect(doc.rows).toEqual([]);
    expect(doc.problems).toEqual([
      {
        rule: "C-6",
        severity: "error",
        where: "全文",
        expected: null,
        actual: null,
        message: "PDF 没有文字层（可能是扫描件），无法读取报告内容，请提供可复制文字的版本",
      },
    ]);
    expect(doc.problems[0]).toEqual(NO_TEXT_LAYER);
  });

  it("drops page-number lines and splits cells at visible gaps", async () => {
    const bytes = await makePdf((d) => {
      d.font("Helvetica").fontSize(12);
      d.text("Licensing", 50, 100, { lineBreak: false });
      d.text("12", 300, 100, { lineBreak: false });
      d.text("34", 360, 100, { lineBreak: false });
      d.text("Two words", 50, 130, { lineBreak: false });
      d.text("- 4 -", 280, 780, { lineBreak: false });
      d.addPage();
      d.text("Page two", 50, 100, { lineBreak: false });
      d.text("\u2014 2 \u2014", 280, 780, { lineBreak: false });
      d.text("2 / 2", 500, 800, { lineBreak: false });
    });
    const doc = await readPdf(bytes);
    expect(doc.rows.map((r) => [texts(r), r.cells[0]?.where])).toEqual([
      [["Licensing", "12", "34"], "第 1 页第 1 行"],
      [["Two words"], "第 1 页第 2 行"],
      [["Page two"], "第 2 页第 1 行"],
    ]);
    expect(doc.problems).toEqual([]);
  });

  it("throws CORRUPT_FILE for a broken PDF and for a password-protected one", async () => {
    await expect(readPdf(new TextEncoder().encode("%PDF-1.7\nnot really a pdf"))).rejects.toMatchObject({
      name: "ReadError",
      code: "CORRUPT_FILE",
    });
    const locked = await makePdf((d) => d.text("secret", 50, 50), { userPassword: "pw", pdfVersion: "1.7" });
    await expect(readPdf(locked)).rejects.toMatchObject({
      code: "CORRUPT_FILE",
      message: "PDF 文件已加密，无法读取，请提供未加密的版本",
    });
  });
});
