import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDate, parseDate } from "../core/calendar/calendar-date.ts";
import { NOTICES_2022_TO_2024, noticeCalendar } from "../core/calendar/official-notices.test-support.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import { BUNDLED_FROM_YEAR, bundledCalendar, bundledSource } from "./bundled-calendar.ts";

const calendar = bundledCalendar();

/** Reference: the Nth working day after `start`, one day at a time. */
function addWorkdaysByLoop(cal: WorkCalendar, start: string, n: number): string {
  let day = parseDate(start);
  for (let left = n; left > 0; ) {
    day++;
    if (cal.isWorkdayNumber(day)) left--;
  }
  return formatDate(day);
}

describe("bundled calendar (chinese-days@1.5.7, from 2019)", () => {
  it("R-WD-4 is labelled with the package and version, and holds 2019–2026", () => {
    expect(bundledSource()).toBe("chinese-days@1.5.7");
    expect(calendar.version).toMatch(/^chinese-days@1\.5\.7#[0-9a-f]{8}$/);
    expect(calendar.knownYears()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(BUNDLED_FROM_YEAR).toBe(2019);
    expect(calendar.schedule(2018)).toBeUndefined();
  });

  it("R-WD-1 facts of RULES.md: 2022-01-29/30 and 2022-10-08/09 worked, 2022-10-01..07 off", () => {
    for (const d of ["2022-01-29", "2022-01-30", "2022-10-08", "2022-10-09"])
      expect(calendar.isWorkday(d)).toBe(true);
    for (let d = 1; d <= 7; d++) expect(calendar.isWorkday(`2022-10-0${d}`)).toBe(false);
  });

  it("R-WD-1 facts of RULES.md: 2026-02-14 and 2026-02-28 are working Saturdays", () => {
    expect(calendar.isWorkday("2026-02-14")).toBe(true);
    expect(calendar.isWorkday("2026-02-28")).toBe(true);
    expect(calendar.isWorkday("2026-02-21")).toBe(false);
    expect(calendar.isWorkday("2026-02-16")).toBe(false);
  });

  it("R-WD-1 agrees day by day with the 2022–2024 notices typed in by hand", () => {
    const notices = noticeCalendar();
    expect(NOTICES_2022_TO_2024.map((s) => s.year)).toEqual([2022, 2023, 2024]);
    for (let d = parseDate("2022-01-01"); d <= parseDate("2024-12-31"); d++) {
      expect([formatDate(d), calendar.isWorkdayNumber(d)]).toEqual([
        formatDate(d),
        notices.isWorkdayNumber(d),
      ]);
    }
  });

  it("R-33-1 / R-WD-2 received 2022-09-28 → due 2022-10-31", () => {
    expect(calendar.addWorkdays("2022-09-28", 20)).toEqual({ date: "2022-10-31", provisional: false });
  });

  it("R-WD-3 2026 is the last known year: a period reaching into 2027 is provisional", () => {
    expect(calendar.addWorkdays("2026-12-10", 20)).toEqual({ date: "2027-01-07", provisional: true });
    expect(calendar.addWorkdays("2026-11-20", 20)).toEqual({ date: "2026-12-18", provisional: false });
  });

  it("R-WD-2 property: addWorkdays(d, n) equals a day-by-day loop for d in 2019–2026, n in 0..60", () => {
    const first = parseDate("2019-01-01");
    const last = parseDate("2026-12-31");
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: 0, max: 60 }), (day, n) => {
        const start = formatDate(day);
        expect(calendar.addWorkdays(start, n).date).toBe(addWorkdaysByLoop(calendar, start, n));
      }),
      { numRuns: 2000 },
    );
  });

  it("R-WD-2 property: workdaysBetween(d, addWorkdays(d, n)) = n", () => {
    const first = parseDate("2019-01-01");
    const last = parseDate("2026-12-31");
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: 0, max: 60 }), (day, n) => {
        const start = formatDate(day);
        expect(calendar.workdaysBetween(start, calendar.addWorkdays(start, n).date).count).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it("R-WD-3 property: beyond the known years the count still agrees with the loop (Monday–Friday)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseDate("2017-06-01"), max: parseDate("2028-06-30") }),
        fc.integer({ min: 0, max: 400 }),
        (day, n) => {
          const start = formatDate(day);
          const result = calendar.addWorkdays(start, n);
          expect(result.date).toBe(addWorkdaysByLoop(calendar, start, n));
          expect(calendar.workdaysBetween(start, result.date).count).toBe(n);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
