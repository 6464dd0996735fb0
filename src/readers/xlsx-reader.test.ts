import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { SourceRow } from "../core/report/source-document.ts";
import { ReadError } from "./read-error.ts";
import { readXlsx } from "./xlsx-reader.ts";

const texts = (row: SourceRow | undefined): string[] => row?.cells.map((c) => c.text) ?? [];

/** Builds a workbook shaped like table 二 and table 三, with a merge, rich text and a formula. */
async function makeWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.title = "某局2023年政府信息公开工作年度报告";
  const s2 = wb.addWorksheet("表二");
  s2.addRow(["第二十条第（一）项"]);
  s2.mergeCells("A1:D1");
  s2.addRow(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]);
  s2.addRow(["规章", 0, 0, 3]);
  s2.addRow([]);
  s2.addRow(["行政事业性收费", 1014.5589]);
  const s3 = wb.addWorksheet("表三");
  s3.getCell("A1").value = { richText: [{ text: "三、本年度" }, { text: "办理结果" }] };
  s3.mergeCells("A1:A2");
  s3.getCell("B1").value = "（一）予以公开";
  s3.getCell("C1").value = 5;
  s3.getCell("D1").value = { formula: "C1*2", result: 10 };
  s3.getCell("B2").value = "（二）部分公开";
  s3.getCell("C2").value = 2;
  s3.getCell("E2").value = "发布日期：2024-01-10";
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

const doc = await readXlsx(await makeWorkbook());

describe("readXlsx", () => {
  it("makes every worksheet row a table row with cell texts in column order", () => {
    expect(doc.format).toBe("xlsx");
    expect(doc.rows.every((r) => r.table)).toBe(true);
    expect(doc.rows.map(texts)).toEqual([
      ["第二十条第（一）项"],
      ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      ["规章", "0", "0", "3"],
      ["行政事业性收费", "1014.5589"],
      ["三、本年度办理结果", "（一）予以公开", "5", "10"],
      ["", "（二）部分公开", "2", "", "发布日期：2024-01-10"],
    ]);
  });

  it("says where each cell stands by sheet name, row and column", () => {
    expect(doc.rows[3]?.cells.map((c) => c.where)).toEqual([
      "工作表「表二」第 5 行第 1 列",
      "工作表「表二」第 5 行第 2 列",
    ]);
    expect(doc.rows[5]?.cells[2]?.where).toBe("工作表「表三」第 2 行第 3 列");
  });

  it("reads the workbook title and a stated 发布日期", () => {
    expect(doc.metadata).toEqual({ title: "某局2023年政府信息公开工作年度报告", publishedOn: "2024-01-10" });
  });

  it("throws CORRUPT_FILE for bytes that are not a workbook", async () => {
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]))).rejects.toBeInstanceOf(ReadError);
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]))).rejects.toMatchObject({
      code: "CORRUPT_FILE",
    });
  });
});
