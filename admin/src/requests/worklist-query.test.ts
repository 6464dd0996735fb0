import { describe, expect, it } from "vitest";
import {
  apiQueryOf,
  DEFAULT_PAGE_SIZE,
  drillDownLabel,
  filtersFromSearch,
  parseDrillDown,
  searchOfFilters,
} from "./worklist-query.ts";

describe("worklist filters", () => {
  it("reads every filter from the page address", () => {
    expect(
      filtersFromSearch("?agencyId=3&status=closed&risk=overdue&year=2024&q=%20规划%20&officer=me&page=2"),
    ).toEqual({
      agencyId: 3,
      status: "closed",
      risk: "overdue",
      year: 2024,
      q: "规划",
      mine: true,
      page: 2,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });

  it("ignores values that are not real filters", () => {
    expect(
      filtersFromSearch("?agencyId=x&status=lost&risk=late&year=0&page=-1&table=2024:nope:1&officer=you"),
    ).toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  });

  it("writes back only what differs from the defaults, and reads it again unchanged", () => {
    const filters = filtersFromSearch("?status=consulting&risk=due_soon&pageSize=50");
    const search = searchOfFilters(filters);
    expect(search).toBe("?status=consulting&risk=due_soon&pageSize=50");
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(searchOfFilters({ page: 1, pageSize: DEFAULT_PAGE_SIZE })).toBe("");
  });

  it("sends 我的案件 as officer=me and always gives page and page size to the API", () => {
    expect(apiQueryOf({ mine: true, q: "  ", page: 1, pageSize: DEFAULT_PAGE_SIZE })).toEqual({
      officer: "me",
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });
});

describe("table 三 drill-down", () => {
  it("accepts a real cell and names it in Chinese", () => {
    const cell = parseDrillDown("2024:denied.thirdParty:0");
    expect(cell).toEqual({ year: 2024, rowKey: "denied.thirdParty", column: 0 });
    expect(cell && drillDownLabel(cell)).toBe(
      "2024 年表三「（三）不予公开4.保护第三方合法权益」行「自然人」列",
    );
    expect(filtersFromSearch("?table=2024:carriedOver:6").table).toBe("2024:carriedOver:6");
  });

  it("refuses unknown rows and columns beyond 总计", () => {
    expect(parseDrillDown("2024:unknown:0")).toBeNull();
    expect(parseDrillDown("2024:granted:7")).toBeNull();
    expect(parseDrillDown("24:granted:1")).toBeNull();
  });
});
