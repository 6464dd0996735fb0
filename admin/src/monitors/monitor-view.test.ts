import { describe, expect, it } from "vitest";
import type { StoredVerdict } from "./monitor-types.ts";
import { daysBetween, historyGrid, recordLink, rowCounts } from "./monitor-view.ts";

const stored = (day: string, rule: string, level: StoredVerdict["level"]): StoredVerdict => ({
  day,
  rule,
  level,
  value: 0,
  threshold: 1,
  items: [],
  text: "",
  computedAt: `${day}T00:00:00Z`,
});

describe("the monitor page", () => {
  it("lists the days of the history across a month end", () => {
    expect(daysBetween("2024-02-27", "2024-03-02")).toEqual([
      "2024-02-27",
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
      "2024-03-02",
    ]);
    expect(daysBetween("2024-03-02", "2024-03-01")).toEqual([]);
  });

  it("builds the grid with a row per rule and an empty cell for a day without a run", () => {
    const grid = historyGrid(
      [
        stored("2024-03-01", "W-2", "ok"),
        stored("2024-03-03", "W-2", "breach"),
        stored("2024-03-02", "N-1", "warning"),
      ],
      ["W-2", "N-1", "G-12"],
      "2024-03-01",
      "2024-03-03",
    );
    expect(grid.days).toEqual(["2024-03-01", "2024-03-02", "2024-03-03"]);
    expect(grid.rows.map((r) => [r.rule, r.cells.map((c) => c?.level ?? null)])).toEqual([
      ["W-2", ["ok", null, "breach"]],
      ["N-1", [null, "warning", null]],
      ["G-12", [null, null, null]],
    ]);
    expect(grid.rows.map(rowCounts)).toEqual([
      { breach: 1, warning: 0, stored: 2 },
      { breach: 0, warning: 1, stored: 1 },
      { breach: 0, warning: 0, stored: 0 },
    ]);
  });

  it("links each record to its back-office page", () => {
    expect(recordLink("publication", 7, 2)).toEqual({ label: "信息 #7", path: "/publications/7" });
    expect(recordLink("decision", 9, 2).path).toBe("/registries?agencyId=2&tab=decisions&decisionId=9");
    expect(recordLink("message", 3, 2).path).toBe("/messages/3");
    expect(recordLink("contactField", "传真号码", 2)).toEqual({ label: "传真号码", path: "/agencies" });
  });
});
