import { describe, expect, it } from "vitest";
import { chartSeries, monthNumber } from "./dashboard-chart-data.ts";

describe("dashboard chart data", () => {
  it("reads months given as numbers, digits or YYYY-MM", () => {
    expect([
      monthNumber(3),
      monthNumber("11"),
      monthNumber("2024-07"),
      monthNumber(13),
      monthNumber("x"),
    ]).toEqual([3, 11, 7, null, null]);
  });

  it("stacks one series per outcome in O-1 … O-6.3 order, open requests last, months summed", () => {
    const series = chartSeries([
      { month: 2, outcome: null, outcomeName: null, count: 4 },
      { month: 1, outcome: "O-2", outcomeName: "部分公开", count: 1 },
      { month: "2024-01", outcome: "O-1", outcomeName: "予以公开", count: 2 },
      { month: 1, outcome: "O-1", outcomeName: "予以公开", count: 3 },
      { month: 5, outcome: "O-4.1", outcomeName: null, count: 0 },
    ]);
    expect(series.map((s) => [s.key, s.name])).toEqual([
      ["O-1", "予以公开"],
      ["O-2", "部分公开"],
      ["open", "尚未办结"],
    ]);
    expect(series[0]?.data).toEqual([5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(series[2]?.data[1]).toBe(4);
  });

  it("names an outcome from the outcome list when the server gives no name", () => {
    expect(chartSeries([{ month: 6, outcome: "O-4.1", outcomeName: null, count: 1 }])[0]?.name).toBe(
      "无法提供：本机关不掌握相关政府信息",
    );
  });
});
