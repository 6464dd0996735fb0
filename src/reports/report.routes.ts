/**
 * The back-office API of annual reports: the assembled report of an agency-year with its checks and the
 * records behind every cell, prose editing (checked live), publishing, versions and their files, and the
 * supervisors' overview of all the agencies they oversee. Parse → authorise → command → present.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { authorize, requestActor, visibleAgencyIds } from "../auth/request-auth.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { ERROR_RESPONSES, Id } from "../contract/common.contract.ts";
import { BuiltReport, PublishAnswer, ReportOverview } from "../contract/report.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import { REPORT_PLACEHOLDERS, SECTION_TEMPLATES } from "../core/report-draft/section-templates.ts";
import type { Database } from "../db/database.ts";
import { contentDisposition } from "../web/content-disposition.ts";
import { strictBody } from "../web/strict-body.ts";
import { presentBuiltReport, presentOverview, presentPublished } from "./report.presenter.ts";
import { buildAgencyReport, publishReport, saveReportProse } from "./report.service.ts";
import { REPORT_FILE_TYPES, type ReportFileType, reportFileName } from "./report-files.ts";
import { reportOverview } from "./report-overview.service.ts";
import { findVersion } from "./report-records.repository.ts";

const Year = Type.Integer({ minimum: 2008, maximum: 2100 });
const ReportParams = Type.Object({ agencyId: Id, year: Year });
const VersionParams = Type.Object({
  agencyId: Id,
  year: Year,
  version: Type.Integer({ minimum: 1, maximum: 10_000 }),
  format: Type.Union(REPORT_FILE_TYPES.map((t) => Type.Literal(t))),
});
// Null first: the validator coerces types, and a string branch tried first would turn null into "".
const Prose = Type.Union([Type.Null(), Type.String({ maxLength: 60_000 })]);
const ProseBody = Type.Object(
  { 一: Type.Optional(Prose), 五: Type.Optional(Prose), 六: Type.Optional(Prose) },
  { additionalProperties: false, minProperties: 1 },
);
const PublishBody = Type.Object({ note: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });
const OverviewQuery = Type.Object({ year: Year });

/** Register the report API. */
export function registerReportRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Querystring: Static<typeof OverviewQuery> }>(
    "/api/reports/overview",
    { schema: { querystring: OverviewQuery, response: { 200: ReportOverview, ...ERROR_RESPONSES } } },
    async (request): Promise<ReportOverview> => {
      const ids = await visibleAgencyIds(request, "report.view");
      return presentOverview(await reportOverview(database, ids, request.query.year));
    },
  );

  app.get<{ Params: Static<typeof ReportParams> }>(
    "/api/reports/:agencyId/:year",
    { schema: { params: ReportParams, response: { 200: BuiltReport, ...ERROR_RESPONSES } } },
    async (request): Promise<BuiltReport> => {
      await authorize(request, "report.view", request.params.agencyId);
      const built = await buildAgencyReport(database, request.params.agencyId, request.params.year);
      return presentBuiltReport(built, { templates: SECTION_TEMPLATES, placeholders: REPORT_PLACEHOLDERS });
    },
  );

  app.put<{ Params: Static<typeof ReportParams>; Body: Static<typeof ProseBody> }>(
    "/api/reports/:agencyId/:year/prose",
    {
      ...strictBody(ProseBody),
      schema: { params: ReportParams, body: ProseBody, response: { 200: BuiltReport, ...ERROR_RESPONSES } },
    },
    async (request): Promise<BuiltReport> => {
      const { agencyId, year } = request.params;
      await authorize(request, "report.edit", agencyId);
      await saveReportProse(database, agencyId, year, request.body, requestActor(request));
      return presentBuiltReport(await buildAgencyReport(database, agencyId, year));
    },
  );

  app.post<{ Params: Static<typeof ReportParams>; Body: Static<typeof PublishBody> }>(
    "/api/reports/:agencyId/:year/publish",
    {
      ...strictBody(PublishBody),
      schema: {
        params: ReportParams,
        body: PublishBody,
        response: { 200: PublishAnswer, ...ERROR_RESPONSES },
      },
    },
    async (request): Promise<PublishAnswer> => {
      const { agencyId, year } = request.params;
      await authorize(request, "report.publish", agencyId);
      const today = shanghaiDate();
      const published = await publishReport(
        database,
        agencyId,
        year,
        { note: request.body.note, today },
        requestActor(request),
      );
      return presentPublished(published);
    },
  );

  app.get<{ Params: Static<typeof VersionParams> }>(
    "/api/reports/:agencyId/:year/versions/:version/:format",
    { schema: { params: VersionParams, response: { ...ERROR_RESPONSES } } },
    async (request, reply) => {
      const { agencyId, year, version, format } = request.params;
      await authorize(request, "report.view", agencyId);
      const row = await findVersion(database.db, agencyId, year, version);
      if (!row) throw new DomainError("NOT_FOUND", "找不到该版本的年度报告");
      return sendVersionFile(reply, row, format);
    },
  );
}

/** Sends one file of a published version. */
export function sendVersionFile(
  reply: import("fastify").FastifyReply,
  row: NonNullable<Awaited<ReturnType<typeof findVersion>>>,
  format: ReportFileType,
) {
  const model = JSON.parse(row.model_json) as { agency: string | null; year: number | null };
  const name = reportFileName(model.agency ?? "", row.year, row.version, format);
  const body =
    format === "html"
      ? row.html
      : format === "json"
        ? row.model_json
        : Buffer.from(row[format] as Uint8Array);
  return reply
    .header("content-disposition", contentDisposition(name, format === "html" ? "inline" : "attachment"))
    .type(REPORT_FILE_MEDIA[format])
    .send(body);
}

/** The media type of each file of a version. */
const REPORT_FILE_MEDIA: Readonly<Record<ReportFileType, string>> = {
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
