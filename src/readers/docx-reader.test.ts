import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { SourceDocument, SourceRow } from "../core/report/source-document.ts";
import { readDocx } from "./docx-reader.ts";
import { readHtml } from "./html-reader.ts";
import { ReadError } from "./read-error.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const texts = (row: SourceRow | undefined): string[] => row?.cells.map((c) => c.text) ?? [];

/** Builds a minimal DOCX around a document body. */
async function makeDocx(body: string, core?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  if (core) zip.file("docProps/core.xml", core);
  return zip.generateAsync({ type: "uint8array" });
}
const p = (...runs: string[]): string =>
  `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${runs.join("")}</w:p>`;
const r = (inner: string): string => `<w:r><w:rPr/>${inner}</w:r>`;
const t = (s: string): string => `<w:t xml:space="preserve">${s}</w:t>`;
const tc = (props: string, ...paras: string[]): string =>
  `<w:tc><w:tcPr>${props}</w:tcPr>${paras.join("")}</w:tc>`;

/** Table 三 of a document: the rows of its second table. */
function table3(doc: SourceDocument): SourceRow[] {
  return doc.rows.filter((row) => row.table && row.cells[0]?.where.startsWith("表格 2 "));
}

const doc = await readDocx(new Uint8Array(readFileSync("test/fixtures/2025-pingtan-zone-gov.docx")));
const html = readHtml(new Uint8Array(readFileSync("test/fixtures/2025-pingtan-zone-gov.html")));

describe("readDocx on the Pingtan 2025 DOCX", () => {
  it("reads table 三's first row with its real numbers", () => {
    const row = doc.rows.find((x) => x.cells[0]?.text === "一、本年新收政府信息公开申请数量");
    expect(row?.table).toBe(true);
    expect(texts(row)).toEqual(["一、本年新收政府信息公开申请数量", "151", "3", "0", "0", "0", "0", "154"]);
    expect(row?.cells[1]?.where).toBe("表格 2 第 4 行第 2 列");
  });

  it("gives the same table 三 as the HTML page, vMerge continuation cells kept as empty text", () => {
    const fromDocx = table3(doc);
    const fromHtml = table3(html);
    expect(fromDocx).toHaveLength(28);
    expect(fromDocx.map((row) => texts(row).filter((x) => x !== ""))).toEqual(fromHtml.map(texts));
    expect(texts(fromDocx[8])).toEqual([
      "",
      "",
      "2.其他法律行政法规禁止公开",
      "0",
      "0",
      "0",
      "0",
      "0",
      "0",
      "0",
    ]);
  });

  it("takes the title from docProps/core.xml and no publication date", () => {
    expect(doc.metadata).toEqual({
      title: "平潭综合实验区2025年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会",
    });
    expect(doc.format).toBe("docx");
  });

  it("reads paragraphs as text rows", () => {
    const heading = doc.rows.find((x) => x.cells[0]?.text === "五、存在的主要问题及改进情况");
    expect(heading?.table).toBe(false);
    expect(heading?.cells[0]?.where).toMatch(/^第 \d+ 段$/);
  });
});

describe("readDocx on small documents", () => {
  it("splits paragraphs at w:br and cells at w:tab, skipping tab stops and deleted text", async () => {
    const body =
      p(r(t("一、总体")), r(t("情况"))) +
      p(r(t("规章")), r("<w:tab/>"), r(t("3")), r("<w:br/>"), r(t("第二行"))) +
      p(r(t("保留")), `<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>`, r(t("文字"))) +
      p(r(t("发布日期：2024年1月12日")));
    const doc = await readDocx(await makeDocx(body));
    expect(doc.rows.map((x) => [x.table, texts(x)])).toEqual([
      [false, ["一、总体情况"]],
      [false, ["规章", "3"]],
      [false, ["第二行"]],
      [false, ["保留文字"]],
      [false, ["发布日期：2024年1月12日"]],
    ]);
    expect(doc.rows[1]?.cells[1]?.where).toBe("第 2 段");
    expect(doc.metadata.publishedOn).toBe("2024-01-12");
  });

  it("reads one cell per w:tc (gridSpan once, vMerge continuation empty) and numbers tables", async () => {
    const row1 = `<w:tr>${tc('<w:vMerge w:val="restart"/>', p(r(t("（三）不予公开"))))}${tc("", p(r(t("1.属于国家秘密"))))}${tc("", p(r(t("0"))))}</w:tr>`;
    const row2 = `<w:tr>${tc("<w:vMerge/>", p())}${tc("", p(r(t("2.其他"))), p(r(t("法律"))))}${tc("", p(r(t("5"))))}</w:tr>`;
    const row3 = `<w:tr>${tc('<w:gridSpan w:val="2"/>', p(r(t("（七）总计"))))}${tc("", p(r(t("5"))))}</w:tr>`;
    const body = `${p(r(t("前言")))}<w:tbl><w:tr>${tc("", p(r(t("表一"))))}</w:tr></w:tbl><w:tbl>${row1}${row2}${row3}</w:tbl>`;
    const doc = await readDocx(await makeDocx(body));
    const rows = doc.rows.filter((x) => x.table);
    expect(rows.map(texts)).toEqual([
      ["表一"],
      ["（三）不予公开", "1.属于国家秘密", "0"],
      ["", "2.其他 法律", "5"],
      ["（七）总计", "5"],
    ]);
    expect(rows[2]?.cells.map((c) => c.where)).toEqual([
      "表格 2 第 2 行第 1 列",
      "表格 2 第 2 行第 2 列",
      "表格 2 第 2 行第 3 列",
    ]);
  });

  it("refuses a ZIP that is not a DOCX, and broken bytes", async () => {
    const zip = new JSZip();
    zip.file("a.txt", "x");
    const notDocx = await zip.generateAsync({ type: "uint8array" });
    await expect(readDocx(notDocx)).rejects.toMatchObject({ code: "CORRUPT_FILE" });
    await expect(readDocx(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).rejects.toBeInstanceOf(ReadError);
  });
});
