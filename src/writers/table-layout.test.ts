import { describe, expect, it } from "vitest";
import { sampleReport } from "./sample-report.test-helper.ts";
import type { ReportTable } from "./table-layout.ts";
import { placeCells, reportTables } from "./table-layout.ts";

describe("reportTables", () => {
  const tables = reportTables(sampleReport());

  it("covers every grid slot of every table exactly once", () => {
    expect(tables.map((t) => [t.name, t.rows.length, t.columns])).toEqual([
      ["表二 主动公开", 14, 4],
      ["表三 依申请", 28, 10],
      ["表四 复议诉讼", 4, 15],
    ]);
    for (const table of tables) {
      const area = placeCells(table).reduce((sum, c) => sum + c.rowSpan * c.colSpan, 0);
      expect(area).toBe(table.rows.length * table.columns);
      expect(table.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    }
  });

  it("places table 三's cells where the national format has them", () => {
    const placed = placeCells(tables[1] as ReportTable);
    const at = (text: string) => placed.find((c) => c.text === text);
    expect(at("总计")).toMatchObject({ row: 1, col: 9, rowSpan: 2 });
    expect(at("商业企业")).toMatchObject({ row: 2, col: 4 });
    expect(at("三、本年度办理结果")).toMatchObject({ row: 5, col: 0, rowSpan: 22 });
    expect(at("（六）其他处理")).toMatchObject({ row: 23, col: 1, rowSpan: 3 });
    expect(at("3.其他")).toMatchObject({ row: 25, col: 2 });
    const internal = placed.filter((c) => c.row === 11 && c.kind === "count").map((c) => [c.col, c.text]);
    expect(internal).toEqual([
      [3, "3"],
      [4, "0"],
      [5, "0"],
      [6, "0"],
      [7, "0"],
      [8, "0"],
      [9, "3"],
    ]);
  });

  it("rejects a grid whose cells overlap", () => {
    const table = tables[2] as ReportTable;
    const broken: ReportTable = { ...table, rows: [[{ text: "x", kind: "head", rowSpan: 1, colSpan: 16 }]] };
    expect(() => placeCells(broken)).toThrow("overlaps or leaves the grid");
  });
});
