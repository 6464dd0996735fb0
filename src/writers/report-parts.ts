/**
 * The parts every writer lays out the same way: the title line and the six sections (C-11) with their
 * prose split into paragraphs.
 */
import type { AnnualReport, Count } from "../core/report/report-model.ts";
import { SECTION_TITLES } from "../core/report/report-model.ts";

/** One of the six sections as the writers print it. */
export interface SectionContent {
  /** The numeral, "一" … "六". */
  readonly no: string;
  /** The standard heading, "一、总体情况". */
  readonly heading: string;
  /** The prose paragraphs, trimmed, without empty lines. */
  readonly paragraphs: readonly string[];
}

/** The numerals of the sections that carry a table (二 table 二, 三 table 三, 四 table 四). */
export const TABLE_SECTION_NOS: readonly string[] = ["二", "三", "四"];

/** The title line "{agency}{year}年政府信息公开工作年度报告", leaving out the parts that are unknown. */
export function reportTitle(report: AnnualReport): string {
  const agency = report.agency?.trim() ?? "";
  const year = report.year === null ? "" : `${report.year}年`;
  return `${agency}${year}政府信息公开工作年度报告`;
}

/** Splits prose into paragraphs on line breaks, trimming each (also the ideographic space) and dropping blanks. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The six sections in the order of the format, with standard headings (C-11). A section of the model is
 * matched by its numeral; one whose numeral is not among the six is matched by its position.
 */
export function reportSections(report: AnnualReport): SectionContent[] {
  const numerals = new Set(SECTION_TITLES.map((s) => s.no));
  return SECTION_TITLES.map(({ no, title }, index) => {
    const byNumeral = report.sections.find((s) => s.no === no);
    const byPosition = report.sections[index];
    const section = byNumeral ?? (byPosition && !numerals.has(byPosition.no) ? byPosition : undefined);
    return { no, heading: `${no}、${title}`, paragraphs: section ? splitParagraphs(section.text) : [] };
  });
}

/** A count as a cell's text: a plain integer, or "" when unknown. */
export function countText(value: Count): string {
  return value === null ? "" : String(value);
}
