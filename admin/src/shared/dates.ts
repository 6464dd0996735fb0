/**
 * Dates as the back office shows them: today and instants in Beijing time (Asia/Shanghai, UTC+8 all year),
 * the years a page offers, day arithmetic on "YYYY-MM-DD", and times in the browser's own zone.
 */
import dayjs from "dayjs";

/** Beijing is UTC+8 all year (no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** One day in milliseconds. */
const DAY_MS = 86_400_000;

/** The year of the revised 条例 (2019), from which request and catalog pages offer years. */
export const REVISED_REGULATION_YEAR = 2019;

/** The year of the first 条例 (2008), from which register and report pages offer years. */
export const FIRST_REGULATION_YEAR = 2008;

/** Today in Asia/Shanghai as "YYYY-MM-DD" (the default of every date field). */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** This year in Asia/Shanghai (or the year of `today`, "YYYY-MM-DD"). */
export function currentYear(today: string = todayInShanghai()): number {
  return Number(today.slice(0, 4));
}

/** An instant (ISO UTC) as a Beijing-time "YYYY-MM-DD HH:mm"; a dash without one. */
export function instantText(iso: string | null): string {
  if (!iso) return "—";
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const beijing = new Date(time + BEIJING_OFFSET_MS).toISOString();
  return `${beijing.slice(0, 10)} ${beijing.slice(11, 16)}`;
}

/** The day `days` after `day` ("YYYY-MM-DD"; negative goes back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A year option of a select: the year and "2024 年". */
export interface YearOption {
  readonly value: number;
  readonly label: string;
}

/** The years from `last` down to `first`, newest first, as select options. */
export function yearRange(first: number, last: number): YearOption[] {
  const years: YearOption[] = [];
  for (let year = last; year >= first; year--) years.push({ value: year, label: `${year} 年` });
  return years;
}

/** The years from `first` (default 2019, the revised 条例) to this year, newest first. */
export function yearOptions(
  first: number = REVISED_REGULATION_YEAR,
  today: string = todayInShanghai(),
): YearOption[] {
  return yearRange(first, currentYear(today));
}

/** An instant as "YYYY-MM-DD" in the browser's time zone. */
export function localDayText(at: string): string {
  return dayjs(at).format("YYYY-MM-DD");
}

/** An instant as "YYYY-MM-DD HH:mm" in the browser's time zone. */
export function localMinuteText(at: string): string {
  return dayjs(at).format("YYYY-MM-DD HH:mm");
}
