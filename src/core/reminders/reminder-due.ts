/**
 * Which reminder an open case calls for today: "due_soon" when its reply is due within 3 working days
 * (the worklist's risk of the same name), "overdue" once its due date has passed. Working days are those of
 * the calendar (R-WD-1), counted from the day after today (R-WD-2), so weekends, holidays and working
 * Saturdays (调休) count as the official schedule says.
 */
import { formatDate, parseDate } from "../calendar/calendar-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";

/** The two kinds of reminder (reminders_sent.kind). */
export type ReminderKind = "due_soon" | "overdue";

/** How many working days before the due date a case counts as due soon. */
export const DUE_SOON_WORKDAYS = 3;

/** A reminder a case calls for, with the working days left (0 or negative once overdue). */
export interface ReminderDue {
  readonly kind: ReminderKind;
  /** Working days after today up to the due date; negative: working days since it passed. */
  readonly workdaysLeft: number;
}

/** The reminder an open case due on `dueOn` calls for on `today`, or null when none is due yet. */
export function reminderDue(calendar: WorkCalendar, today: string, dueOn: string): ReminderDue | null {
  const workdaysLeft = calendar.countWorkdays(parseDate(today), parseDate(dueOn));
  if (dueOn < today) return { kind: "overdue", workdaysLeft };
  if (workdaysLeft <= DUE_SOON_WORKDAYS) return { kind: "due_soon", workdaysLeft };
  return null;
}

/** The last due date that is due soon on `today`: every case due on or before it calls for a reminder. */
export function dueSoonHorizon(calendar: WorkCalendar, today: string): string {
  return formatDate(calendar.addWorkdaysToDay(parseDate(today), DUE_SOON_WORKDAYS + 1) - 1);
}
