/**
 * Turns a document read from any format into the annual-report model: title, the six sections, tables
 * 二, 三 and 四, where every number was read, and the findings of reading (blank cells C-5, structure C-6).
 */
import {
  type AnnualReport,
  emptyReport,
  type Finding,
  type ReportFormat,
  type ReportSection,
  type SourceLocations,
} from "./report-model.ts";
import {
  APPLICATIONS_TABLE_START,
  FORMAT_2019_MARKERS,
  FORMAT_2021_MARKERS,
  PROACTIVE_TABLE_START,
  REVIEW_TABLE_START,
} from "./row-labels.ts";
import { findHeadings, type HeadingFound, readTitle } from "./section-reader.ts";
import { readProactiveTables, readReviewTable } from "./small-tables-reader.ts";
import type { SourceDocument } from "./source-document.ts";
import { readApplicationsTable } from "./table3-reader.ts";
import { buildStream, type TextStream } from "./text-stream.ts";

/** The model read from a document, where its numbers were, and whether it looked like an annual report. */
export interface Interpretation {
  readonly report: AnnualReport;
  readonly locations: SourceLocations;
  /** False when nothing of an annual report (title, headings, tables) was found. */
  readonly recognised: boolean;
  readonly publishedOn?: string;
}

const REVIEW_HEADER = /行\s*政\s*复\s*议/g;
const APPLICANT_HEADER = /申\s*请\s*人\s*情\s*况/g;

/** First match of a global pattern at or after `from`, before `to`. */
function firstMatch(re: RegExp, text: string, from: number, to = text.length): RegExpExecArray | null {
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < to ? m : null;
}

/**
 * Drops the spaces and tabs before each line break, in one pass (the regex /[ \t]+\n/g backtracks over a
 * long run of spaces at every one of its characters: quadratic in the run).
 */
function trimLineEnds(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let keep = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9) continue;
    if (code === 10 && keep < i) {
      parts.push(text.slice(from, keep));
      from = i;
    }
    keep = i + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/**
 * Section texts: from each heading's end to the next heading's start; for sections 二, 三 and 四 only the
 * prose before the table (the table itself is in the model), given the offsets where the tables start.
 */
function sectionsOf(
  stream: TextStream,
  headings: readonly HeadingFound[],
  tableStarts: ReadonlyMap<number, number>,
): ReportSection[] {
  return headings.map((h, i) => {
    const next = headings[i + 1]?.start ?? stream.text.length;
    const table = tableStarts.get(h.index);
    const end = table !== undefined && table >= h.end && table < next ? table : next;
    return {
      no: h.no,
      title: h.title,
      text: trimLineEnds(stream.text.slice(h.end, end)).trim(),
    };
  });
}

/** Which national format the tables follow. */
function detectFormat(text: string, tables: boolean, format2019: boolean): ReportFormat {
  if (format2019 || FORMAT_2019_MARKERS.test(text)) return "2019";
  if (tables || FORMAT_2021_MARKERS.test(text)) return "2021";
  return "unknown";
}

/** Interprets a source document as an annual report. */
export function interpretReport(doc: SourceDocument): Interpretation {
  const stream = buildStream(doc);
  const text = stream.text;
  const headings = findHeadings(stream);
  const at = (index: number): HeadingFound | undefined => headings.find((h) => h.index === index);
  const { agency, year } = readTitle(stream, doc.metadata.title);

  const t3Anchor = firstMatch(APPLICATIONS_TABLE_START, text, at(2)?.start ?? 0);
  const t3From = t3Anchor?.index ?? at(2)?.end ?? text.length;
  const reviewHeading = firstMatch(REVIEW_TABLE_START, text, t3From);
  const sectionFive = at(4) ?? at(5);
  const t3To = reviewHeading?.index ?? sectionFive?.start ?? text.length;
  const truncated = !reviewHeading && !sectionFive;
  const t3 = readApplicationsTable(stream, t3From, t3To, truncated);

  const t2Region = at(1)?.end ?? 0;
  const t2Anchor = firstMatch(PROACTIVE_TABLE_START, text, t2Region, t3From);
  const t2From = at(1) ? (t2Anchor?.index ?? t2Region) : 0;
  const t2 = readProactiveTables(stream, t2From, t3Anchor ? t3Anchor.index : (at(2)?.start ?? t3From));

  const t4From = Math.max(t3.end, reviewHeading ? reviewHeading.index + reviewHeading[0].length : t3.end);
  const t4To = sectionFive && sectionFive.start > t4From ? sectionFive.start : text.length;
  const t4 = t3.found || reviewHeading ? readReviewTable(stream, t4From, t4To) : null;

  const findings: Finding[] = [...doc.problems, ...t2.findings, ...t3.findings, ...(t4?.findings ?? [])];
  const smallBlanks = t2.blanks + (t4?.blanks ?? 0);
  if (smallBlanks > 0) {
    findings.push({
      rule: "C-5",
      severity: "warning",
      where: "表二、表四",
      expected: "数字",
      actual: `空白单元格 ${smallBlanks} 个`,
      message: `表二或表四有 ${smallBlanks} 个单元格为空白或“/”“—”，按 0 计算；年报表格应填写数字 0`,
    });
  }
  if (!t2.found && !truncated) {
    findings.push(missingTable("表二", "主动公开政府信息情况"));
  }
  if (!t3.found) findings.push(missingTable("表三", "收到和处理政府信息公开申请情况"));
  if (t4 && !t4.found && !truncated)
    findings.push(missingTable("表四", "政府信息公开行政复议、行政诉讼情况"));

  const base = emptyReport();
  const report: AnnualReport = {
    ...base,
    format: detectFormat(text, t2.found || t3.found, t3.format2019),
    agency,
    year,
    sections: sectionsOf(
      stream,
      headings,
      new Map([
        [1, t2From],
        [
          2,
          Math.min(t3From, firstMatch(APPLICANT_HEADER, text, at(2)?.end ?? t3From, t3From)?.index ?? t3From),
        ],
        [3, firstMatch(REVIEW_HEADER, text, at(3)?.end ?? t4From)?.index ?? t4From],
      ]),
    ),
    proactive: t2.found ? t2.value : base.proactive,
    applications: t3.found ? t3.rows : base.applications,
    review: t4?.found ? t4.value : base.review,
    findings,
  };
  const recognised = t3.found || t2.found || headings.length >= 3 || (agency !== null && year !== null);
  return {
    report,
    locations: { ...t2.locations, ...t3.locations, ...(t4?.locations ?? {}) },
    recognised,
    ...(doc.metadata.publishedOn ? { publishedOn: doc.metadata.publishedOn } : {}),
  };
}

/** A C-6 finding for a whole table that is not in the document. */
function missingTable(table: string, title: string): Finding {
  return {
    rule: "C-6",
    severity: "error",
    where: table,
    expected: `${table}（${title}）`,
    actual: "未找到",
    message: `未找到${table}（${title}），该表的数字按空值处理`,
  };
}
