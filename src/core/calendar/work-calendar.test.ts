import { describe, expect, it } from "vitest";
import { CalendarError } from "./calendar-error.ts";
import { noticeCalendar } from "./official-notices.test-support.ts";
import { WorkCalendar } from "./work-calendar.ts";
import type { YearSchedule } from "./year-schedule.ts";

const calendar = noticeCalendar();

describe("WorkCalendar (R-WD-1…4)", () => {
  it("R-WD-1 National Day 2022: 10-01..07 off, the weekend 10-08/10-09 worked", () => {
    for (let d = 1; d <= 7; d++) expect(calendar.isWorkday(`2022-10-0${d}`)).toBe(false);
    expect(calendar.isWorkday("2022-10-08")).toBe(true);
    expect(calendar.isWorkday("2022-10-09")).toBe(true);
    expect(calendar.isWorkday("2022-10-15")).toBe(false);
    expect(calendar.isWorkday("2022-09-30")).toBe(true);
  });

  it("R-WD-1 Spring Festival 2022: 01-29/01-30 worked, 01-31..02-06 off", () => {
    expect(calendar.isWorkday("2022-01-29")).toBe(true);
    expect(calendar.isWorkday("2022-01-30")).toBe(true);
    expect(calendar.isWorkday("2022-01-31")).toBe(false);
    expect(calendar.isWorkday("2022-02-04")).toBe(false);
    expect(calendar.isWorkday("2022-02-07")).toBe(true);
  });

  it("R-WD-2 received 2022-09-28: the 20th working day after it is 2022-10-31", () => {
    expect(calendar.addWorkdays("2022-09-28", 20)).toEqual({ date: "2022-10-31", provisional: false });
    expect(calendar.workdaysBetween("2022-09-28", "2022-10-31")).toEqual({ count: 20, provisional: false });
    expect(calendar.addWorkdays("2022-09-28", 1).date).toBe("2022-09-29");
    expect(calendar.addWorkdays("2022-09-28", 3).date).toBe("2022-10-08");
    expect(calendar.addWorkdays("2022-09-28", 0).date).toBe("2022-09-28");
  });

  it("R-WD-2 counting starts the day after a holiday start: 2022-10-03 + 1 = 2022-10-08", () => {
    expect(calendar.addWorkdays("2022-10-03", 1).date).toBe("2022-10-08");
    expect(calendar.addWorkdays("2022-10-03", 20).date).toBe("2022-11-02");
    expect(calendar.workdaysBetween("2022-10-01", "2022-10-07").count).toBe(0);
  });

  it("R-WD-2 Spring Festival 2023 (01-21..27 off, 01-28/29 worked) and 2024 (02-10..17 off, 02-04/02-18 worked)", () => {
    expect(calendar.addWorkdays("2023-01-19", 1).date).toBe("2023-01-20");
    expect(calendar.addWorkdays("2023-01-20", 1).date).toBe("2023-01-28");
    expect(calendar.addWorkdays("2023-01-20", 20).date).toBe("2023-02-22");
    expect(calendar.isWorkday("2024-02-04")).toBe(true);
    expect(calendar.addWorkdays("2024-02-09", 1).date).toBe("2024-02-18");
    expect(calendar.addWorkdays("2024-02-08", 20).date).toBe("2024-03-13");
  });

  it("R-WD-2 National Day 2023: 09-29..10-06 off, 10-07/10-08 worked; 2023-09-27 + 20 = 2023-10-31", () => {
    expect(calendar.addWorkdays("2023-09-28", 1).date).toBe("2023-10-07");
    expect(calendar.addWorkdays("2023-09-27", 20).date).toBe("2023-10-31");
    expect(calendar.workdaysBetween("2023-09-28", "2023-10-09").count).toBe(3);
  });

  it("R-WD-2 a span across the year end 2022 → 2023 (2022-12-31..2023-01-02 New Year)", () => {
    expect(calendar.addWorkdays("2022-12-29", 2).date).toBe("2023-01-03");
    expect(calendar.workdaysBetween("2022-12-20", "2023-01-10").count).toBe(14);
  });

  it("R-WD-3 a period reaching into an unknown year (2025) is provisional, computed on Monday–Friday", () => {
    expect(calendar.addWorkdays("2024-12-20", 20)).toEqual({ date: "2025-01-17", provisional: true });
    expect(calendar.addWorkdays("2024-12-02", 20)).toEqual({ date: "2024-12-30", provisional: false });
    expect(calendar.isWorkday("2025-01-01")).toBe(true);
    expect(calendar.workdaysBetween("2024-12-31", "2025-01-02")).toEqual({ count: 2, provisional: true });
    expect(calendar.addWorkdays("2021-12-20", 10)).toEqual({ date: "2022-01-04", provisional: true });
  });

  it("R-WD-3 entering the 2025 schedule (withYear) makes the same period final and moves it", () => {
    const with2025 = calendar.withYear({
      year: 2025,
      holidays: [
        "2025-01-01",
        "2025-01-28",
        "2025-01-29",
        "2025-01-30",
        "2025-01-31",
        "2025-02-03",
        "2025-02-04",
      ],
      workdays: ["2025-01-26", "2025-02-08"],
      source: "custom",
    });
    expect(with2025.addWorkdays("2024-12-20", 20)).toEqual({ date: "2025-01-20", provisional: false });
    expect(with2025.isWorkday("2025-01-26")).toBe(true);
    expect(calendar.isWorkday("2025-01-26")).toBe(false);
    expect(with2025.knownYears()).toEqual([2022, 2023, 2024, 2025]);
  });

  it("R-WD-4 the version names the data and changes with every schedule change", () => {
    expect(calendar.version).toMatch(/^notice#[0-9a-f]{8}$/);
    const a = calendar.withYear({ year: 2027, holidays: ["2027-01-01"], workdays: [], source: "custom" });
    const b = calendar.withYear({
      year: 2027,
      holidays: ["2027-01-01", "2027-10-01"],
      workdays: [],
      source: "custom",
    });
    expect(a.version).toMatch(/^notice\+custom:2027#[0-9a-f]{8}$/);
    expect(a.version).not.toBe(b.version);
    expect(noticeCalendar().version).toBe(calendar.version);
    const replaced = calendar.withYear(calendar.schedule(2022) as YearSchedule);
    expect(replaced.version).toBe(calendar.version);
  });

  it("R-WD-1 withYear validates: dates in the year, 调休 on weekends, no date both holiday and workday", () => {
    const year =
      (holidays: string[], workdays: string[], y = 2027) =>
      () =>
        calendar.withYear({ year: y, holidays, workdays, source: "custom" });
    expect(year(["2026-12-31"], [])).toThrow("不在 2027 年内");
    expect(year(["2027-02-06"], ["2027-02-06"])).toThrow("不能既是放假日又是调休上班日");
    expect(year([], ["2027-02-08"])).toThrow("不是周六或周日");
    expect(year(["2027-02-30"], [])).toThrow(CalendarError);
    expect(year(["2027-10-01", "2027-10-01"], [])).toThrow("重复录入");
    expect(year([], [], 1800)).toThrow("年份“1800”无效");
    expect(() => calendar.withYear({ year: 2027, holidays: [], workdays: [], source: "a b" })).toThrow(
      "来源标识",
    );
    expect(() =>
      WorkCalendar.fromSchedules(
        [
          { year: 2027, holidays: [], workdays: [], source: "x" },
          { year: 2027, holidays: [], workdays: [], source: "x" },
        ],
        "x",
      ),
    ).toThrow("重复提供");
  });

  it("R-WD-2 refuses a negative or fractional count of working days", () => {
    expect(() => calendar.addWorkdays("2022-09-28", -1)).toThrow("工作日数“-1”无效");
    expect(() => calendar.addWorkdays("2022-09-28", 1.5)).toThrow(CalendarError);
  });
});
