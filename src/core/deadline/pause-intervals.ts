/**
 * R-33-5: pauses of the reply clock as spans (sent day, end day]; overlapping pauses count once.
 */
import type { WorkCalendar } from "../calendar/work-calendar.ts";

/** A pause: the working days after `from` up to and including `to` are not counted (day numbers). */
export interface PauseSpan {
  readonly from: number;
  readonly to: number;
}

/** Merges spans into disjoint ones (sorted); empty spans are dropped, overlapping or touching ones joined. */
export function mergePauses(spans: readonly PauseSpan[]): PauseSpan[] {
  const sorted = spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from);
  const merged: PauseSpan[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.from <= last.to)
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, s.to) };
    else merged.push(s);
  }
  return merged;
}

// R-33-5 — 中止期间：发函次日至答复日（或 15 个工作日期满日），多个中止期间重叠部分只计一次
/** Working days in the union of the spans, and whether any span reaches a year without schedule. */
export function pausedWorkdays(
  spans: readonly PauseSpan[],
  calendar: WorkCalendar,
): { count: number; provisional: boolean } {
  let count = 0;
  let provisional = false;
  for (const s of mergePauses(spans)) {
    count += calendar.countWorkdays(s.from, s.to);
    provisional ||= calendar.reachesUnknownYear(s.from, s.to);
  }
  return { count, provisional };
}
