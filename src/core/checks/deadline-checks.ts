/**
 * The publication deadline of the annual report (条例第四十九条): departments of governments at or above
 * county level by 31 January of the following year, governments by 31 March (C-12, a warning).
 */
import type { AnnualReport, Finding } from "../report/report-model.ts";
import type { AgencyKind, CheckContext } from "./check-context.ts";
import { makeFinding } from "./finding-support.ts";

const GOVERNMENT_SUFFIXES = ["人民政府", "政府", "管委会", "管理委员会", "综合实验区", "新区", "示范区"];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The kind of agency from its name: a government (人民政府, 管委会, 新区 …) or a department (anything else). */
export function inferAgencyKind(agency: string): AgencyKind {
  const name = agency.replace(/\s+/g, "").replace(/[（(][^（）()]*[）)]$/, "");
  return GOVERNMENT_SUFFIXES.some((s) => name.endsWith(s)) ? "government" : "department";
}

/** Whole days from the first date to the second (both YYYY-MM-DD), or null when either is malformed. */
function daysBetween(from: string, to: string): number | null {
  const a = DATE.exec(from);
  const b = DATE.exec(to);
  if (!a || !b) return null;
  const utc = (m: RegExpExecArray) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

// C-12 — 《政府信息公开条例》第四十九条: 部门 1 月 31 日前、本级政府 3 月 31 日前公布上一年度报告
/** C-12: the report was published by 31 January (department) or 31 March (government) of year + 1. */
export function checkPublicationDeadline(report: AnnualReport, context: CheckContext): Finding[] {
  const publishedOn = context.publishedOn;
  if (!publishedOn || report.year === null || !DATE.test(publishedOn)) return [];
  const kind = context.agencyKind ?? (report.agency ? inferAgencyKind(report.agency) : null);
  if (!kind) return [];
  const deadline = kind === "government" ? `${report.year + 1}-03-31` : `${report.year + 1}-01-31`;
  const late = daysBetween(deadline, publishedOn);
  if (late === null || late <= 0) return [];
  const who = kind === "government" ? "人民政府（含管委会等）" : "政府部门";
  return [
    makeFinding(
      "C-12",
      "warning",
      "发布日期",
      [],
      context,
      `不晚于 ${deadline}`,
      publishedOn,
      `${who}的 ${report.year} 年度报告应于 ${deadline} 前公布（条例第四十九条），实际发布于 ${publishedOn}，逾期 ${late} 天`,
    ),
  ];
}
