/**
 * Due-date risk for lists (computed against today's date in Asia/Shanghai, passed in): overdue, due within
 * 3 working days, or fine; null once closed. `workdaysLeft` counts working days to the due date, negative
 * when overdue.
 */
import { parseDate } from "../core/calendar/calendar-date.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";

/** Working days within which a case is "due soon". */
export const DUE_SOON_WORKDAYS = 3;

/** A case's risk. */
export interface Risk {
  readonly risk: "overdue" | "due_soon" | "ok" | null;
  readonly workdaysLeft: number | null;
}

/** The risk of a case with this status and due date, today. */
export function riskOf(status: string, dueOn: string | null, today: string, calendar: WorkCalendar): Risk {
  if (status === "closed") return { risk: null, workdaysLeft: null };
  if (dueOn === null) return { risk: "ok", workdaysLeft: null };
  const t = parseDate(today);
  const d = parseDate(dueOn);
  if (d < t) return { risk: "overdue", workdaysLeft: -calendar.countWorkdays(d, t) };
  const left = calendar.countWorkdays(t, d);
  return { risk: left <= DUE_SOON_WORKDAYS ? "due_soon" : "ok", workdaysLeft: left };
}

/** The last date that is still "due soon" from today (the 3rd working day after today). */
export function dueSoonUntil(today: string, calendar: WorkCalendar): string {
  return calendar.addWorkdays(today, DUE_SOON_WORKDAYS).date;
}
