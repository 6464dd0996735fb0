/**
 * The public decision pages (双公示): GET /agencies/:id/disclosure/decisions (list, with kind/year/page in the
 * query) and GET /agencies/:id/disclosure/decisions/:decisionId. Only published decisions are shown, through
 * the public presenter; with the S-2 [M] setting on, penalties past their display period are taken down.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createElement } from "react";
import { findAgency } from "../agencies/agency.repository.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { ErrorBody } from "../contract/common.contract.ts";
import { HtmlPage } from "../contract/site.contract.ts";
import { DECISION_KINDS, type DecisionKind } from "../core/registry/decision-kinds.ts";
import { isOnShow, S2_DISPLAY_MONTHS, s2TakenDownUpTo } from "../core/registry/decision-publication.ts";
import type { Database } from "../db/database.ts";
import { ErrorPage } from "../web/error-page.tsx";
import { renderPage } from "../web/page-layout.tsx";
import { textSizeOf } from "../web/text-size.ts";
import { presentPublicDecision } from "./decision.presenter.ts";
import { findDecision, listPublicDecisions } from "./decision.repository.ts";
import { DecisionDetailPage } from "./decision-detail-page.tsx";
import { DecisionListPage } from "./decision-list-page.tsx";
import { s2Enabled } from "./registry-settings.repository.ts";

/** Decisions per page of the public list. */
export const PUBLIC_DECISION_PAGE_SIZE = 20;

/** The path without its query string. */
function pathOf(request: FastifyRequest): string {
  return request.url.split("?")[0] ?? "/";
}

/** A 404 page with the message. */
function notFound(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  const error = { code: "NOT_FOUND", message };
  const page = createElement(ErrorPage, {
    status: 404,
    error,
    textSize: textSizeOf(request),
    returnPath: "/",
  });
  return reply.code(404).type("text/html; charset=utf-8").send(renderPage(page));
}

/** A positive integer path or query value, or undefined. */
function positive(text: unknown, max = 2_147_483_647): number | undefined {
  if (typeof text !== "string" || !/^[1-9]\d{0,9}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/** Route options of a public page: HTML; a refusal to a client not asking for HTML is `{ code, message }`. */
const PAGE = { schema: { response: { 200: HtmlPage, "4xx": ErrorBody } } };

/**
 * How the decision pages are cached: they show the agency, its decisions and its S-2 setting, and what is on
 * show depends on today (Asia/Shanghai), so the day is part of the key.
 */
const CACHED = { shows: ["agency", "decision", "registry_settings"], vary: () => shanghaiDate() };

/** Register the public decision pages. */
export function registerDecisionPortalRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
    "/agencies/:id/disclosure/decisions",
    { ...PAGE, config: { pageCache: { ...CACHED, query: ["kind", "year", "page"] } } },
    async (request, reply) => {
      const agencyId = positive(request.params.id);
      const agency = agencyId === undefined ? undefined : await findAgency(database.db, agencyId);
      if (!agency) return notFound(request, reply, "找不到该机关的政府信息公开专栏，请从首页的机关列表进入");
      const q = request.query;
      const kind = DECISION_KINDS.find((k) => k === q.kind) as DecisionKind | undefined;
      const yearValue = positive(q.year, 2200);
      const year = yearValue !== undefined && yearValue >= 2000 ? yearValue : undefined;
      const page = positive(q.page, 100_000) ?? 1;
      const today = shanghaiDate();
      const displayPeriods = await s2Enabled(database.db, agency.id);
      const takenDownUpTo = displayPeriods
        ? {
            ordinary: s2TakenDownUpTo(today, S2_DISPLAY_MONTHS.ordinary.max),
            serious: s2TakenDownUpTo(today, S2_DISPLAY_MONTHS.serious.max),
          }
        : null;
      const { items, total } = await listPublicDecisions(database.db, agency.id, {
        kind,
        year,
        today,
        takenDownUpTo,
        offset: (page - 1) * PUBLIC_DECISION_PAGE_SIZE,
        limit: PUBLIC_DECISION_PAGE_SIZE,
      });
      const element = createElement(DecisionListPage, {
        agency,
        decisions: items.map(presentPublicDecision),
        total,
        page,
        pageSize: PUBLIC_DECISION_PAGE_SIZE,
        kind,
        year,
        displayPeriods,
        textSize: textSizeOf(request),
        returnPath: pathOf(request),
      });
      return reply.type("text/html; charset=utf-8").send(renderPage(element));
    },
  );

  app.get<{ Params: { id: string; decisionId: string } }>(
    "/agencies/:id/disclosure/decisions/:decisionId",
    { ...PAGE, config: { pageCache: CACHED } },
    async (request, reply) => {
      const agencyId = positive(request.params.id);
      const decisionId = positive(request.params.decisionId);
      const agency = agencyId === undefined ? undefined : await findAgency(database.db, agencyId);
      const decision = decisionId === undefined ? undefined : await findDecision(database.db, decisionId);
      const today = shanghaiDate();
      const shown =
        agency !== undefined &&
        decision !== undefined &&
        decision.agencyId === agency.id &&
        isOnShow(decision, today, await s2Enabled(database.db, agency.id));
      if (!shown || !agency || !decision)
        return notFound(request, reply, "找不到该决定信息，或该信息已不在公示期内");
      const element = createElement(DecisionDetailPage, {
        agency,
        decision: presentPublicDecision(decision),
        textSize: textSizeOf(request),
        returnPath: pathOf(request),
      });
      return reply.type("text/html; charset=utf-8").send(renderPage(element));
    },
  );
}
