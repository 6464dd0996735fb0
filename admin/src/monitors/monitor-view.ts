/**
 * The pure logic of the 监测预警 page: the tag of each level, the back-office link of a verdict's record, and
 * the history grid (rows = rules, columns = days, a cell per stored verdict).
 */
import type { MonitorLevel, MonitorRecordKind, StoredVerdict } from "./monitor-types.ts";

/** The label and colour of each level (always shown with its text, never by colour alone). */
export const LEVEL_TAGS: Readonly<Record<MonitorLevel, { label: string; short: string; color: string }>> = {
  // Solid tags in dark shades, so the white label keeps a contrast of at least 4.5:1 (WCAG AA).
  ok: { label: "正常", short: "正", color: "#237804" },
  warning: { label: "预警", short: "预", color: "#ad4e00" },
  breach: { label: "单项否决", short: "否", color: "#a8071a" },
};

/** A record named by a verdict, as a link (path inside /admin) or as plain text when no page shows it alone. */
export interface RecordLink {
  readonly label: string;
  readonly path: string;
}

/** The link of one item of a verdict of the agency. */
export function recordLink(kind: MonitorRecordKind, item: number | string, agencyId: number): RecordLink {
  switch (kind) {
    case "publication":
      return { label: `信息 #${item}`, path: `/publications/${item}` };
    case "message":
      return { label: `留言 #${item}`, path: `/messages/${item}` };
    case "decision":
      return {
        label: `决定 #${item}`,
        path: `/registries?agencyId=${agencyId}&tab=decisions&decisionId=${item}`,
      };
    case "column":
      return { label: `栏目 #${item}`, path: "/columns" };
    case "channel":
      return { label: `账号 #${item}`, path: "/channels" };
    case "contactField":
      return { label: String(item), path: "/agencies" };
  }
}

/** The days from `from` to `to`, inclusive, oldest first ("YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && out.length < 400; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** One row of the history grid: a rule and its verdict of each day (null: nothing stored that day). */
export interface HistoryRow {
  readonly rule: string;
  readonly cells: readonly (StoredVerdict | null)[];
}

/** The history grid of the rules over the days from `from` to `to`. */
export function historyGrid(
  stored: readonly StoredVerdict[],
  rules: readonly string[],
  from: string,
  to: string,
): { days: string[]; rows: HistoryRow[] } {
  const days = daysBetween(from, to);
  const byKey = new Map(stored.map((v) => [`${v.rule}|${v.day}`, v]));
  return {
    days,
    rows: rules.map((rule) => ({ rule, cells: days.map((day) => byKey.get(`${rule}|${day}`) ?? null) })),
  };
}

/** How many of a row's stored days were breaches and warnings. */
export function rowCounts(row: HistoryRow): { breach: number; warning: number; stored: number } {
  const cells = row.cells.filter((c) => c !== null);
  return {
    breach: cells.filter((c) => c.level === "breach").length,
    warning: cells.filter((c) => c.level === "warning").length,
    stored: cells.length,
  };
}
