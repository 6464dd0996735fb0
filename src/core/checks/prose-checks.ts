/**
 * The prose against the tables (C-9: numbers stated in the text equal the tables) and the statement of
 * the 信息处理费 in section 六 (C-10).
 */
import type { AnnualReport, Finding } from "../report/report-model.ts";
import { SECTION_TITLES } from "../report/report-model.ts";
import { sectionIndexOfTitle } from "../report/section-titles.ts";
import type { CheckContext } from "./check-context.ts";
import { makeFinding } from "./finding-support.ts";
import { CLAIM_PATTERNS, type SentenceState } from "./prose-claims.ts";
import { type ProseSentence, proseSentences, quoteSentence } from "./prose-text.ts";

/** Words that make a sentence a comparison or a cumulative figure: its numbers are not this year's counts. */
const NOT_THIS_YEAR =
  /同比|环比|相比|较上年|比上年|较去年|比去年|上年同期|增长|下降|增加|减少|上升|累计|历年|以来/;

/** True when the sentence's numbers may be compared with this year's tables. */
function aboutThisYear(sentence: ProseSentence, year: number | null): boolean {
  if (NOT_THIS_YEAR.test(sentence.compact)) return false;
  if (year === null) return true;
  for (const m of sentence.compact.matchAll(/(?<!\d)(\d{4})年/g)) {
    if (Number(m[1]) !== year) return false;
  }
  return true;
}

/** "「三、收到和处理政府信息公开申请情况」" for the section a sentence is in. */
function sectionName(sentence: ProseSentence): string {
  const { no, title } = sentence.section;
  return `「${no}${no ? "、" : ""}${title}」`;
}

// C-9 — 条例第五十条 / 国办公开办函〔2021〕30号: the prose states the same numbers as tables 二, 三, 四
/** C-9: counts and amounts stated in the prose equal the tables; each finding quotes the sentence. */
export function checkProseNumbers(report: AnnualReport, context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const sentence of proseSentences(report.sections)) {
    if (!aboutThisYear(sentence, report.year)) continue;
    const state: SentenceState = { newEnd: -1 };
    const kinds = new Set<string>();
    const used = new Set<number>();
    const found: { at: number; finding: Finding }[] = [];
    for (const pattern of CLAIM_PATTERNS) {
      for (const m of sentence.compact.matchAll(pattern.regex)) {
        const span = m.indices?.groups?.n;
        const value = m.groups?.n;
        if (!span || value === undefined || used.has(span[0])) continue;
        const kind = `${pattern.kind}:${m.groups?.col ?? ""}`;
        if (kinds.has(kind)) break;
        if (pattern.applies && !pattern.applies(sentence, m, state)) continue;
        kinds.add(kind);
        used.add(span[0]);
        if (pattern.kind === "new") state.newEnd = m.index + m[0].length;
        const expectation = pattern.expect(report, m);
        if (!expectation || expectation.accepts(value)) continue;
        const quote = quoteSentence(sentence, m.index, m.index + m[0].length);
        const label = pattern.kind === "column" ? `${m.groups?.col ?? ""}申请` : pattern.label;
        const actual = pattern.kind === "fees" ? value : Number(value);
        found.push({
          at: span[0],
          finding: makeFinding(
            "C-9",
            "error",
            `${sectionName(sentence)}：“${quote}”`,
            expectation.paths,
            context,
            expectation.shown,
            actual,
            `正文“${quote}”称${label} ${value} ${pattern.unit}，但${expectation.describe}`,
          ),
        });
      }
    }
    findings.push(...found.sort((a, b) => a.at - b.at).map((f) => f.finding));
  }
  return findings;
}

const AMOUNT = /\d+(?:\.\d+)?(?:万元|元)/;
const FEE_WORD = /处理费|收费|费用|收取/;
const NONE_WORD = /未收取|不收取|未收|免收|无|没有|未发生|未产生|零/;

/** True when a sentence of section 六 states the 信息处理费: an amount or that none was collected. */
export function statesInformationFee(sentence: string): boolean {
  const compact = sentence.replace(/\s+/g, "");
  if (!FEE_WORD.test(compact)) return false;
  return AMOUNT.test(compact) || NONE_WORD.test(compact);
}

// C-10 — 国办公开办函〔2021〕30号 section 六 (and 条例第四十二条): 信息处理费 collected, or that none was
/** C-10: section 六 states the 信息处理费 collected (an amount, or that none was collected). */
export function checkInformationFee(report: AnnualReport, context: CheckContext): Finding[] {
  const sixth = report.sections.filter((s) => sectionIndexOfTitle(s.title) === 5);
  const title = SECTION_TITLES[5]?.title ?? "";
  if (sixth.length === 0) {
    return [
      makeFinding(
        "C-10",
        "error",
        "第六部分",
        [],
        context,
        "说明信息处理费收取情况",
        null,
        `缺少第六部分「${title}」，报告未说明信息处理费的收取情况`,
      ),
    ];
  }
  const sentences = sixth.flatMap((s) => s.text.split(/[。；;！？!?\n]/));
  if (sentences.some(statesInformationFee)) return [];
  const first = sixth[0];
  const heading = first ? `${first.no}${first.no ? "、" : ""}${first.title}` : title;
  return [
    makeFinding(
      "C-10",
      "error",
      `第六部分「${heading}」`,
      [],
      context,
      "说明信息处理费收取情况",
      null,
      `第六部分「${heading}」未说明信息处理费的收取情况（应写明收取金额，或说明未收取）`,
    ),
  ];
}
