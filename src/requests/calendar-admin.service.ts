/**
 * Entering a year's working-day schedule (the State Council notice published each November): validated
 * (R-WD-1), stored in calendar_years, recorded in the trail, and — in the same transaction — every open
 * case's due date recomputed on the new calendar with each moved date logged (R-WD-4).
 */

import { bundledCalendar } from "../calendar/bundled-calendar.ts";
import { enteringUserName, listEnteredYears, saveEnteredYear } from "../calendar/calendar-year.repository.ts";
import { calendarWith } from "../calendar/effective-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { CalendarError } from "../core/calendar/calendar-error.ts";
import { checkYearSchedule, type YearSchedule } from "../core/calendar/year-schedule.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { type RecomputeResult, recomputeOpenCases } from "./deadline-recompute.ts";

/** A year's schedule as the API shows it. */
export interface CalendarYearView {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
  readonly source: string;
  /** Who entered it (null for the bundled data or the command line). */
  readonly enteredBy: string | null;
  readonly createdAt: string | null;
}

/** A year's schedule in force (entered, else bundled), or 404 when the year is unknown. */
export async function getCalendarYear(database: Database, year: number): Promise<CalendarYearView> {
  const entered = (await listEnteredYears(database.db)).find((y) => y.year === year);
  if (entered) {
    const name = entered.enteredBy === null ? null : await enteringUserName(database.db, entered.enteredBy);
    const { year: y, holidays, workdays, source, createdAt } = entered;
    return { year: y, holidays, workdays, source, enteredBy: name, createdAt };
  }
  const bundled = bundledCalendar().schedule(year);
  if (!bundled) throw new DomainError("NOT_FOUND", `${year} 年的节假日安排尚未录入`);
  return { ...bundled, enteredBy: null, createdAt: null };
}

/** Validates and stores a year's schedule, recomputing the open cases; what moved. */
export async function saveCalendarYear(
  database: Database,
  schedule: YearSchedule,
  actor: Actor,
  now: Date,
): Promise<CalendarYearView & RecomputeResult> {
  try {
    checkYearSchedule(schedule);
  } catch (error) {
    if (error instanceof CalendarError) throw new DomainError(error.code, error.message, 422);
    throw error;
  }
  const at = now.toISOString();
  const result = await database.db.transaction().execute(async (trx) => {
    const years = await listEnteredYears(trx);
    const before = calendarWith(years);
    const previous =
      years.find((y) => y.year === schedule.year) ?? bundledCalendar().schedule(schedule.year) ?? null;
    await saveEnteredYear(trx, schedule, actor.userId, at);
    const after = calendarWith([...years.filter((y) => y.year !== schedule.year), schedule]);
    await recordChange(trx, database.dialect, actor, {
      agencyId: null,
      action: "calendar.set",
      entityType: "calendar_year",
      entityId: schedule.year,
      before: previous && {
        holidays: previous.holidays,
        workdays: previous.workdays,
        source: previous.source,
      },
      after: {
        holidays: schedule.holidays,
        workdays: schedule.workdays,
        source: schedule.source,
        version: after.version,
      },
      at,
    });
    return recomputeOpenCases(trx, database.dialect, { before, after }, actor, now, shanghaiDate(now));
  });
  return { ...(await getCalendarYear(database, schedule.year)), ...result };
}
