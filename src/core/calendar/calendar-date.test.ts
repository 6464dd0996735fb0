import { describe, expect, it } from "vitest";
import { dayNumberOf, formatDate, isoWeekday, parseDate, weekdaysBefore } from "./calendar-date.ts";
import { CalendarError } from "./calendar-error.ts";

describe("calendar dates as day numbers", () => {
  it("R-WD-2 day numbers: 1970-01-01 is 0 and dates round-trip across leap years and centuries", () => {
    expect(parseDate("1970-01-01")).toBe(0);
    expect(parseDate("2022-09-28")).toBe(19263);
    expect(dayNumberOf(2000, 3, 1) - dayNumberOf(2000, 2, 28)).toBe(2);
    expect(dayNumberOf(2100, 3, 1) - dayNumberOf(2100, 2, 28)).toBe(1);
    for (let d = parseDate("1999-12-25"); d < parseDate("2030-01-10"); d++) {
      expect(parseDate(formatDate(d))).toBe(d);
    }
  });

  it("R-WD-1 weekdays: 2022-10-08 is a Saturday, 2022-10-31 a Monday, 2026-02-28 a Saturday", () => {
    expect(isoWeekday(parseDate("2022-10-08"))).toBe(6);
    expect(isoWeekday(parseDate("2022-10-31"))).toBe(1);
    expect(isoWeekday(parseDate("2026-02-28"))).toBe(6);
    expect(weekdaysBefore(parseDate("2022-10-10")) - weekdaysBefore(parseDate("2022-10-03"))).toBe(5);
  });

  it("R-WD-2 refuses dates that do not exist, with a Chinese message", () => {
    for (const bad of ["2023-02-29", "2022-13-01", "2022-9-28", "20220928", "1899-12-31", ""]) {
      expect(() => parseDate(bad)).toThrow(CalendarError);
    }
    expect(() => parseDate("2023-02-29")).toThrow("日期“2023-02-29”无效");
    expect(parseDate("2024-02-29")).toBe(dayNumberOf(2024, 2, 29));
  });
});
