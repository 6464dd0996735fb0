/**
 * The official holiday schedules as shipped by the npm package chinese-days (maps of "YYYY-MM-DD" →
 * "English,中文,n") turned into year schedules. Pure: the caller loads the JSON (src/calendar).
 */
import { CalendarError } from "./calendar-error.ts";
import type { YearSchedule } from "./year-schedule.ts";

/** The part of chinese-days' `dist/chinese-days.json` the calendar uses. */
export interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

const KEY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value is a map of date keys to strings. */
function isDateMap(value: unknown): value is Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([k, v]) => KEY.test(k) && typeof v === "string");
}

/** Checks the shape of chinese-days' JSON, refusing anything else with INVALID_DATA. */
export function asChineseDaysData(value: unknown): ChineseDaysData {
  const data = value as { holidays?: unknown; workdays?: unknown } | null;
  if (!data || !isDateMap(data.holidays) || !isDateMap(data.workdays)) {
    throw new CalendarError("INVALID_DATA", "节假日数据格式不正确：应包含 holidays 与 workdays 两个日期表");
  }
  return { holidays: data.holidays, workdays: data.workdays };
}

// R-WD-1 — 节假日与调休上班日取自国务院办公厅每年的节假日安排通知（经 chinese-days 整理）
/** One schedule per year from `fromYear` on, for every year the data has dates for, ascending. */
export function schedulesFromChineseDays(
  data: ChineseDaysData,
  fromYear: number,
  source: string,
): YearSchedule[] {
  const byYear = new Map<number, { holidays: string[]; workdays: string[] }>();
  const entry = (date: string) => {
    const year = Number(date.slice(0, 4));
    let e = byYear.get(year);
    if (!e) {
      e = { holidays: [], workdays: [] };
      byYear.set(year, e);
    }
    return e;
  };
  for (const date of Object.keys(data.holidays)) entry(date).holidays.push(date);
  for (const date of Object.keys(data.workdays)) entry(date).workdays.push(date);
  return [...byYear.entries()]
    .filter(([year]) => year >= fromYear)
    .sort(([a], [b]) => a - b)
    .map(([year, e]) => ({ year, holidays: e.holidays.sort(), workdays: e.workdays.sort(), source }));
}
