import { describe, expect, it } from "vitest";
import {
  CATALOG_PAGE_SIZE,
  catalogApiQueries,
  catalogFiltersFromSearch,
  searchOfCatalogFilters,
} from "./catalog-query.ts";

describe("catalog filters", () => {
  it("reads every filter from the page address and writes it back unchanged", () => {
    const search =
      "?agencyId=2&columnId=7&status=review&year=2022&categoryItem=%EF%BC%88%E4%B8%89%EF%BC%89&q=%E8%AD%A6%E6%83%85&mine=1&page=3";
    const filters = catalogFiltersFromSearch(search);
    expect(filters).toEqual({
      agencyId: 2,
      columnId: 7,
      status: "review",
      year: 2022,
      categoryItem: "（三）",
      q: "警情",
      mine: true,
      page: 3,
      pageSize: CATALOG_PAGE_SIZE,
    });
    expect(catalogFiltersFromSearch(searchOfCatalogFilters(filters))).toEqual(filters);
  });

  it("ignores values that are not real filters", () => {
    expect(
      catalogFiltersFromSearch("?status=lost&year=1999&categoryItem=（九十）&agencyId=x&page=0"),
    ).toEqual({
      page: 1,
      pageSize: CATALOG_PAGE_SIZE,
    });
    expect(searchOfCatalogFilters({ page: 1, pageSize: CATALOG_PAGE_SIZE })).toBe("");
  });

  it("sends one query with the status when 我的待办 is off", () => {
    expect(catalogApiQueries({ status: "draft", q: " 通知 ", page: 1, pageSize: 20 }, ["review"])).toEqual([
      { status: "draft", q: "通知", page: 1, pageSize: 20 },
    ]);
  });

  it("asks once per waiting status for 我的待办, and nothing when the chosen status is not the user's", () => {
    const mine = { mine: true, year: 2024, page: 1, pageSize: 20 } as const;
    expect(catalogApiQueries(mine, ["sign_off", "approved"])).toEqual([
      { year: 2024, status: "sign_off", page: 1, pageSize: 20 },
      { year: 2024, status: "approved", page: 1, pageSize: 20 },
    ]);
    expect(catalogApiQueries({ ...mine, status: "review" }, ["sign_off"])).toEqual([]);
    expect(catalogApiQueries({ ...mine, status: "sign_off" }, ["sign_off", "approved"])).toHaveLength(1);
  });
});
