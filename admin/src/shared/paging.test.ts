import { describe, expect, it } from "vitest";
import { listPagination, pagingAfter } from "./paging.ts";

describe("list paging", () => {
  it("moves to the page asked at the same size, keeping the other filters", () => {
    expect(pagingAfter({ page: 1, pageSize: 20, q: "公安" }, 3, 20)).toEqual({
      page: 3,
      pageSize: 20,
      q: "公安",
    });
  });

  it("goes back to page 1 when the page size changes", () => {
    expect(pagingAfter({ page: 4, pageSize: 20 }, 4, 50)).toEqual({ page: 1, pageSize: 50 });
  });

  it("counts the total in the list's unit", () => {
    const config = listPagination({ page: 2, pageSize: 50 }, 321, "件", () => undefined);
    expect(config).toMatchObject({ current: 2, pageSize: 50, total: 321, pageSizeOptions: [20, 50, 100] });
    expect(config.showTotal?.(321, [51, 100])).toBe("共 321 件");
  });
});
