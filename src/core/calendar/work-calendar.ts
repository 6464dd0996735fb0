/**
 * The working-day calendar (R-WD-1…4): year schedules turned into prefix counts of working days and an index
 * of the working days, so that adding or counting working days is O(1), inside and outside the known range.
 */
import {
  dayNumberOf,
  firstDayWithWeekdaysBefore,
  formatDate,
  isWeekend,
  parseDate,
  weekdaysBefore,
  yearOf,
} from "./calendar-date.ts";
import { CalendarError } from "./calendar-error.ts";
import { type CheckedSchedule, checkYearSchedule, type YearSchedule } from "./year-schedule.ts";

/** A date reached by counting working days; `provisional` when the span reaches a year without schedule. */
export interface WorkdayDate {
  readonly date: string;
  readonly provisional: boolean;
}

/** A count of working days; `provisional` when the span reaches a year without schedule (R-WD-3). */
export interface WorkdayCount {
  readonly count: number;
  readonly provisional: boolean;
}

/** Holidays on Monday–Friday and working weekend days inside a span, for explanations. */
export interface SpecialDays {
  readonly holidays: readonly number[];
  readonly workdays: readonly number[];
}

/** FNV-1a over a string, as 8 hex digits: a short, stable fingerprint of the calendar's content. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** An immutable working-day calendar; make one with `WorkCalendar.fromSchedules`, extend with `withYear`. */
export class WorkCalendar {
  /** R-WD-4: identifies the data a deadline was computed with, e.g. "chinese-days@1.5.7+custom:2027#1a2b3c4d". */
  readonly version: string;
  private readonly baseSource: string;
  private readonly years: ReadonlyMap<number, CheckedSchedule>;
  private readonly first: number; // first day of the first known year
  private readonly end: number; // day after the last day of the last known year
  private readonly working: Uint8Array; // 1 = working day, for days [first, end)
  private readonly prefix: Int32Array; // prefix[i] = working days in [first, first + i)
  private readonly nth: Int32Array; // nth[k] = offset from `first` of the (k + 1)-th working day

  private constructor(baseSource: string, years: ReadonlyMap<number, CheckedSchedule>) {
    this.baseSource = baseSource;
    this.years = years;
    const sorted = [...years.keys()].sort((a, b) => a - b);
    const lo = sorted[0] ?? 1970;
    const hi = sorted.at(-1) ?? 1969;
    this.first = dayNumberOf(lo, 1, 1);
    this.end = sorted.length === 0 ? this.first : dayNumberOf(hi + 1, 1, 1);
    const length = this.end - this.first;
    this.working = new Uint8Array(length);
    for (let i = 0; i < length; i++) this.working[i] = isWeekend(this.first + i) ? 0 : 1;
    const parts: string[] = [];
    for (const year of sorted) {
      const s = years.get(year) as CheckedSchedule;
      for (const d of s.holidays) this.working[d - this.first] = 0;
      for (const d of s.workdays) this.working[d - this.first] = 1;
      parts.push(`${year}:${s.holidays.join(",")}/${s.workdays.join(",")}`);
    }
    this.prefix = new Int32Array(length + 1);
    for (let i = 0; i < length; i++)
      this.prefix[i + 1] = (this.prefix[i] as number) + (this.working[i] as number);
    this.nth = new Int32Array(this.prefix[length] as number);
    for (let i = 0; i < length; i++) if (this.working[i] === 1) this.nth[this.prefix[i] as number] = i;
    const custom = sorted
      .map((y) => years.get(y) as CheckedSchedule)
      .filter((s) => s.source !== baseSource)
      .map((s) => `+${s.source}:${s.year}`);
    this.version = `${baseSource}${custom.join("")}#${fingerprint(parts.join(";"))}`;
  }

  /** A calendar from year schedules (each validated, R-WD-1); `baseSource` labels the bundled data. */
  static fromSchedules(schedules: readonly YearSchedule[], baseSource: string): WorkCalendar {
    const years = new Map<number, CheckedSchedule>();
    for (const s of schedules) {
      const checked = checkYearSchedule(s);
      if (years.has(checked.year)) {
        throw new CalendarError("DUPLICATE_YEAR", `${checked.year} 年的节假日安排重复提供`);
      }
      years.set(checked.year, checked);
    }
    return new WorkCalendar(baseSource, years);
  }

  /** A new calendar with one year's schedule added or replaced (the notice published each November). */
  withYear(schedule: YearSchedule): WorkCalendar {
    const checked = checkYearSchedule(schedule);
    const years = new Map(this.years);
    years.set(checked.year, checked);
    return new WorkCalendar(this.baseSource, years);
  }

  /** The years whose schedule is known, ascending. */
  knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** The stored schedule of a year, as dates, or undefined when the year is unknown. */
  schedule(year: number): YearSchedule | undefined {
    const s = this.years.get(year);
    if (!s) return undefined;
    return {
      year,
      holidays: s.holidays.map(formatDate),
      workdays: s.workdays.map(formatDate),
      source: s.source,
    };
  }

  /** R-WD-1: whether a date is a working day (Monday–Friday in a year without schedule, R-WD-3). */
  isWorkday(date: string): boolean {
    return this.isWorkdayNumber(parseDate(date));
  }

  /** `isWorkday` on a day number. */
  isWorkdayNumber(day: number): boolean {
    if (day >= this.first && day < this.end) return this.working[day - this.first] === 1;
    return !isWeekend(day);
  }

  /** R-WD-2: the Nth working day after `start` (the start day itself never counts); n = 0 gives `start`. */
  addWorkdays(start: string, n: number): WorkdayDate {
    const from = parseDate(start);
    const due = this.addWorkdaysToDay(from, n);
    return { date: formatDate(due), provisional: this.reachesUnknownYear(from, due) };
  }

  /** `addWorkdays` on day numbers: O(1) via the prefix counts and the working-day index, closed form outside. */
  addWorkdaysToDay(start: number, n: number): number {
    if (!Number.isInteger(n) || n < 0) {
      throw new CalendarError("INVALID_COUNT", `工作日数“${String(n)}”无效：应为不小于 0 的整数`);
    }
    if (n === 0) return start;
    return this.firstDayWithCount(this.countBefore(start + 1) + n) - 1;
  }

  /** Working days after `a` up to and including `b` (negative when b is before a). */
  workdaysBetween(a: string, b: string): WorkdayCount {
    const from = parseDate(a);
    const to = parseDate(b);
    return {
      count: this.countWorkdays(from, to),
      provisional: this.reachesUnknownYear(Math.min(from, to), Math.max(from, to)),
    };
  }

  /** `workdaysBetween` on day numbers. */
  countWorkdays(after: number, upTo: number): number {
    return this.countBefore(upTo + 1) - this.countBefore(after + 1);
  }

  /** R-WD-3: whether the days after `after` up to `upTo` touch a year whose schedule is not known. */
  reachesUnknownYear(after: number, upTo: number): boolean {
    if (upTo <= after) return false;
    const last = yearOf(upTo);
    for (let y = yearOf(after + 1); y <= last; y++) if (!this.years.has(y)) return true;
    return false;
  }

  /** Holidays falling on Monday–Friday and working weekend days after `after` up to `upTo` (for explanations). */
  specialDays(after: number, upTo: number): SpecialDays {
    const holidays: number[] = [];
    const workdays: number[] = [];
    const lo = Math.max(after + 1, this.first);
    const hi = Math.min(upTo + 1, this.end);
    for (let d = lo; d < hi; d++) {
      const weekend = isWeekend(d);
      const working = this.working[d - this.first] === 1;
      if (!weekend && !working) holidays.push(d);
      if (weekend && working) workdays.push(d);
    }
    return { holidays, workdays };
  }

  /** Working days in [first, day): from the prefix counts inside the known range, by weekdays outside. */
  private countBefore(day: number): number {
    if (day <= this.first) return weekdaysBefore(day) - weekdaysBefore(this.first);
    const total = this.prefix[this.prefix.length - 1] as number;
    if (day >= this.end) return total + weekdaysBefore(day) - weekdaysBefore(this.end);
    return this.prefix[day - this.first] as number;
  }

  /** The smallest day x with countBefore(x) >= target (inverse of countBefore). */
  private firstDayWithCount(target: number): number {
    const total = this.prefix[this.prefix.length - 1] as number;
    if (target <= 0)
      return Math.min(this.first, firstDayWithWeekdaysBefore(target + weekdaysBefore(this.first)));
    if (target > total) return firstDayWithWeekdaysBefore(target - total + weekdaysBefore(this.end));
    return this.first + (this.nth[target - 1] as number) + 1; // the target-th working day, plus one
  }
}
