/**
 * Calendar dates ("YYYY-MM-DD", Asia/Shanghai civil dates) as day numbers: whole days since 1970-01-01.
 * Pure integer arithmetic (proleptic Gregorian), never JS Date, so no time zone can shift a date.
 */
import { CalendarError } from "./calendar-error.ts";

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** The day number of a civil date (1970-01-01 is 0). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date [year, month, day] of a day number. */
export function civilOf(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Parses "YYYY-MM-DD" (a real date, years 1900–2200) to its day number, or throws INVALID_DATE. */
export function parseDate(text: string): number {
  const m = DATE_PATTERN.exec(text);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (m && year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1) {
    const n = dayNumberOf(year, month, day);
    const back = civilOf(n);
    if (back[1] === month && back[2] === day) return n;
  }
  throw new CalendarError("INVALID_DATE", `日期“${text}”无效：应为 YYYY-MM-DD 格式的实际日期`);
}

/** Formats a day number as "YYYY-MM-DD". */
export function formatDate(dayNumber: number): string {
  const [y, m, d] = civilOf(dayNumber);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The year of a day number. */
export function yearOf(dayNumber: number): number {
  return civilOf(dayNumber)[0];
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Whether a day number falls on Saturday or Sunday. */
export function isWeekend(dayNumber: number): boolean {
  return isoWeekday(dayNumber) >= 6;
}

/** Monday–Friday days in [1970-01-05 + ..., dayNumber): a monotone count, used to count weekdays in O(1). */
export function weekdaysBefore(dayNumber: number): number {
  const k = dayNumber - 4; // day 4 = 1970-01-05, a Monday
  const weeks = Math.floor(k / 7);
  return 5 * weeks + Math.min(k - 7 * weeks, 5);
}

/** The smallest day number x with weekdaysBefore(x) >= count (inverse of weekdaysBefore). */
export function firstDayWithWeekdaysBefore(count: number): number {
  const weeks = Math.floor(count / 5);
  const rest = count - 5 * weeks;
  return rest === 0 ? 4 + 7 * weeks - 2 : 4 + 7 * weeks + rest;
}

/** The date `months` calendar months after `date` (a day past the month's end falls on its last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = civilOf(parseDate(date));
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = civilOf(
    dayNumberOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1,
  )[2];
  return formatDate(dayNumberOf(year, month, Math.min(d, lastDay)));
}
