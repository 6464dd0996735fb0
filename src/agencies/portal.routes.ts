/**
 * The public pages of the platform: the portal home (GET /) and each agency's 政府信息公开 column with its
 * four first-level columns. Pages are rendered on the server and work without JavaScript.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createElement, type FunctionComponent } from "react";
import type { Database } from "../db/database.ts";
import { ErrorPage } from "../web/error-page.tsx";
import { renderPage } from "../web/page-layout.tsx";
import { textSizeOf } from "../web/text-size.ts";
import type { Agency } from "./agency.repository.ts";
import { findAgency } from "./agency.repository.ts";
import { listAgencies } from "./agency.service.ts";
import {
  DisclosureIndexPage,
  type DisclosurePageProps,
  DisclosureRulesPage,
} from "./disclosure-column-pages.tsx";
import { DisclosureGuidePage } from "./disclosure-guide-page.tsx";
import { PortalHomePage } from "./portal-home-page.tsx";

/** Message of the 404 page of an unknown agency. */
export const UNKNOWN_AGENCY_MESSAGE = "找不到该机关的政府信息公开专栏，请从首页的机关列表进入";

/** The column pages by path suffix ("" is the column's front page). */
const COLUMN_PAGES: Readonly<Record<string, FunctionComponent<DisclosurePageProps>>> = {
  "": DisclosureIndexPage,
  "/guide": DisclosureGuidePage,
  "/rules": DisclosureRulesPage,
};

/** The path of the request without its query string. */
function pathOf(request: FastifyRequest): string {
  return request.url.split("?")[0] ?? "/";
}

/** Send a rendered page. */
function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  return reply.type("text/html; charset=utf-8").send(html);
}

/** The agency named by the `id` path parameter, or undefined (not a number, or no such agency). */
async function agencyOf(database: Database, id: string): Promise<Agency | undefined> {
  if (!/^[1-9]\d{0,8}$/.test(id)) return undefined;
  return findAgency(database.db, Number(id));
}

/**
 * Register GET / and GET /agencies/:id/disclosure[/guide|/rules] (/proactive: catalog.routes.ts;
 * /annual-reports: src/reports/report-public.routes.ts).
 */
export function registerPortalRoutes(app: FastifyInstance, database: Database): void {
  // Cached pages (src/web/page-cache-hooks.ts): the home lists every agency; a column shows its agency.
  app.get("/", { config: { pageCache: { shows: ["agency"], scope: "portal" } } }, async (request, reply) => {
    const agencies = await listAgencies(database);
    const page = createElement(PortalHomePage, { agencies, textSize: textSizeOf(request), returnPath: "/" });
    return sendHtml(reply, renderPage(page));
  });

  for (const [suffix, component] of Object.entries(COLUMN_PAGES)) {
    const options = { config: { pageCache: { shows: ["agency"] } } };
    app.get<{ Params: { id: string } }>(
      `/agencies/:id/disclosure${suffix}`,
      options,
      async (request, reply) => {
        const textSize = textSizeOf(request);
        const agency = await agencyOf(database, request.params.id);
        if (!agency) {
          const error = { code: "NOT_FOUND", message: UNKNOWN_AGENCY_MESSAGE };
          const page = createElement(ErrorPage, { status: 404, error, textSize, returnPath: "/" });
          return sendHtml(reply.code(404), renderPage(page));
        }
        const page = createElement(component, { agency, textSize, returnPath: pathOf(request) });
        return sendHtml(reply, renderPage(page));
      },
    );
  }
}
