/**
 * One year's holiday arrangement (国务院办公厅关于某年部分节假日安排的通知) as the calendar stores it:
 * the statutory holidays and the weekend days made working days (调休上班), with a source label.
 */
import { formatDate, isWeekend, parseDate, yearOf } from "./calendar-date.ts";
import { CalendarError } from "./calendar-error.ts";

/** A year's schedule as entered: dates "YYYY-MM-DD" within `year`; `source` names where it came from. */
export interface YearSchedule {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
  readonly source: string;
}

/** A validated schedule: day numbers, sorted. */
export interface CheckedSchedule {
  readonly year: number;
  readonly holidays: readonly number[];
  readonly workdays: readonly number[];
  readonly source: string;
}

const SOURCE_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;

/** Parses and sorts one list of a schedule, refusing dates outside the year and duplicates. */
function checkDates(year: number, dates: readonly string[], what: string): number[] {
  const days = dates.map((d) => parseDate(d)).sort((a, b) => a - b);
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    if (yearOf(day) !== year) {
      throw new CalendarError(
        "DATE_OUTSIDE_YEAR",
        `${year} 年节假日安排中的${what}“${formatDate(day)}”不在 ${year} 年内；跨年的日期请录入到其所在年份`,
      );
    }
    if (i > 0 && days[i - 1] === day) {
      throw new CalendarError(
        "DUPLICATE_DATE",
        `${year} 年节假日安排中的${what}“${formatDate(day)}”重复录入`,
      );
    }
  }
  return days;
}

// R-WD-1 — 工作日 = 周一至周五 − 当年国务院办公厅通知的法定节假日 + 调休上班的周末
/** Validates a year schedule (R-WD-1): real dates in that year, 调休上班 days on weekends, no date in both lists. */
export function checkYearSchedule(schedule: YearSchedule): CheckedSchedule {
  const { year } = schedule;
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new CalendarError("INVALID_YEAR", `年份“${String(year)}”无效：应为 1900 至 2200 之间的整数`);
  }
  if (!SOURCE_PATTERN.test(schedule.source)) {
    throw new CalendarError(
      "INVALID_SOURCE",
      `来源标识“${schedule.source}”无效：只能使用字母、数字和 . _ @ -，不超过 64 个字符`,
    );
  }
  const holidays = checkDates(year, schedule.holidays, "放假日期");
  const workdays = checkDates(year, schedule.workdays, "调休上班日期");
  const holidaySet = new Set(holidays);
  for (const day of workdays) {
    if (holidaySet.has(day)) {
      throw new CalendarError(
        "HOLIDAY_AND_WORKDAY",
        `${formatDate(day)} 不能既是放假日又是调休上班日，请核对 ${year} 年节假日安排通知`,
      );
    }
    if (!isWeekend(day)) {
      throw new CalendarError(
        "WORKDAY_NOT_WEEKEND",
        `调休上班日期 ${formatDate(day)} 不是周六或周日：周一至周五本来就是工作日，无需录入`,
      );
    }
  }
  return { year, holidays, workdays, source: schedule.source };
}
