import { describe, expect, it } from "vitest";
import { addMonths } from "../calendar/calendar-date.ts";
import { noticeCalendar } from "../calendar/official-notices.test-support.ts";
import { replyDueOn, unansweredMessages, type WatchedMessage } from "./message-monitor.ts";

const msg = (id: number, receivedOn: string, repliedOn: string | null, over: Partial<WatchedMessage> = {}) =>
  ({
    id,
    kind: "consultation",
    status: repliedOn ? "replied" : "pending",
    receivedOn,
    repliedOn,
    ...over,
  }) as const;

describe("message monitor", () => {
  it("adds calendar months, clamping to the month's last day", () => {
    expect(addMonths("2022-01-31", 1)).toBe("2022-02-28");
    expect(addMonths("2024-11-30", 3)).toBe("2025-02-28");
    expect(addMonths("2022-03-15", -12)).toBe("2021-03-15");
    expect(addMonths("2023-10-31", 4)).toBe("2024-02-29");
  });

  it("W-7 a consultation unanswered for more than 3 months within the past year is a breach", () => {
    const verdict = unansweredMessages([msg(1, "2022-01-10", null)], "2022-04-11");
    expect(verdict).toEqual({ level: "breach", breaches: [1], warnings: [] });
    // On the day the 3 months end it is not yet more than 3 months: a warning (past 2 months).
    expect(unansweredMessages([msg(1, "2022-01-10", null)], "2022-04-10").level).toBe("warning");
  });

  it("W-7 early warning after 2 months unanswered, nothing before", () => {
    expect(unansweredMessages([msg(2, "2022-01-10", null)], "2022-03-11").warnings).toEqual([2]);
    expect(unansweredMessages([msg(2, "2022-01-10", null)], "2022-03-10").level).toBe("ok");
  });

  it("W-7 a reply after more than 3 months still counts within the year; on time does not", () => {
    expect(unansweredMessages([msg(3, "2022-01-10", "2022-05-01")], "2022-06-01").breaches).toEqual([3]);
    expect(unansweredMessages([msg(4, "2022-01-10", "2022-04-10")], "2022-06-01").level).toBe("ok");
  });

  it("W-7 counts only valid consultations received within the past year", () => {
    const messages = [
      msg(5, "2021-01-10", null),
      msg(6, "2022-01-10", null, { kind: "suggestion" }),
      msg(7, "2022-01-10", null, { status: "rejected" }),
    ];
    expect(unansweredMessages(messages, "2022-06-01").level).toBe("ok");
  });

  it("the board's own reply limit counts working days after receipt (R-WD-2), skipping the National Day week", () => {
    // Received Wed 2022-09-28: Thu 29, Fri 30, then holidays to 10-07; 10-08 and 10-09 are working days.
    expect(replyDueOn("2022-09-28", 4, noticeCalendar())).toBe("2022-10-09");
  });
});
