/**
 * The dashboard chart's data: the year's requests by month (1–12) and outcome, one stacked series per
 * outcome in the order of O-1 … O-6.3, open requests (no outcome yet) last as 尚未办结.
 */
import { OUTCOMES } from "../../../src/core/request/outcomes.ts";
import type { MonthOutcomeCount } from "../api/request-types.ts";

/** One stacked series: its name and twelve monthly counts. */
export interface ChartSeries {
  readonly key: string;
  readonly name: string;
  readonly data: readonly number[];
}

/** The month labels, 1月 … 12月. */
export const MONTH_LABELS: readonly string[] = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** The month number (1–12) of 3, "3" or "2024-03"; null when it is none. */
export function monthNumber(month: number | string): number | null {
  const text = String(month);
  const match = /^(?:\d{4}-)?(\d{1,2})$/.exec(text);
  const n = match ? Number(match[1]) : Number.NaN;
  return n >= 1 && n <= 12 ? n : null;
}

const OPEN_KEY = "open";

/** A bar segment as the chart accepts it: the contract's, tolerating months as text and open requests. */
export type ChartRow = Omit<MonthOutcomeCount, "month" | "outcome" | "outcomeName"> & {
  readonly month: MonthOutcomeCount["month"] | string;
  readonly outcome: MonthOutcomeCount["outcome"] | null;
  readonly outcomeName: MonthOutcomeCount["outcomeName"] | null;
};

/** The series of the chart; outcomes without any request are left out. */
export function chartSeries(rows: readonly ChartRow[]): ChartSeries[] {
  const byKey = new Map<string, { name: string; data: number[] }>();
  for (const row of rows) {
    const month = monthNumber(row.month);
    if (month === null || row.count <= 0) continue;
    const key = row.outcome ?? OPEN_KEY;
    const name =
      row.outcome === null
        ? "尚未办结"
        : (row.outcomeName ?? OUTCOMES.find((o) => o.id === key)?.name ?? key);
    const entry = byKey.get(key) ?? { name, data: Array.from({ length: 12 }, () => 0) };
    entry.data[month - 1] = (entry.data[month - 1] ?? 0) + row.count;
    byKey.set(key, entry);
  }
  const order = (key: string): number => {
    const index = OUTCOMES.findIndex((o) => o.id === key);
    return index < 0 ? OUTCOMES.length + (key === OPEN_KEY ? 1 : 0) : index;
  };
  return [...byKey.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([key, entry]) => ({ key, name: entry.name, data: entry.data }));
}
