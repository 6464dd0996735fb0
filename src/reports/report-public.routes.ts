/**
 * The public 政府信息公开年报 column: GET /agencies/:id/disclosure/annual-reports (the list),
 * …/annual-reports/:year[?version=N] (a report as a page) and …/annual-reports/:year/v{N}.{docx|pdf|xlsx|html}
 * (its files as published). Only published versions are ever shown.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createElement } from "react";
import { type Agency, findAgency } from "../agencies/agency.repository.ts";
import { ErrorBody } from "../contract/common.contract.ts";
import { HtmlPage } from "../contract/site.contract.ts";
import type { AnnualReport } from "../core/report/report-model.ts";
import type { Database } from "../db/database.ts";
import { ErrorPage } from "../web/error-page.tsx";
import { renderPage } from "../web/page-layout.tsx";
import { textSizeOf } from "../web/text-size.ts";
import { sendVersionFile } from "./report.routes.ts";
import { REPORT_FILE_TYPES, type ReportFileType } from "./report-files.ts";
import { type PublishedVersion, ReportListPage, ReportPage } from "./report-pages.tsx";
import { findVersion, listVersions } from "./report-records.repository.ts";

/** The answer of a public page: HTML; a refusal to a client not asking for HTML is `{ code, message }`. */
const PAGE = { schema: { response: { 200: HtmlPage, "4xx": ErrorBody } } };

/** What the cached report pages show: a published or corrected report drops them (src/web/page-cache-hooks.ts). */
const REPORT_PAGE_SHOWS = ["agency", "report"];

/** Send a rendered page. */
function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  return reply.type("text/html; charset=utf-8").send(html);
}

/** A 404 page with a message. */
function notFound(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  const page = createElement(ErrorPage, {
    status: 404,
    error: { code: "NOT_FOUND", message },
    textSize: textSizeOf(request),
    returnPath: "/",
  });
  return sendHtml(reply.code(404), renderPage(page));
}

/** A positive integer path segment, or undefined. */
function positive(text: string | undefined, max: number): number | undefined {
  if (!text || !/^[1-9]\d{0,8}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/** The public list form of version rows. */
function published(rows: Awaited<ReturnType<typeof listVersions>>): PublishedVersion[] {
  return rows.map((r) => ({ year: r.year, version: r.version, publishedOn: r.published_on, note: r.note }));
}

/** Register the public annual-report routes. */
export function registerReportPublicRoutes(app: FastifyInstance, database: Database): void {
  const agencyOf = async (id: string): Promise<Agency | undefined> => {
    const n = positive(id, 2_147_483_647);
    return n === undefined ? undefined : findAgency(database.db, n);
  };
  const unknownAgency = "找不到该机关的政府信息公开专栏，请从首页的机关列表进入";

  app.get<{ Params: { id: string } }>(
    "/agencies/:id/disclosure/annual-reports",
    { ...PAGE, config: { pageCache: { shows: REPORT_PAGE_SHOWS } } },
    async (request, reply) => {
      const agency = await agencyOf(request.params.id);
      if (!agency) return notFound(request, reply, unknownAgency);
      const versions = published(await listVersions(database.db, agency.id));
      const page = createElement(ReportListPage, {
        agency,
        versions: [...versions].sort((a, b) => a.year - b.year || a.version - b.version),
        textSize: textSizeOf(request),
        returnPath: request.url.split("?")[0] ?? "/",
      });
      return sendHtml(reply, renderPage(page));
    },
  );

  app.get<{ Params: { id: string; year: string }; Querystring: { version?: string } }>(
    "/agencies/:id/disclosure/annual-reports/:year",
    { ...PAGE, config: { pageCache: { shows: REPORT_PAGE_SHOWS, query: ["version"] } } },
    async (request, reply) => {
      const agency = await agencyOf(request.params.id);
      if (!agency) return notFound(request, reply, unknownAgency);
      const year = positive(request.params.year, 2100);
      const versions = year ? published(await listVersions(database.db, agency.id, year)) : [];
      const wanted = positive(request.query.version, 10_000);
      const shown = wanted ? versions.find((v) => v.version === wanted) : versions.at(-1);
      const row = shown && year ? await findVersion(database.db, agency.id, year, shown.version) : undefined;
      if (!shown || !row) return notFound(request, reply, "该年度的政府信息公开工作年度报告尚未发布");
      const page = createElement(ReportPage, {
        agency,
        report: JSON.parse(row.model_json) as AnnualReport,
        shown,
        versions,
        textSize: textSizeOf(request),
        returnPath: request.url.split("?")[0] ?? "/",
      });
      return sendHtml(reply, renderPage(page));
    },
  );

  app.get<{ Params: { id: string; year: string; file: string } }>(
    "/agencies/:id/disclosure/annual-reports/:year/:file",
    async (request, reply) => {
      const agency = await agencyOf(request.params.id);
      const year = positive(request.params.year, 2100);
      const match = /^v([1-9]\d{0,3})\.([a-z]+)$/.exec(request.params.file);
      const type = match?.[2] as ReportFileType | undefined;
      if (!agency || !year || !match || !type || !REPORT_FILE_TYPES.includes(type)) {
        return notFound(request, reply, "找不到该文件");
      }
      const row = await findVersion(database.db, agency.id, year, Number(match[1]));
      if (!row) return notFound(request, reply, "找不到该文件");
      return sendVersionFile(reply, row, type);
    },
  );
}
