/**
 * Test support: the State Council holiday notices for 2022, 2023 and 2024 typed in by hand from the
 * notices (国务院办公厅关于2022/2023/2024年部分节假日安排的通知), independent of the bundled package data.
 */
import { dayNumberOf, formatDate } from "./calendar-date.ts";
import { WorkCalendar } from "./work-calendar.ts";
import type { YearSchedule } from "./year-schedule.ts";

/** The dates from `first` to `last` inclusive ("MM-DD" within `year`). */
function span(year: number, first: string, last = first): string[] {
  const day = (md: string) => dayNumberOf(year, Number(md.slice(0, 2)), Number(md.slice(3, 5)));
  const out: string[] = [];
  for (let d = day(first); d <= day(last); d++) out.push(formatDate(d));
  return out;
}

/** 2022, 2023 and 2024 as published: holidays and 调休上班 weekend days. */
export const NOTICES_2022_TO_2024: readonly YearSchedule[] = [
  {
    year: 2022,
    holidays: [
      ...span(2022, "01-01", "01-03"),
      ...span(2022, "01-31", "02-06"),
      ...span(2022, "04-03", "04-05"),
      ...span(2022, "04-30", "05-04"),
      ...span(2022, "06-03", "06-05"),
      ...span(2022, "09-10", "09-12"),
      ...span(2022, "10-01", "10-07"),
      ...span(2022, "12-31"),
    ],
    workdays: [
      "2022-01-29",
      "2022-01-30",
      "2022-04-02",
      "2022-04-24",
      "2022-05-07",
      "2022-10-08",
      "2022-10-09",
    ],
    source: "notice",
  },
  {
    year: 2023,
    holidays: [
      ...span(2023, "01-01", "01-02"),
      ...span(2023, "01-21", "01-27"),
      ...span(2023, "04-05"),
      ...span(2023, "04-29", "05-03"),
      ...span(2023, "06-22", "06-24"),
      ...span(2023, "09-29", "10-06"),
    ],
    workdays: [
      "2023-01-28",
      "2023-01-29",
      "2023-04-23",
      "2023-05-06",
      "2023-06-25",
      "2023-10-07",
      "2023-10-08",
    ],
    source: "notice",
  },
  {
    year: 2024,
    holidays: [
      ...span(2024, "01-01"),
      ...span(2024, "02-10", "02-17"),
      ...span(2024, "04-04", "04-06"),
      ...span(2024, "05-01", "05-05"),
      ...span(2024, "06-10"),
      ...span(2024, "09-15", "09-17"),
      ...span(2024, "10-01", "10-07"),
    ],
    workdays: [
      "2024-02-04",
      "2024-02-18",
      "2024-04-07",
      "2024-04-28",
      "2024-05-11",
      "2024-09-14",
      "2024-09-29",
      "2024-10-12",
    ],
    source: "notice",
  },
];

/** A calendar of the three hand-typed years only (2021 and 2025 are unknown: provisional). */
export function noticeCalendar(): WorkCalendar {
  return WorkCalendar.fromSchedules(NOTICES_2022_TO_2024, "notice");
}
