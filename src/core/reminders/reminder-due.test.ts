import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumberOf, formatDate } from "../calendar/calendar-date.ts";
import { noticeCalendar } from "../calendar/official-notices.test-support.ts";
import { dueSoonHorizon, reminderDue } from "./reminder-due.ts";

const calendar = noticeCalendar();

describe("reminderDue", () => {
  it("R-WD-2 due soon when the due date is at most 3 working days after today, counting a working Saturday", () => {
    // 2022-09-29, 09-30 and the working Saturday 10-08 (R-WD-1) are the 3 working days after 09-28.
    expect(reminderDue(calendar, "2022-09-28", "2022-10-08")).toEqual({ kind: "due_soon", workdaysLeft: 3 });
    expect(reminderDue(calendar, "2022-09-28", "2022-10-09")).toBeNull();
  });

  it("R-WD-1 the National Day holidays are not counted: due 2022-10-10 is 1 working day after 2022-10-09", () => {
    expect(reminderDue(calendar, "2022-10-09", "2022-10-10")).toEqual({ kind: "due_soon", workdaysLeft: 1 });
    expect(reminderDue(calendar, "2022-09-30", "2022-10-10")).toEqual({ kind: "due_soon", workdaysLeft: 3 });
  });

  it("due today is due soon with 0 working days left", () => {
    expect(reminderDue(calendar, "2022-11-15", "2022-11-15")).toEqual({ kind: "due_soon", workdaysLeft: 0 });
  });

  it("overdue once the due date has passed, with the working days since as a negative count", () => {
    expect(reminderDue(calendar, "2022-10-10", "2022-09-30")).toEqual({ kind: "overdue", workdaysLeft: -3 });
    // The day after, a holiday: overdue although no working day has passed since.
    expect(reminderDue(calendar, "2022-10-01", "2022-09-30")).toEqual({ kind: "overdue", workdaysLeft: 0 });
  });

  it("R-WD-3 a year without schedule counts Monday to Friday", () => {
    // 2031 is not in the calendar: Friday 2031-01-03 to Wednesday 2031-01-08 is 3 weekdays.
    expect(reminderDue(calendar, "2031-01-03", "2031-01-08")).toEqual({ kind: "due_soon", workdaysLeft: 3 });
    expect(reminderDue(calendar, "2031-01-03", "2031-01-09")).toBeNull();
  });
});

describe("dueSoonHorizon", () => {
  it("R-WD-1 the last due date still due soon skips the holidays and ends before the 4th working day", () => {
    expect(dueSoonHorizon(calendar, "2022-09-28")).toBe("2022-10-08");
    // From Thursday 2022-11-17: Fri, Mon, Tue are the 3 working days; Wednesday 11-23 is the 4th.
    expect(dueSoonHorizon(calendar, "2022-11-17")).toBe("2022-11-22");
  });

  it("a case calls for a reminder exactly when its due date is on or before the horizon", () => {
    const first = dayNumberOf(2022, 1, 1);
    const last = dayNumberOf(2024, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: -40, max: 40 }), (t, offset) => {
        const today = formatDate(t);
        const due = formatDate(t + offset);
        const horizon = dueSoonHorizon(calendar, today);
        expect(reminderDue(calendar, today, due) !== null).toBe(due <= horizon);
      }),
    );
  });
});
