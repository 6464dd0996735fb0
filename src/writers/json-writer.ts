/**
 * The interchange JSON of the annual report (shared domain document annual-report-2021.md), with the key
 * order of the format whatever order the model's objects were built in.
 */
import type { AnnualReport, ApplicationRow, ReviewGroup } from "../core/report/report-model.ts";
import {
  APPLICATION_ROW_KEYS,
  emptyApplicationRow,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
} from "../core/report/report-model.ts";

/** The report as interchange JSON: 2-space indent, keys in the order of the format, all 25 table 三 rows. */
export function writeJson(report: AnnualReport): string {
  const p = report.proactive;
  const rules = (r: typeof p.regulations) => ({ issued: r.issued, abolished: r.abolished, valid: r.valid });
  const applications: Record<string, ApplicationRow> = {};
  for (const key of APPLICATION_ROW_KEYS)
    applications[key] = report.applications[key] ?? emptyApplicationRow();
  const group = (g: ReviewGroup) => Object.fromEntries(REVIEW_FIELDS.map((f) => [f, g[f]]));
  const document = {
    format: report.format,
    agency: report.agency,
    year: report.year,
    sections: report.sections.map((s) => ({ no: s.no, title: s.title, text: s.text })),
    proactive: {
      regulations: rules(p.regulations),
      normativeDocuments: rules(p.normativeDocuments),
      licensing: p.licensing,
      penalty: p.penalty,
      enforcement: p.enforcement,
      fees: p.fees,
    },
    applications,
    review: Object.fromEntries(REVIEW_GROUPS.map((g) => [g, group(report.review[g])])),
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      where: f.where,
      expected: f.expected,
      actual: f.actual,
      message: f.message,
    })),
  };
  return JSON.stringify(document, null, 2);
}
