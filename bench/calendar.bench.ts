/**
 * Working-day arithmetic: addWorkdays (prefix counts + working-day index, O(1)) against a day-by-day loop over the
 * same calendar, at 20-working-day spans (and 250 for scale) from start dates spread over 2019–2026. Goal: ≥ 100× the loop.
 */
import { bundledCalendar } from "../src/calendar/bundled-calendar.ts";
import { parseDate } from "../src/core/calendar/calendar-date.ts";
import type { WorkCalendar } from "../src/core/calendar/work-calendar.ts";
import type { BenchResult } from "./bench-support.ts";

/** The spans measured: the reply period, and a year for scale. */
const SPANS = [20, 250] as const;

/** Reference: the Nth working day after `start`, one day at a time. */
function addWorkdaysByLoop(calendar: WorkCalendar, start: number, n: number): number {
  let day = start;
  for (let left = n; left > 0; ) {
    day++;
    if (calendar.isWorkdayNumber(day)) left--;
  }
  return day;
}

/** Operations per second of `op` over the start days, repeated until ~0.3 s have passed. */
function opsPerSecond(starts: Int32Array, op: (start: number) => number): { rate: number; check: number } {
  let check = 0;
  for (const s of starts) check += op(s); // warm-up
  let ops = 0;
  const t0 = process.hrtime.bigint();
  let seconds = 0;
  while (seconds < 0.3) {
    for (const s of starts) check += op(s);
    ops += starts.length;
    seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  return { rate: ops / seconds, check };
}

/** Runs the calendar benchmark: addWorkdays vs the day-by-day loop. */
export async function benchCalendar(): Promise<BenchResult[]> {
  const calendar = bundledCalendar();
  const first = parseDate("2019-01-01");
  const last = parseDate("2026-12-31");
  const starts = new Int32Array(4096);
  for (let i = 0; i < starts.length; i++) starts[i] = first + ((i * 7919) % (last - first + 1));
  const lines: string[] = [];
  for (const span of SPANS) {
    for (const s of starts) {
      if (calendar.addWorkdaysToDay(s, span) !== addWorkdaysByLoop(calendar, s, span)) {
        throw new Error(`addWorkdays disagrees with the loop at day ${s}, span ${span}`);
      }
    }
    const fast = opsPerSecond(starts, (s) => calendar.addWorkdaysToDay(s, span));
    const loop = opsPerSecond(starts, (s) => addWorkdaysByLoop(calendar, s, span));
    const goal = span === 20 ? " (goal ≥ 100×)" : "";
    lines.push(
      `${span}-working-day spans: addWorkdays ${(fast.rate / 1e6).toFixed(2)} M ops/s, day-by-day loop ${(loop.rate / 1e6).toFixed(2)} M ops/s, ratio ${(fast.rate / loop.rate).toFixed(1)}×${goal}`,
    );
  }
  const strings = opsPerSecond(starts.subarray(0, 512), (s) => {
    return calendar.addWorkdays("2022-09-28", (s % 60) + 1).date.length;
  });
  lines.push(
    `addWorkdays on "YYYY-MM-DD" strings (parse + format): ${(strings.rate / 1e6).toFixed(2)} M ops/s`,
  );
  return [{ name: `calendar addWorkdays vs day-by-day loop (${calendar.version})`, lines }];
}
