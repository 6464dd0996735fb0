/**
 * The rules of the catalog (公开目录): index numbers (索引号), validity (有效性), the 条例第二十条 item an item
 * falls under, R-26-1's 20-working-day publication limit, and the expected cadence of periodic columns.
 */

import { PROACTIVE_CATEGORIES } from "../agency/proactive-categories.ts";
import { parseDate } from "../calendar/calendar-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";

/** 有效性 of a catalog item. */
export const VALIDITIES = ["有效", "失效", "废止", "修订"] as const;

/** One 有效性 value. */
export type Validity = (typeof VALIDITIES)[number];

/** Whether a string is a 有效性 value. */
export function isValidity(value: string): value is Validity {
  return (VALIDITIES as readonly string[]).includes(value);
}

/** The 条例第二十条 item numbers "（一）" … "（十五）". */
export const CATEGORY_ITEMS: readonly string[] = PROACTIVE_CATEGORIES.map((c) => c.item);

/** Whether a string names an item of 条例第二十条. */
export function isCategoryItem(value: string): boolean {
  return CATEGORY_ITEMS.includes(value);
}

/** The 1-based position of an item of 条例第二十条 ("（三）" → 3), or undefined. */
export function categoryNumber(item: string): number | undefined {
  const index = CATEGORY_ITEMS.indexOf(item);
  return index < 0 ? undefined : index + 1;
}

/**
 * The 索引号 of the `serial`th item an agency published in `year`: `{credit code}/{YYYY}-{NNNNN}`
 * (gov-web-norms §3; the serial restarts each year). Serials beyond 99999 keep all their digits.
 */
export function formatIndexNumber(creditCode: string, year: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`serial ${serial}`);
  return `${creditCode}/${year}-${String(serial).padStart(5, "0")}`;
}

/** The parts of an index number, or undefined when it is not one. */
export function parseIndexNumber(
  text: string,
): { creditCode: string; year: number; serial: number } | undefined {
  const m = /^([0-9A-HJ-NPQRTUWXY]{18})\/(\d{4})-(\d{5,})$/.exec(text);
  if (!m) return undefined;
  return { creditCode: m[1] as string, year: Number(m[2]), serial: Number(m[3]) };
}

/** R-26-1: the limit, in working days after the information was formed or changed. */
export const R26_LIMIT_WORKDAYS = 20;

/** R-26-1: from this many working days on, an unpublished item is flagged as nearing the limit. */
export const R26_WARNING_WORKDAYS = 15;

/** R-26-1 flags: ok; near (≥ 15 working days, unpublished); overdue (past the limit, unpublished); late (published after it). */
export const R26_FLAGS = ["ok", "near", "overdue", "late"] as const;

/** An R-26-1 flag. */
export type R26Flag = (typeof R26_FLAGS)[number];

/** Where an item stands against R-26-1. */
export interface R26Status {
  /** The last day on which publishing keeps the limit. */
  readonly dueOn: string;
  /** Working days from formation to publication (or to today while unpublished). */
  readonly elapsedWorkdays: number;
  /** See R26_FLAGS. */
  readonly flag: R26Flag;
  /** The span reaches a year whose working-day schedule is not known (R-WD-3). */
  readonly provisional: boolean;
}

/**
 * R-26-1 (条例第二十六条): information within the proactive scope is published within 20 working days of
 * being formed or changed. Counts working days after `formedOn` up to the publication day (or `today`).
 */
export function r26Status(
  calendar: WorkCalendar,
  formedOn: string,
  publishedOn: string | null,
  today: string,
): R26Status {
  const due = calendar.addWorkdays(formedOn, R26_LIMIT_WORKDAYS);
  const end = publishedOn ?? today;
  const elapsed = parseDate(end) <= parseDate(formedOn) ? 0 : calendar.workdaysBetween(formedOn, end).count;
  const provisional = due.provisional || calendar.workdaysBetween(formedOn, end).provisional;
  let flag: R26Status["flag"];
  if (publishedOn !== null) flag = elapsed > R26_LIMIT_WORKDAYS ? "late" : "ok";
  else if (elapsed > R26_LIMIT_WORKDAYS) flag = "overdue";
  else flag = elapsed >= R26_WARNING_WORKDAYS ? "near" : "ok";
  return { dueOn: due.date, elapsedWorkdays: elapsed, flag, provisional };
}

/** The kinds of the four first-level columns (国办公开办函〔2019〕61号): 指南, 制度, 法定主动公开内容, 年报. */
export const ROOT_COLUMN_KINDS = ["guide", "rules", "proactive", "annual_reports"] as const;

/** The kind of a first-level column. */
export type RootColumnKind = (typeof ROOT_COLUMN_KINDS)[number];

/** The cadences of periodic columns (e.g. 周警情播报 weekly). */
export const CADENCES = ["weekly", "monthly", "quarterly", "yearly"] as const;

/** A cadence. */
export type Cadence = (typeof CADENCES)[number];

/** The Chinese name of each cadence and the longest gap, in days, between two issues it allows. */
export const CADENCE_SPECS: Readonly<Record<Cadence, { name: string; maxGapDays: number; perYear: number }>> =
  {
    weekly: { name: "每周", maxGapDays: 7, perYear: 52 },
    monthly: { name: "每月", maxGapDays: 31, perYear: 12 },
    quarterly: { name: "每季度", maxGapDays: 92, perYear: 4 },
    yearly: { name: "每年", maxGapDays: 366, perYear: 1 },
  };

/** Whether a string is a cadence. */
export function isCadence(value: string): value is Cadence {
  return (CADENCES as readonly string[]).includes(value);
}

/**
 * A periodic column's issue is overdue when more days than its cadence allows have passed since the last
 * issue (or since the column was opened, before any issue).
 */
export function cadenceOverdue(cadence: Cadence, lastIssueOn: string, today: string): boolean {
  return parseDate(today) - parseDate(lastIssueOn) > CADENCE_SPECS[cadence].maxGapDays;
}
