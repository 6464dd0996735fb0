/**
 * What the checks may know besides the report itself: last year's report, the publication date, the kind
 * of agency and where each value was read. Everything is optional; a check that lacks what it needs skips.
 */
import type { AnnualReport, Finding } from "../report/report-model.ts";

/** The kind of agency, which fixes the publication deadline (条例第四十九条). */
export type AgencyKind = "government" | "department";

/** Facts the checks may use besides the report. */
export interface CheckContext {
  /** Last year's report, for C-7/C-8. */
  previous?: AnnualReport;
  /** Publication date, YYYY-MM-DD, for C-12. */
  publishedOn?: string;
  /** For C-12; inferred from report.agency when absent. */
  agencyKind?: AgencyKind;
  /** Value path → where it was read, e.g. "applications.new.6" → "第 57 行". */
  locations?: Readonly<Record<string, string>>;
}

/** A check of one rule: pure, from the report and its context to findings. */
export type Check = (report: AnnualReport, context: CheckContext) => Finding[];
