/**
 * Recognising the six section headings of the annual report (format 国办公开办函〔2021〕30号, rule C-11),
 * including the variants seen in published reports (typos, 整改措施 for 改进情况, missing 政府信息公开).
 */

/** Patterns for the title of each section, index 0 = 一、总体情况 … 5 = 六、其他需要报告的事项. */
export const SECTION_TITLE_PATTERNS: readonly RegExp[] = [
  /^总体情况/,
  /^主动公开政府信息(?:的)?情况/,
  /^收到和处理政府信息公开申请(?:的)?情况/,
  /^(?:政府信息公开)?行政法?复议[、和及与]?行政诉讼(?:的)?情况/,
  /^(?:存在的)?(?:主要)?问题(?:及|和|与)?(?:其)?(?:改进|整改)(?:情况|措施)?/,
  /^其他需要报告的事项/,
];

/** Index (0–5) of the section a heading title belongs to, or -1 when it is none of the six. */
export function sectionIndexOfTitle(title: string): number {
  const compact = title.replace(/\s+/g, "");
  return SECTION_TITLE_PATTERNS.findIndex((re) => re.test(compact));
}

/** The Chinese numerals 一 … 六 used to number the sections. */
export const SECTION_NUMERALS: readonly string[] = ["一", "二", "三", "四", "五", "六"];
