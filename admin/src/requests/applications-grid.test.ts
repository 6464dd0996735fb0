import { describe, expect, it } from "vitest";
import { APPLICATION_ROWS } from "../../../src/core/report/report-model.ts";
import { bodyRows, coveredColumns, type GridCell, headerRows } from "./applications-grid.ts";

const emptyTable = Object.fromEntries(APPLICATION_ROWS.map((r) => [r.key, [0, 0, 0, 0, 0, 0, 0]]));

const labels = (row: readonly GridCell[]) =>
  row.flatMap((cell) => (cell.type === "count" ? [] : [cell.text]));

describe("table 三 grid (2021 format)", () => {
  it("covers ten columns in every header and body row once merged cells are counted", () => {
    const rows: GridCell[][] = [...headerRows(), ...bodyRows(emptyTable)];
    expect(rows).toHaveLength(3 + 25);
    expect(new Set(coveredColumns(rows))).toEqual(new Set([10]));
  });

  it("merges 三、本年度办理结果 over the 22 result rows and each group over its rows", () => {
    const body = bodyRows(emptyTable);
    const first = body[2] ?? [];
    expect(first[0]).toEqual({ type: "label", text: "三、本年度办理结果", rowSpan: 22, colSpan: 1 });
    expect(labels(first)).toEqual(["三、本年度办理结果", "（一）予以公开"]);
    const denied = body[4] ?? [];
    expect(labels(denied)).toEqual(["（三）不予公开", "1.属于国家秘密"]);
    expect(denied[0]).toMatchObject({ rowSpan: 8 });
    expect(labels(body[5] ?? [])).toEqual(["2.其他法律行政法规禁止公开"]);
    expect(labels(body[23] ?? [])).toEqual(["（七）总计"]);
    expect(labels(body[24] ?? [])).toEqual(["四、结转下年度继续办理"]);
    expect(body[24]?.[0]).toMatchObject({ colSpan: 3 });
  });

  it("keeps each count's row key and column for the drill-down", () => {
    const table = { ...emptyTable, granted: [4, 1, 0, 0, 0, 0, 5] };
    const granted = bodyRows(table)[2] ?? [];
    const counts = granted.filter((c) => c.type === "count");
    expect(counts).toHaveLength(7);
    expect(counts[0]).toEqual({ type: "count", rowKey: "granted", column: 0, value: 4 });
    expect(counts[6]).toEqual({ type: "count", rowKey: "granted", column: 6, value: 5 });
  });
});
