/**
 * What a supervisor (上级监督) sees: the reports of every agency in reach for a year — published or not, with
 * the count of their findings — and an aggregate of their tables (sums cell by cell; 万元 summed exactly).
 * A published report counts as published (its latest version's frozen tables and findings, all read in one
 * query); only the agencies that have not published are built from their records, so the 年报汇总 of a
 * province of published reports stays within a second (issue #10.3).
 */
import { listAllAgencies } from "../agencies/agency.repository.ts";
import { fenToWanYuan } from "../core/registry/fee-amounts.ts";
import {
  type AnnualReport,
  APPLICATION_ROW_KEYS,
  type ApplicationsTable,
  type Count,
  type Finding,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
  type ReviewTable,
} from "../core/report/report-model.ts";
import type { Database } from "../db/database.ts";
import { buildAgencyReport } from "./report.service.ts";
import { latestVersionsOfYear } from "./report-records.repository.ts";

/** One agency's line of the overview. */
export interface OverviewLine {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly published: { readonly version: number; readonly publishedOn: string } | null;
  readonly errors: number;
  readonly warnings: number;
}

/** The overview of a year. */
export interface ReportOverview {
  readonly year: number;
  readonly agencies: readonly OverviewLine[];
  /** Tables 二 (counts), 三 and 四 summed over the agencies. */
  readonly aggregate: {
    readonly applications: ApplicationsTable;
    readonly review: ReviewTable;
    readonly licensing: number;
    readonly penalty: number;
    readonly enforcement: number;
    readonly fees: string;
  };
}

const add = (a: number, b: Count): number => a + (b ?? 0);

/** "1014.5589" 万元 → 1014558900 分 (a ten-thousandth of 万元 is 1 元). */
function wanYuanToFen(text: string | null): number {
  if (text === null || !/^\d+(\.\d{1,4})?$/.test(text)) return 0;
  const [int = "0", frac = ""] = text.split(".");
  return (Number(int) * 10_000 + Number(frac.padEnd(4, "0"))) * 100;
}

/** The overview of the agencies' reports for the year. */
export async function reportOverview(
  database: Database,
  agencyIds: readonly number[],
  year: number,
): Promise<ReportOverview> {
  const applications: Record<string, number[]> = {};
  for (const key of APPLICATION_ROW_KEYS) applications[key] = [0, 0, 0, 0, 0, 0, 0];
  const review = Object.fromEntries(
    REVIEW_GROUPS.map((g) => [g, Object.fromEntries(REVIEW_FIELDS.map((f) => [f, 0]))]),
  ) as Record<string, Record<string, number>>;
  let licensing = 0;
  let penalty = 0;
  let enforcement = 0;
  let feesFen = 0;
  const agencies: OverviewLine[] = [];
  const published = await latestVersionsOfYear(database.db, agencyIds, year);
  const names = new Map((await listAllAgencies(database.db)).map((a) => [a.id, a.name]));
  for (const agencyId of agencyIds) {
    const frozen = published.get(agencyId);
    let r: AnnualReport;
    let findings: readonly Finding[];
    let name: string;
    if (frozen) {
      r = JSON.parse(frozen.model_json) as AnnualReport;
      findings = JSON.parse(frozen.findings_json) as Finding[];
      name = names.get(agencyId) ?? r.agency ?? "";
    } else {
      const built = await buildAgencyReport(database, agencyId, year);
      r = built.report;
      findings = built.findings;
      name = built.agencyName;
    }
    const errors = findings.filter((f) => f.severity === "error").length;
    agencies.push({
      agencyId,
      agencyName: name,
      published: frozen ? { version: frozen.version, publishedOn: frozen.published_on } : null,
      errors,
      warnings: findings.length - errors,
    });
    for (const key of APPLICATION_ROW_KEYS) {
      const row = applications[key] ?? [];
      (r.applications[key] ?? []).forEach((v, i) => {
        row[i] = add(row[i] ?? 0, v);
      });
    }
    for (const g of REVIEW_GROUPS) {
      for (const f of REVIEW_FIELDS) {
        const cell = review[g];
        if (cell) cell[f] = add(cell[f] ?? 0, r.review[g][f]);
      }
    }
    licensing = add(licensing, r.proactive.licensing);
    penalty = add(penalty, r.proactive.penalty);
    enforcement = add(enforcement, r.proactive.enforcement);
    feesFen += wanYuanToFen(r.proactive.fees);
  }
  return {
    year,
    agencies,
    aggregate: {
      applications,
      review: review as unknown as ReviewTable,
      licensing,
      penalty,
      enforcement,
      fees: fenToWanYuan(feesFen),
    },
  };
}
