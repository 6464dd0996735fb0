/**
 * A year's holiday arrangement as staff type or paste it from the 国务院办公厅 notice: dates and ranges
 * ("2027-10-01至2027-10-07", "10-01~10-07", one per line or separated by 、，；), expanded to day lists and
 * checked by the calendar's own rule (R-WD-1) before anything is sent.
 */
import { formatDate, isoWeekday, parseDate } from "../../../src/core/calendar/calendar-date.ts";
import { CalendarError } from "../../../src/core/calendar/calendar-error.ts";
import { checkYearSchedule } from "../../../src/core/calendar/year-schedule.ts";

/** The dates of one list, or the Chinese message of what is wrong with it. */
export type DateListResult =
  | { readonly ok: true; readonly dates: readonly string[] }
  | { readonly ok: false; readonly message: string };

const RANGE_SEPARATOR = /\s*(?:至|到|~|～|—|--)\s*/g;
const ITEM_SEPARATOR = /[\s,，、;；]+/;

/** "2027-10-01" or "10-01" / "10-1" (within `year`) to "YYYY-MM-DD"; throws CalendarError when invalid. */
function fullDate(text: string, year: number): string {
  const short = /^(\d{1,2})-(\d{1,2})$/.exec(text);
  const full = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const parts = full ? [full[1], full[2], full[3]] : short ? [String(year), short[1], short[2]] : null;
  if (!parts) throw new CalendarError("INVALID_DATE", `“${text}”不是日期：请写成 ${year}-10-01 或 10-01`);
  const [y, m, d] = parts as [string, string, string];
  return formatDate(parseDate(`${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`));
}

/** Parses one list of dates and ranges of `year`, sorted, each date once. */
export function parseDateList(text: string, year: number): DateListResult {
  const items = text
    .replace(/[／/.]/g, "-")
    .replace(RANGE_SEPARATOR, "至")
    .split(ITEM_SEPARATOR)
    .filter((item) => item !== "");
  const days = new Set<number>();
  try {
    for (const item of items) {
      const [from, to, extra] = item.split("至");
      if (extra !== undefined || from === undefined || from === "") {
        return { ok: false, message: `“${item}”无法识别：日期范围请写成 ${year}-10-01至${year}-10-07` };
      }
      const start = parseDate(fullDate(from, year));
      const end = to === undefined ? start : parseDate(fullDate(to, year));
      if (end < start) return { ok: false, message: `“${item}”的结束日期早于开始日期` };
      if (end - start > 366) return { ok: false, message: `“${item}”跨度超过一年，请检查` };
      for (let day = start; day <= end; day++) days.add(day);
    }
  } catch (error) {
    if (error instanceof CalendarError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, dates: [...days].sort((a, b) => a - b).map(formatDate) };
}

/** A weekday name: "周六". */
export function weekdayName(date: string): string {
  return ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][isoWeekday(parseDate(date)) - 1] ?? "";
}

/** A schedule to send, or the Chinese message of why it cannot be. */
export type ScheduleResult =
  | {
      readonly ok: true;
      readonly schedule: {
        readonly holidays: readonly string[];
        readonly workdays: readonly string[];
        readonly source: string;
      };
    }
  | { readonly ok: false; readonly message: string };

/** Parses and checks a year's entry (R-WD-1) exactly as the server will. */
export function scheduleOf(
  year: number,
  holidaysText: string,
  workdaysText: string,
  source: string,
): ScheduleResult {
  const holidays = parseDateList(holidaysText, year);
  if (!holidays.ok) return { ok: false, message: `放假日期：${holidays.message}` };
  const workdays = parseDateList(workdaysText, year);
  if (!workdays.ok) return { ok: false, message: `调休上班日期：${workdays.message}` };
  if (holidays.dates.length === 0) return { ok: false, message: "请录入放假日期" };
  const schedule = { year, holidays: holidays.dates, workdays: workdays.dates, source: source.trim() };
  try {
    checkYearSchedule(schedule);
  } catch (error) {
    if (error instanceof CalendarError) return { ok: false, message: error.message };
    throw error;
  }
  return {
    ok: true,
    schedule: { holidays: schedule.holidays, workdays: schedule.workdays, source: schedule.source },
  };
}
