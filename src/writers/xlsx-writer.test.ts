import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnnualReport } from "../core/report/report-model.ts";
import { sampleReport } from "./sample-report.test-helper.ts";
import { amountCell, writeXlsx } from "./xlsx-writer.ts";

async function readBack(report: AnnualReport): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeXlsx(report)) as unknown as ExcelJS.Buffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

const merges = (ws: ExcelJS.Worksheet): string[] => [...ws.model.merges].sort();

let wb: ExcelJS.Workbook;
beforeAll(async () => {
  wb = await readBack(sampleReport());
});

describe("writeXlsx", () => {
  it("has the text sheet and one sheet per table", () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      "报告正文",
      "表二 主动公开",
      "表三 依申请",
      "表四 复议诉讼",
    ]);
    const text = sheet(wb, "报告正文");
    expect(text.getCell("A1").value).toBe("公安局2022年政府信息公开工作年度报告");
    expect(text.getCell("A2").value).toBe("一、总体情况");
    const values = text.getColumn(1).values.filter((v): v is string => typeof v === "string");
    expect(values).toContain("　　2022年未收取信息公开处理费用。");
    expect(values).toContain("（见工作表「表三 依申请」）");
  });

  it("writes table 二 with numbers as numbers and the fee exact with four decimals", () => {
    const ws = sheet(wb, "表二 主动公开");
    expect(ws.getCell("A1").value).toBe("第二十条第（一）项");
    expect(ws.getCell("D4").value).toBe(1);
    expect(ws.getCell("B7").value).toBe(641);
    expect(ws.getCell("B10").value).toBe(1578);
    expect(ws.getCell("B11").value).toBe(536);
    expect(ws.getCell("A14").value).toBe("行政事业性收费");
    expect(ws.getCell("B14").value).toBe(1014.5589);
    expect(ws.getCell("B14").numFmt).toBe("0.0000");
    expect(merges(ws)).toEqual(
      [
        "A1:D1",
        "A5:D5",
        "A8:D8",
        "A12:D12",
        "B6:D6",
        "B7:D7",
        "B9:D9",
        "B10:D10",
        "B11:D11",
        "B13:D13",
        "B14:D14",
      ].sort(),
    );
  });

  it("writes table 三 with the merged header cells of the format and the counts in their cells", () => {
    const ws = sheet(wb, "表三 依申请");
    expect(merges(ws)).toEqual(
      [
        "A1:C3",
        "D1:J1",
        "D2:D3",
        "E2:I2",
        "J2:J3",
        "A4:C4",
        "A5:C5",
        "A6:A27",
        "B6:C6",
        "B7:C7",
        "B8:B15",
        "B16:B18",
        "B19:B23",
        "B24:B26",
        "B27:C27",
        "A28:C28",
      ].sort(),
    );
    expect(ws.getCell("D1").value).toBe("申请人情况");
    expect(ws.getCell("E3").value).toBe("商业企业");
    expect(ws.getCell("A6").value).toBe("三、本年度办理结果");
    expect(ws.getCell("B8").value).toBe("（三）不予公开");
    expect(ws.getCell("C12").value).toBe("5.属于三类内部事务信息");
    for (const address of ["D4", "J4", "D12", "J12", "D27", "J27"]) expect(ws.getCell(address).value).toBe(3);
    for (const address of ["E4", "D5", "D6", "J11", "D28", "J28"]) expect(ws.getCell(address).value).toBe(0);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.getCell("D12").border?.left?.style).toBe("thin");
    expect(ws.getColumn(3).width).toBeGreaterThan(40);
  });

  it("writes table 四 with its three header rows merged and 15 numbers", () => {
    const ws = sheet(wb, "表四 复议诉讼");
    expect(merges(ws)).toEqual(
      ["A1:E1", "F1:O1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:J2", "K2:O2"].sort(),
    );
    expect(ws.getCell("F2").value).toBe("未经复议直接起诉");
    expect(ws.getCell("K3").value).toBe("结果维持");
    const numbers = (ws.getRow(4).values as unknown[]).slice(1);
    expect(numbers).toEqual(new Array(15).fill(0));
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });

  it("leaves unknown counts empty and keeps a fee that a double cannot hold as text", async () => {
    const report = sampleReport();
    const back = await readBack({
      ...report,
      proactive: { ...report.proactive, fees: "12345678901234567.1234", licensing: null },
      applications: { ...report.applications, new: [null, 0, 0, 0, 0, 0, 3] },
    });
    expect(sheet(back, "表二 主动公开").getCell("B14").value).toBe("12345678901234567.1234");
    expect(sheet(back, "表二 主动公开").getCell("B7").value).toBeNull();
    expect(sheet(back, "表三 依申请").getCell("D4").value).toBeNull();
    expect(sheet(back, "表三 依申请").getCell("J4").value).toBe(3);
  });
});

describe("amountCell", () => {
  it("writes a number only when the decimal string survives the round trip", () => {
    expect(amountCell("1014.5589")).toEqual({ value: 1014.5589, numFmt: "0.0000" });
    expect(amountCell("4166.241619")).toEqual({ value: 4166.241619, numFmt: "0.000000" });
    expect(amountCell("0.10")).toEqual({ value: 0.1, numFmt: "0.0000" });
    expect(amountCell("0")).toEqual({ value: 0, numFmt: "0.0000" });
    expect(amountCell("12345678901234567.1")).toEqual({ value: "12345678901234567.1" });
    expect(amountCell("0.1000000000000000055511151231257827")).toEqual({
      value: "0.1000000000000000055511151231257827",
    });
    expect(amountCell("约100")).toEqual({ value: "约100" });
  });
});
