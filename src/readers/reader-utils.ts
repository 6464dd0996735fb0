/**
 * Small helpers shared by the format readers: whitespace, dates stated in a document, problem findings.
 */
import type { Finding } from "../core/report/report-model.ts";

const WHITESPACE = /[\s\u200b-\u200d]+/g;
// The colon takes the spaces before it inside its optional group: two free whitespace runs around an optional
// atom were quadratic on a long run of spaces.
const VISIBLE_PUBLISHED =
  /(?:发布|公开)(?:时间|日期)(?:\s*[:：])?\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;
const DATE_LABEL = /^(?:发布|公开)(?:时间|日期)\s*[:：]?$/;
const DATE = /(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})/;

/** Collapses every run of whitespace (including &nbsp; and the ideographic space) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE, " ").trim();
}

/** YYYY-MM-DD from year, month and day strings, or undefined when they are not a real calendar date. */
function isoDate(y: string, m: string, d: string): string | undefined {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/** Reads a date written as "2024-01-12", "2024/1/12", "2024年1月12日" or "20240112" (a meta value). */
export function normalizeDate(value: string): string | undefined {
  const m = DATE.exec(value) ?? COMPACT_DATE.exec(value.trim());
  return m?.[1] && m[2] && m[3] ? isoDate(m[1], m[2], m[3]) : undefined;
}

/** The date after a visible "发布时间：", "发布日期：" or "公开日期：" in a line of text, as YYYY-MM-DD. */
export function findPublishedOn(text: string): string | undefined {
  const m = VISIBLE_PUBLISHED.exec(text);
  return m?.[1] && m[2] && m[3] ? isoDate(m[1], m[2], m[3]) : undefined;
}

/** The publication date stated in a row of cells: "发布日期：…" in one cell, or "公开日期" | "2024-01-17". */
export function findPublishedOnInCells(texts: readonly string[]): string | undefined {
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    if (!text.includes("日期") && !text.includes("时间")) continue;
    const next = texts[i + 1];
    const found = DATE_LABEL.test(text) && next ? normalizeDate(next) : findPublishedOn(text);
    if (found) return found;
  }
  return undefined;
}

/** The finding added when decoding the bytes replaced characters it could not read. */
export function lossyDecodingFinding(encoding: string, count: number): Finding {
  return {
    rule: "C-6",
    severity: "warning",
    where: "全文",
    expected: null,
    actual: count,
    message: `文件中有 ${count} 处字符无法按 ${encoding} 编码识别（可能混用了多种编码），已替换为“�”，相关内容可能读错`,
  };
}
