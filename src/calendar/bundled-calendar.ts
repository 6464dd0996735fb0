/**
 * The default working-day calendar: the official schedules from 2019 on, as shipped by the npm package
 * chinese-days (its `dist/chinese-days.json`), labelled with the package version (R-WD-4).
 */
import { createRequire } from "node:module";
import { asChineseDaysData, schedulesFromChineseDays } from "../core/calendar/official-schedules.ts";
import { WorkCalendar } from "../core/calendar/work-calendar.ts";

/** The first year the bundled calendar holds (条例 as revised in force from 2019-05-15). */
export const BUNDLED_FROM_YEAR = 2019;

const require = createRequire(import.meta.url);
let cached: WorkCalendar | undefined;

/** The source label of the bundled data, e.g. "chinese-days@1.5.7". */
export function bundledSource(): string {
  const pkg = require("chinese-days/package.json") as { version: string };
  return `chinese-days@${pkg.version}`;
}

/** The bundled calendar (built once, then shared; calendars are immutable). */
export function bundledCalendar(): WorkCalendar {
  if (!cached) {
    const data = asChineseDaysData(require("chinese-days/dist/chinese-days.json"));
    const source = bundledSource();
    cached = WorkCalendar.fromSchedules(schedulesFromChineseDays(data, BUNDLED_FROM_YEAR, source), source);
  }
  return cached;
}
