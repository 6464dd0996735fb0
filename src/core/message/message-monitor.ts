/**
 * Watching the message board: W-7 (国办秘函〔2019〕19号 单项否决: a valid 政务咨询 message left unanswered for more
 * than 3 months within the past year), its early warning, and the agency's own reply time limit [P].
 */
import { addMonths, parseDate } from "../calendar/calendar-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";

/** What the monitor needs of a message. */
export interface WatchedMessage {
  readonly id: number;
  readonly kind: "consultation" | "suggestion";
  readonly status: "pending" | "replied" | "rejected";
  readonly receivedOn: string;
  readonly repliedOn: string | null;
}

/** The W-7 verdict for one day. */
export interface UnansweredVerdict {
  /** "breach" when a message exceeded 3 months, "warning" when one passed 2 months unanswered, else "ok". */
  readonly level: "ok" | "warning" | "breach";
  /** Messages unanswered for more than 3 months (or answered after more than 3 months) in the past year. */
  readonly breaches: readonly number[];
  /** Messages still unanswered after 2 months but not yet 3 (the early warning). */
  readonly warnings: readonly number[];
}

/**
 * W-7 on `today`. Only valid consultations count (rejected messages and suggestions do not; 信访 and 纪检举报
 * are not on this board). "Within the past year" [P]: received on or after the same day one year earlier.
 * A message answered after its 3 months also counts, since it was unanswered for more than 3 months [P].
 */
export function unansweredMessages(messages: readonly WatchedMessage[], today: string): UnansweredVerdict {
  const now = parseDate(today);
  const yearAgo = parseDate(addMonths(today, -12));
  const breaches: number[] = [];
  const warnings: number[] = [];
  for (const m of messages) {
    if (m.kind !== "consultation" || m.status === "rejected") continue;
    const received = parseDate(m.receivedOn);
    if (received < yearAgo || received > now) continue;
    const limit = parseDate(addMonths(m.receivedOn, 3));
    const answered = m.repliedOn === null ? null : parseDate(m.repliedOn);
    if (answered === null ? now > limit : answered > limit) breaches.push(m.id);
    else if (answered === null && now > parseDate(addMonths(m.receivedOn, 2))) warnings.push(m.id);
  }
  const level = breaches.length > 0 ? "breach" : warnings.length > 0 ? "warning" : "ok";
  return { level, breaches, warnings };
}

/** The default reply time limit of the board, in working days [P]: set per agency in the settings. */
export const DEFAULT_REPLY_WORKDAYS = 10;

/** The day a message's reply is due under the agency's time limit [P] (working days after receipt, R-WD-2). */
export function replyDueOn(receivedOn: string, workdays: number, calendar: WorkCalendar): string {
  return calendar.addWorkdays(receivedOn, workdays).date;
}
