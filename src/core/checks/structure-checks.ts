/**
 * The six section headings of the annual report (国办公开办函〔2021〕30号, 条例第五十条): all present, in
 * order, each with its numeral (C-11). report.sections holds the headings as found, in document order.
 */
import type { AnnualReport, Finding } from "../report/report-model.ts";
import { SECTION_TITLES } from "../report/report-model.ts";
import { SECTION_NUMERALS, sectionIndexOfTitle } from "../report/section-titles.ts";
import type { CheckContext } from "./check-context.ts";
import { makeFinding } from "./finding-support.ts";

/** "第三部分「收到和处理政府信息公开申请情况」" for the canonical section index. */
export function describeSection(index: number): string {
  return `第${SECTION_NUMERALS[index] ?? index + 1}部分「${SECTION_TITLES[index]?.title ?? ""}」`;
}

/** Positions (into `values`) of one longest strictly increasing subsequence, earliest-ending first. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const length: number[] = [];
  const before: number[] = [];
  values.forEach((v, i) => {
    length[i] = 1;
    before[i] = -1;
    for (let j = 0; j < i; j++) {
      const lj = length[j] ?? 1;
      if ((values[j] ?? 0) < v && lj + 1 > (length[i] ?? 1)) {
        length[i] = lj + 1;
        before[i] = j;
      }
    }
  });
  let end = -1;
  length.forEach((l, i) => {
    if (end === -1 || l > (length[end] ?? 0)) end = i;
  });
  const kept = new Set<number>();
  for (let i = end; i !== -1; i = before[i] ?? -1) kept.add(i);
  return kept;
}

// C-11 — 国办公开办函〔2021〕30号: 一、总体情况 … 六、其他需要报告的事项, in this order
/** C-11: each of the six headings present (once), in order, with the right numeral. */
export function checkSectionHeadings(report: AnnualReport, context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const found = report.sections
    .map((s) => ({ section: s, index: sectionIndexOfTitle(s.title) }))
    .filter((f) => f.index >= 0);
  const seen = new Set<number>();
  const firsts: typeof found = [];
  for (const f of found) {
    if (seen.has(f.index)) {
      findings.push(
        makeFinding(
          "C-11",
          "error",
          `${describeSection(f.index)}（重复）`,
          [],
          context,
          null,
          `${f.section.no}${f.section.no ? "、" : ""}${f.section.title}`,
          `${describeSection(f.index)}的标题重复出现：「${f.section.no}${f.section.no ? "、" : ""}${f.section.title}」`,
        ),
      );
      continue;
    }
    seen.add(f.index);
    firsts.push(f);
  }
  for (let i = 0; i < SECTION_TITLES.length; i++) {
    if (seen.has(i)) continue;
    findings.push(
      makeFinding(
        "C-11",
        "error",
        describeSection(i),
        [],
        context,
        `${SECTION_NUMERALS[i]}、${SECTION_TITLES[i]?.title}`,
        null,
        `缺少${describeSection(i)}的标题「${SECTION_NUMERALS[i]}、${SECTION_TITLES[i]?.title}」`,
      ),
    );
  }
  const inOrder = longestIncreasing(firsts.map((f) => f.index));
  firsts.forEach((f, position) => {
    if (inOrder.has(position)) return;
    const after = firsts[position - 1];
    findings.push(
      makeFinding(
        "C-11",
        "error",
        describeSection(f.index),
        [],
        context,
        `位于第${SECTION_NUMERALS[f.index]}部分的位置`,
        after ? `位于${describeSection(after.index)}之后` : "位于报告开头",
        `${describeSection(f.index)}顺序错误：${after ? `排在${describeSection(after.index)}之后` : "排在报告最前"}，应按一至六的顺序排列`,
      ),
    );
  });
  for (const { section, index } of firsts) {
    const expected = SECTION_NUMERALS[index] ?? "";
    if (section.no === expected) continue;
    findings.push(
      makeFinding(
        "C-11",
        "error",
        describeSection(index),
        [],
        context,
        expected,
        section.no,
        section.no
          ? `「${section.title}」的序号应为「${expected}」，实为「${section.no}」`
          : `「${section.title}」缺少序号，应为「${expected}」`,
      ),
    );
  }
  return findings;
}
