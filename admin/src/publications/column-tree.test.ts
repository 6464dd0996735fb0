import { describe, expect, it } from "vitest";
import type { CatalogColumn } from "../api/publication-types.ts";
import { columnForest, columnPath } from "./column-tree.ts";

const column = (id: number, parentId: number | null, name: string, sortOrder = 0): CatalogColumn => ({
  id,
  agencyId: 2,
  parentId,
  name,
  rootKind: null,
  categoryItem: null,
  cadence: null,
  sortOrder,
  createdAt: "",
  updatedAt: "",
});

describe("column tree", () => {
  const columns = [
    column(3, null, "法定主动公开内容", 2),
    column(1, null, "政府信息公开指南", 0),
    column(7, 3, "周警情播报", 1),
    column(5, 3, "规划计划", 0),
  ];

  it("nests sub-columns under their parents in sort order", () => {
    const forest = columnForest(columns);
    expect(forest.map((n) => n.title)).toEqual(["政府信息公开指南", "法定主动公开内容"]);
    expect(forest[0]?.children).toBeUndefined();
    expect(forest[1]?.children?.map((n) => n.title)).toEqual(["规划计划", "周警情播报"]);
  });

  it("names a column by its path from the first level", () => {
    expect(columnPath(columns, 7)).toBe("法定主动公开内容 / 周警情播报");
    expect(columnPath(columns, 99)).toBe("");
  });

  it("survives a parent cycle in bad data", () => {
    const cyclic = [column(1, 2, "甲"), column(2, 1, "乙")];
    expect(columnForest(cyclic)).toEqual([]);
    expect(columnPath(cyclic, 1)).toBe("乙 / 甲");
  });
});
