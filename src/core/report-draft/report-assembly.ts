/**
 * Assembling an agency's annual report from its records: tables 二, 三 and 四 as computed from the registries
 * and cases, and the prose of sections 一, 五 and 六 (drafted from the templates, then edited by the staff),
 * into the one report model that the checks (C-1 … C-12) and every writer use.
 */
import {
  type AnnualReport,
  type ApplicationsTable,
  type ProactiveTables,
  type ReviewTable,
  SECTION_TITLES,
} from "../report/report-model.ts";

/** The prose sections the staff write. */
export type ProseSectionNo = "一" | "五" | "六";

/** The prose section numerals, in order. */
export const PROSE_SECTIONS: readonly ProseSectionNo[] = ["一", "五", "六"];

/** What a report is assembled from. */
export interface ReportParts {
  readonly agencyName: string;
  readonly year: number;
  readonly proactive: ProactiveTables;
  readonly applications: ApplicationsTable;
  readonly review: ReviewTable;
  /** The text of sections 一, 五 and 六; sections 二, 三 and 四 are their tables. */
  readonly prose: Readonly<Record<ProseSectionNo, string>>;
}

/** The report model of the parts, in the 2021 format with its six sections in order (C-6, C-11). */
export function assembleReport(parts: ReportParts): AnnualReport {
  return {
    format: "2021",
    agency: parts.agencyName,
    year: parts.year,
    sections: SECTION_TITLES.map(({ no, title }) => ({
      no,
      title,
      text: (parts.prose as Readonly<Record<string, string>>)[no] ?? "",
    })),
    proactive: parts.proactive,
    applications: parts.applications,
    review: parts.review,
    findings: [],
  };
}
