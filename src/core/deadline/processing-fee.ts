/**
 * The information processing fee (信息处理费, 国办函〔2020〕109号; R-42-1, R-FEE-1, R-FEE-2): progressive
 * bands, each priced separately; one request is charged by one method only. Amounts in whole yuan.
 */
import { DeadlineError } from "./deadline-error.ts";

/** One priced band of a fee: items or pages `from`…`to`, `count` of them at `rate` yuan each. */
export interface FeeBand {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly rate: number;
  readonly amount: number;
}

/** A computed fee with its bands (for the fee notice: basis, standard, amount). */
export interface FeeResult {
  readonly rule: "R-FEE-1" | "R-FEE-2";
  readonly yuan: number;
  readonly bands: readonly FeeBand[];
}

/** How one request is charged: by item (per applicant per calendar month) or by volume — never both. */
export type FeeBasis =
  | { readonly method: "item"; readonly itemsBefore: number; readonly items: number }
  | { readonly method: "volume"; readonly pages: number };

/** Refuses counts that are not non-negative integers. */
function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new DeadlineError("INVALID_COUNT", "R-42-1", `${what}应为不小于 0 的整数：${String(n)}`);
  }
}

// R-FEE-1 — 按件计收：同一申请人一个自然月内 1–10 件免费，11–30 件每件 100 元，31 件起每 10 件为一档，每档每件加收 100 元
/** R-FEE-1: the price of the nth item of an applicant in a calendar month. */
export function itemRate(n: number): number {
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 100 * (2 + Math.floor((n - 31) / 10));
}

/** The priced bands of items (first … last) under R-FEE-1. */
function itemBands(first: number, last: number): FeeBand[] {
  const bands: FeeBand[] = [];
  let from = first;
  while (from <= last) {
    const bandEnd = from <= 10 ? 10 : from <= 30 ? 30 : 30 + 10 * Math.ceil((from - 30) / 10);
    const to = Math.min(bandEnd, last);
    const rate = itemRate(from);
    bands.push({ from, to, count: to - from + 1, rate, amount: rate * (to - from + 1) });
    from = to + 1;
  }
  return bands;
}

/** R-FEE-1: the total fee in yuan of `countInMonth` items of one applicant in one calendar month. */
export function feePerItem(countInMonth: number): number {
  checkCount(countInMonth, "件数");
  return itemBands(1, countInMonth).reduce((sum, b) => sum + b.amount, 0);
}

// R-FEE-2 — 按量计收：1–30 页免费，31–100 页每页 10 元，101–200 页每页 20 元，201 页起每页 40 元
const VOLUME_BANDS: readonly { readonly from: number; readonly to: number; readonly rate: number }[] = [
  { from: 1, to: 30, rate: 0 },
  { from: 31, to: 100, rate: 10 },
  { from: 101, to: 200, rate: 20 },
  { from: 201, to: Number.POSITIVE_INFINITY, rate: 40 },
];

/** The priced bands of `pages` pages under R-FEE-2. */
function volumeBands(pages: number): FeeBand[] {
  return VOLUME_BANDS.filter((b) => b.from <= pages).map((b) => {
    const to = Math.min(b.to, pages);
    return { from: b.from, to, count: to - b.from + 1, rate: b.rate, amount: b.rate * (to - b.from + 1) };
  });
}

/** R-FEE-2: the total fee in yuan of one request of `pages` pages (paper, e-mail or copied electronic data). */
export function feePerVolume(pages: number): number {
  checkCount(pages, "页数");
  return volumeBands(pages).reduce((sum, b) => sum + b.amount, 0);
}

/** The fee of one request by its one method: per item (the items it adds to the month) or per volume. */
export function requestFee(basis: FeeBasis): FeeResult {
  if (basis.method === "item") {
    checkCount(basis.itemsBefore, "本月此前件数");
    checkCount(basis.items, "件数");
    const bands = itemBands(basis.itemsBefore + 1, basis.itemsBefore + basis.items).filter((b) => b.rate > 0);
    return { rule: "R-FEE-1", yuan: bands.reduce((s, b) => s + b.amount, 0), bands };
  }
  checkCount(basis.pages, "页数");
  const bands = volumeBands(basis.pages).filter((b) => b.rate > 0);
  return { rule: "R-FEE-2", yuan: bands.reduce((s, b) => s + b.amount, 0), bands };
}
