/**
 * The annual report of an agency-year, assembled from the records: tables 二, 三 and 四 computed from the
 * registries and cases, sections 一, 五 and 六 drafted from the templates with every figure filled in (or as
 * the staff edited them), checked by C-1 … C-12; publishing freezes a version with its files, and later
 * corrections are new, dated versions with a note.
 */
import { findAgency } from "../agencies/agency.repository.ts";
import { runChecks } from "../core/checks/run-checks.ts";
import { DomainError, errorFactory } from "../core/domain-error.ts";
import type { AnnualReport, Finding } from "../core/report/report-model.ts";
import { assembleReport, PROSE_SECTIONS, type ProseSectionNo } from "../core/report-draft/report-assembly.ts";
import { reportValues } from "../core/report-draft/report-figures.ts";
import { renderReportTemplate } from "../core/report-draft/report-template.ts";
import { SECTION_TEMPLATES } from "../core/report-draft/section-templates.ts";
import type { Database } from "../db/database.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import { type Actor, actorFields } from "../trail/trail-actor.ts";
import { renderReport } from "../writers/render-report.ts";
import {
  findDraftProse,
  insertVersion,
  latestVersionNo,
  listVersions,
  saveDraftProse,
} from "./report-records.repository.ts";
import { gatherReportRecords, gatherReportTables, type ReportRecords } from "./report-sources.ts";

/** Refusals of the report commands. */
export const REPORT_ERRORS = {
  REPORT_HAS_ERRORS: { status: 409, message: "年度报告仍有“错误”级问题，请先修改后再发布" },
  REPORT_NOTE_REQUIRED: { status: 400, message: "更正已发布的年度报告须填写更正说明" },
  REPORT_YEAR_OPEN: { status: 400, message: "年度尚未结束，不能发布该年度的年度报告" },
} as const;

const fail = errorFactory(REPORT_ERRORS);

/** A report as the back office works on it. */
export interface BuiltReport {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly year: number;
  readonly report: AnnualReport;
  readonly findings: readonly Finding[];
  readonly records: ReportRecords;
  /** Which prose sections the staff edited (the others follow the template and the records). */
  readonly edited: Readonly<Record<ProseSectionNo, boolean>>;
  /** Placeholders the drafting could not fill, per section. */
  readonly draftProblems: readonly string[];
  readonly versions: Awaited<ReturnType<typeof listVersions>>;
}

/** The prose drafted from the templates for these records, and what could not be filled. */
export function draftProse(records: ReportRecords): {
  prose: Record<ProseSectionNo, string>;
  problems: string[];
} {
  const values = reportValues(records.figures);
  const problems: string[] = [];
  const prose = {} as Record<ProseSectionNo, string>;
  for (const no of PROSE_SECTIONS) {
    const result = renderReportTemplate(SECTION_TEMPLATES[no], values);
    prose[no] = result.text;
    problems.push(...result.problems.map((p) => `第${no}部分：${p}`));
  }
  return { prose, problems };
}

/** The agency or 404. */
async function agencyOf(database: Database, agencyId: number) {
  const agency = await findAgency(database.db, agencyId);
  if (!agency) throw new DomainError("NOT_FOUND", "找不到该机关");
  return agency;
}

/** Assembles and checks the report of an agency-year from the records and the saved prose (C-12 with `publishedOn`). */
export async function buildAgencyReport(
  database: Database,
  agencyId: number,
  year: number,
  publishedOn?: string,
): Promise<BuiltReport> {
  const agency = await agencyOf(database, agencyId);
  const records = await gatherReportRecords(database, agency, year);
  const previousTables = await gatherReportTables(database, agencyId, year - 1);
  const saved = await findDraftProse(database.db, agencyId, year);
  const drafted = draftProse(records);
  const prose = {} as Record<ProseSectionNo, string>;
  const edited = {} as Record<ProseSectionNo, boolean>;
  for (const no of PROSE_SECTIONS) {
    const text = saved[no];
    edited[no] = typeof text === "string";
    prose[no] = typeof text === "string" ? text : drafted.prose[no];
  }
  const parts = { agencyName: agency.name, year, ...records.tables };
  const report = assembleReport({ ...parts, prose });
  // The year before only for C-7 and C-8, which compare tables: its prose is left empty.
  const noProse = Object.fromEntries(PROSE_SECTIONS.map((no) => [no, ""])) as Record<ProseSectionNo, string>;
  const previous = assembleReport({
    agencyName: agency.name,
    year: year - 1,
    ...previousTables,
    prose: noProse,
  });
  const findings = runChecks(report, { previous, agencyKind: agency.kind, publishedOn });
  return {
    agencyId,
    agencyName: agency.name,
    year,
    report: { ...report, findings },
    findings,
    records,
    edited,
    draftProblems: drafted.problems,
    versions: await listVersions(database.db, agencyId, year),
  };
}

/** Saves edited prose (a section given as null returns to the template); trail entry in the same transaction. */
export async function saveReportProse(
  database: Database,
  agencyId: number,
  year: number,
  changes: Partial<Record<ProseSectionNo, string | null>>,
  actor: Actor,
): Promise<void> {
  await agencyOf(database, agencyId);
  const before = await findDraftProse(database.db, agencyId, year);
  const after: Record<string, string> = { ...before };
  for (const no of PROSE_SECTIONS) {
    const value = changes[no];
    if (value === null) delete after[no];
    else if (typeof value === "string") after[no] = value.replace(/\r\n?/g, "\n");
  }
  await database.db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    await saveDraftProse(trx, agencyId, year, after, actor.userId, at);
    await appendTrail(trx, database.dialect, {
      ...actorFields(actor),
      agencyId,
      action: "report.edit",
      entityType: "report",
      entityId: `${agencyId}/${year}`,
      before,
      after,
      at,
    });
  });
}

/** Publishes the report as it stands: a new frozen version with HTML, DOCX, PDF and XLSX; refused with errors. */
export async function publishReport(
  database: Database,
  agencyId: number,
  year: number,
  input: { readonly note: string; readonly today: string },
  actor: Actor,
): Promise<{ version: number; findings: readonly Finding[] }> {
  if (Number(input.today.slice(0, 4)) <= year) throw fail("REPORT_YEAR_OPEN");
  const built = await buildAgencyReport(database, agencyId, year, input.today);
  const all = built.findings;
  if (all.some((f) => f.severity === "error")) throw fail("REPORT_HAS_ERRORS");
  const latest = await latestVersionNo(database.db, agencyId, year);
  const note = input.note.trim();
  if (latest > 0 && note === "") throw fail("REPORT_NOTE_REQUIRED");
  const model = built.report;
  const [html, docx, pdf, xlsx] = await Promise.all([
    renderReport(model, "html"),
    renderReport(model, "docx"),
    renderReport(model, "pdf"),
    renderReport(model, "xlsx"),
  ]);
  const version = latest + 1;
  const at = new Date().toISOString();
  await database.db.transaction().execute(async (trx) => {
    await insertVersion(trx, {
      agency_id: agencyId,
      year,
      version,
      published_on: input.today,
      published_at: at,
      published_by: actor.userId,
      note,
      model_json: JSON.stringify(model),
      findings_json: JSON.stringify(all),
      html: new TextDecoder().decode(html),
      docx,
      pdf,
      xlsx,
    });
    await appendTrail(trx, database.dialect, {
      ...actorFields(actor),
      agencyId,
      action: "report.publish",
      entityType: "report",
      entityId: `${agencyId}/${year}`,
      after: { version, publishedOn: input.today, note },
      at,
    });
  });
  return { version, findings: all };
}
