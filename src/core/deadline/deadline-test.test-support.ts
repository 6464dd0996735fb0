/**
 * Test support for the deadline engine: the hand-typed 2022–2024 calendar and a helper asserting a
 * refusal's code and rule. Used by the *.test.ts files of src/core/deadline only.
 */
import { expect } from "vitest";
import { noticeCalendar } from "../calendar/official-notices.test-support.ts";
import { computeDeadline } from "./deadline-engine.ts";
import { DeadlineError } from "./deadline-error.ts";
import type { DeadlineOptions, DeadlineResult, RequestEvent } from "./deadline-events.ts";

/** The calendar of the tests: 2022–2024 from the notices, other years unknown. */
export const CALENDAR = noticeCalendar();

/** Computes on the test calendar. */
export function compute(events: readonly RequestEvent[], options?: DeadlineOptions): DeadlineResult {
  return computeDeadline(events, CALENDAR, options);
}

/** Asserts that the events are refused with `code` under `rule` and a Chinese message; returns the message. */
export function refusal(events: readonly RequestEvent[], code: string, rule: string): string {
  try {
    compute(events);
  } catch (e) {
    expect(e).toBeInstanceOf(DeadlineError);
    const error = e as DeadlineError;
    expect([error.code, error.rule]).toEqual([code, rule]);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    return error.message;
  }
  throw new Error(`expected ${code}, but the events were accepted`);
}

/** The received event of the worked example of RULES.md: 2022-09-28, in person. */
export const RECEIVED_0928: RequestEvent = { type: "received", date: "2022-09-28", channel: "in-person" };
