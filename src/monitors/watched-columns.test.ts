import { describe, expect, it } from "vitest";
import { type ColumnFacts, watchedColumns } from "./watched-columns.ts";

const column = (id: number, name: string, extra: Partial<ColumnFacts> = {}): ColumnFacts => ({
  id,
  parentId: 3,
  name,
  rootKind: null,
  cadence: null,
  openedOn: "2024-01-02",
  items: 1,
  lastItemOn: "2024-03-01",
  ...extra,
});

describe("the columns W-3 … W-5 watch", () => {
  it("W-3 W-4 W-5 take the kind from the cadence, the fixed columns, sub-columns and the name", () => {
    const watched = watchedColumns([
      column(1, "政府信息公开指南", { rootKind: "guide", parentId: null, items: 0 }),
      column(2, "政府信息公开年报", { rootKind: "annual_reports", parentId: null, items: 0 }),
      column(3, "法定主动公开内容", { rootKind: "proactive", parentId: null, items: 0 }),
      column(4, "周警情播报", { cadence: "weekly" }),
      column(5, "警务动态"),
      column(6, "通知公告"),
      column(7, "政策文件"),
      column(8, "机构职能", { items: 0, lastItemOn: null }),
    ]);
    expect(watched.map((c) => [c.name, c.kind, c.cadenceDays])).toEqual([
      ["政府信息公开指南", "static", undefined],
      ["政府信息公开年报", "static", undefined],
      ["法定主动公开内容", "static", undefined],
      ["周警情播报", "periodic", 7],
      ["警务动态", "news", undefined],
      ["通知公告", "notice", undefined],
      ["政策文件", "notice", undefined],
      ["机构职能", "periodic", undefined],
    ]);
    // Never updated: counted from the day the column was opened.
    expect(watched[7]?.lastItemOn).toBe("2024-01-02");
  });
});
