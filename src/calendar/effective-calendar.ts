/**
 * The effective working-day calendar: the bundled official schedules (chinese-days) with the years an
 * administrator entered on top (an entered year replaces the bundled one; R-WD-3, R-WD-4).
 */
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import type { YearSchedule } from "../core/calendar/year-schedule.ts";
import type { Database } from "../db/database.ts";
import { bundledCalendar } from "./bundled-calendar.ts";
import { listEnteredYears } from "./calendar-year.repository.ts";

/** The bundled calendar with the given years entered. */
export function calendarWith(years: readonly YearSchedule[]): WorkCalendar {
  let calendar = bundledCalendar();
  for (const y of years) calendar = calendar.withYear(y);
  return calendar;
}

/** The calendar in force: bundled + every year stored in calendar_years. */
export async function effectiveCalendar(database: Database): Promise<WorkCalendar> {
  return calendarWith(await listEnteredYears(database.db));
}
