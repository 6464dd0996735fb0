import { describe, expect, it } from "vitest";
import { parseDateList, scheduleOf, weekdayName } from "./schedule-input.ts";

describe("entering a year's holiday arrangement", () => {
  it("expands ranges and short dates within the year, sorted and each once", () => {
    expect(parseDateList("2027-10-01至2027-10-03\n10-2、9-30", 2027)).toEqual({
      ok: true,
      dates: ["2027-09-30", "2027-10-01", "2027-10-02", "2027-10-03"],
    });
    expect(parseDateList("1.1 ~ 1.3；2027/02/10", 2027)).toEqual({
      ok: true,
      dates: ["2027-01-01", "2027-01-02", "2027-01-03", "2027-02-10"],
    });
    expect(parseDateList("  ", 2027)).toEqual({ ok: true, dates: [] });
  });

  it("refuses what is not a date or a range, in Chinese", () => {
    const bad = parseDateList("国庆节", 2027);
    expect(bad.ok).toBe(false);
    expect(parseDateList("2027-02-30", 2027)).toMatchObject({ ok: false });
    expect(parseDateList("10-07至10-01", 2027)).toEqual({
      ok: false,
      message: "“10-07至10-01”的结束日期早于开始日期",
    });
  });

  it("R-WD-1 refuses a working weekend that is a weekday, as the server does", () => {
    // 2027-10-11 is a Monday.
    const result = scheduleOf(2027, "10-01至10-07", "10-11", "gov.cn-2027");
    expect(result).toEqual({
      ok: false,
      message: "调休上班日期 2027-10-11 不是周六或周日：周一至周五本来就是工作日，无需录入",
    });
  });

  it("R-WD-1 refuses a date of another year and a bad source label", () => {
    expect(scheduleOf(2027, "2028-01-01", "", "gov.cn")).toMatchObject({ ok: false });
    expect(scheduleOf(2027, "10-01", "", "国务院通知")).toMatchObject({ ok: false });
  });

  it("accepts a checked schedule with its working weekends", () => {
    // 2027-10-09 is a Saturday.
    expect(scheduleOf(2027, "10-01至10-07", "10-09", " gov.cn-2027 ")).toEqual({
      ok: true,
      schedule: {
        holidays: [
          "2027-10-01",
          "2027-10-02",
          "2027-10-03",
          "2027-10-04",
          "2027-10-05",
          "2027-10-06",
          "2027-10-07",
        ],
        workdays: ["2027-10-09"],
        source: "gov.cn-2027",
      },
    });
    expect(weekdayName("2027-10-09")).toBe("周六");
  });
});
