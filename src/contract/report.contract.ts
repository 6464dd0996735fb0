/**
 * The annual-report API's answers (docs/API.md "Annual reports"): the report of an agency-year assembled
 * from the records, with its checks, the records behind every cell, the prose state and the published
 * versions; publishing; the supervisors' overview. The report model itself is src/core's (report-model.ts),
 * documented here by name. Imports only TypeBox, src/core and other contracts.
 */
import { type Static, Type } from "@sinclair/typebox";
import type {
  AnnualReport,
  ApplicationsTable,
  Finding,
  ProactiveTables,
  ReviewTable,
} from "../core/report/report-model.ts";
import { PROSE_SECTIONS } from "../core/report-draft/report-assembly.ts";
import type { ReportFigures } from "../core/report-draft/report-figures.ts";
import { CoreModel, DateText, Id, Instant, Nullable } from "./common.contract.ts";

/** A prose section the staff write: 一, 五 or 六. */
export const ProseNo = Type.Union(PROSE_SECTIONS.map((n) => Type.Literal(n)));
/** A prose section the staff write: 一, 五 or 六. */
export type ProseNo = Static<typeof ProseNo>;

/** One finding of the checks C-1 … C-12 (src/core/report/report-model.ts, Finding). */
export const ReportFinding = CoreModel<Finding>("检查发现：规则、严重程度、位置和中文说明");
/** One finding of the checks C-1 … C-12. */
export type ReportFinding = Static<typeof ReportFinding>;

/** The records behind one table value of a report: their kind and ids. */
export const CellRecords = Type.Object({ kind: Type.String(), ids: Type.Array(Id) });
/** The records behind one table value of a report. */
export type CellRecords = Static<typeof CellRecords>;

/** The three tables of a report as assembled from the records. */
export const ReportTables = Type.Object({
  proactive: CoreModel<ProactiveTables>("表二"),
  applications: CoreModel<ApplicationsTable>("表三"),
  review: CoreModel<ReviewTable>("表四"),
});
/** The three tables of a report as assembled from the records. */
export type ReportTables = Static<typeof ReportTables>;

/** What a report of an agency-year is assembled from: tables, the records behind each value, the figures. */
export const ReportRecords = Type.Object({
  tables: ReportTables,
  /** Value path ("applications.new.6", "proactive.licensing" …) → records. */
  cells: Type.Record(Type.String(), CellRecords),
  figures: CoreModel<ReportFigures>("正文模板使用的数字"),
});
/** What a report of an agency-year is assembled from. */
export type ReportRecords = Static<typeof ReportRecords>;

/** A published version of a report (its files are downloaded separately). */
export const ReportVersion = Type.Object({
  id: Id,
  agency_id: Id,
  year: Type.Integer(),
  version: Type.Integer(),
  published_on: DateText,
  published_at: Instant,
  published_by: Nullable(Id),
  note: Type.String(),
  findings_json: Type.String(),
});
/** A published version of a report. */
export type ReportVersion = Static<typeof ReportVersion>;

/** Which prose sections the staff edited (the others follow the template and the records). */
const ProseFlags = Type.Object({ 一: Type.Boolean(), 五: Type.Boolean(), 六: Type.Boolean() });
/** The text of each prose section (templates). */
const ProseTexts = Type.Object({ 一: Type.String(), 五: Type.String(), 六: Type.String() });

/** Answer of GET/PUT on an agency-year's report (GET adds the prose templates and their placeholders). */
export const BuiltReport = Type.Object({
  agencyId: Id,
  agencyName: Type.String(),
  year: Type.Integer(),
  report: CoreModel<AnnualReport>("年度报告（交换格式 JSON 模型）"),
  findings: Type.Array(ReportFinding),
  records: ReportRecords,
  edited: ProseFlags,
  draftProblems: Type.Array(Type.String()),
  versions: Type.Array(ReportVersion),
  templates: Type.Optional(ProseTexts),
  placeholders: Type.Optional(Type.Record(Type.String(), Type.String())),
});
/** Answer of GET/PUT on an agency-year's report. */
export type BuiltReport = Static<typeof BuiltReport>;

/** Answer of POST …/publish: the new version and its findings. */
export const PublishAnswer = Type.Object({ version: Type.Integer(), findings: Type.Array(ReportFinding) });
/** Answer of POST …/publish. */
export type PublishAnswer = Static<typeof PublishAnswer>;

/** One agency's line of the supervisors' overview. */
export const OverviewLine = Type.Object({
  agencyId: Id,
  agencyName: Type.String(),
  published: Nullable(Type.Object({ version: Type.Integer(), publishedOn: DateText })),
  errors: Type.Integer(),
  warnings: Type.Integer(),
});
/** One agency's line of the supervisors' overview. */
export type OverviewLine = Static<typeof OverviewLine>;

/** Answer of GET /api/reports/overview: each agency's line and tables 二 (counts), 三 and 四 summed. */
export const ReportOverview = Type.Object({
  year: Type.Integer(),
  agencies: Type.Array(OverviewLine),
  aggregate: Type.Object({
    applications: CoreModel<ApplicationsTable>("表三合计"),
    review: CoreModel<ReviewTable>("表四合计"),
    licensing: Type.Integer(),
    penalty: Type.Integer(),
    enforcement: Type.Integer(),
    fees: Type.String(),
  }),
});
/** Answer of GET /api/reports/overview. */
export type ReportOverview = Static<typeof ReportOverview>;
