/**
 * The public catalog under each agency's 法定主动公开内容 column: the front page, lists by column, by
 * 条例第二十条 item and by year, item pages with their attachments, full-text search and an Atom feed per
 * column. Server-rendered, no JavaScript; only published items ever appear.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createElement, type ReactElement } from "react";
import { type Agency, findAgency } from "../agencies/agency.repository.ts";
import { PROACTIVE_CATEGORIES } from "../core/agency/proactive-categories.ts";
import type { Database } from "../db/database.ts";
import { contentDisposition } from "../web/content-disposition.ts";
import { ErrorPage } from "../web/error-page.tsx";
import { renderPage } from "../web/page-layout.tsx";
import { textSizeOf } from "../web/text-size.ts";
import { findAttachmentContent, listAttachments } from "./attachment.repository.ts";
import { CatalogItemPage } from "./catalog-item-page.tsx";
import { CatalogIndexPage, CatalogListPage } from "./catalog-pages.tsx";
import { catalogPath } from "./catalog-parts.tsx";
import { CatalogSearchPage } from "./catalog-search-page.tsx";
import { findColumn } from "./column.repository.ts";
import { columnTree, subtreeIds } from "./column.service.ts";
import { columnFeed } from "./column-feed.ts";
import { findPublication } from "./publication.repository.ts";
import {
  countPublishedByCategory,
  countPublishedByYear,
  listPublicationPage,
  publishedPerColumn,
} from "./publication-query.repository.ts";
import { searchPublished } from "./search.service.ts";

/** Items per list page. */
const PAGE_SIZE = 20;
/** Items in a feed. */
const FEED_SIZE = 50;

/** A positive id of a path segment, or undefined. */
function idOf(text: string): number | undefined {
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : undefined;
}

/** The `page` query parameter (1 when absent or not a page number). */
function pageOf(request: FastifyRequest): number {
  const raw = (request.query as Record<string, unknown> | undefined)?.page;
  return typeof raw === "string" && /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : 1;
}

/** The frame props of a request. */
function frameOf(request: FastifyRequest) {
  return { textSize: textSizeOf(request), returnPath: request.url.split("?")[0] ?? "/" };
}

/** Sends a page. */
function sendPage(reply: FastifyReply, page: ReactElement): FastifyReply {
  return reply.type("text/html; charset=utf-8").send(renderPage(page));
}

/** Sends the 404 page. */
function notFound(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  const page = createElement(ErrorPage, {
    status: 404,
    error: { code: "NOT_FOUND", message },
    ...frameOf(request),
  });
  return sendPage(reply.code(404), page);
}

/** The origin of the site as the client reached it (for absolute links in feeds). */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

type Params = { id: string; sub?: string; attachment?: string };

/**
 * The catalog's cached pages (src/web/page-cache-hooks.ts) show the agency, its items (attachments are recorded
 * as changes of their item) and its columns; lists read `page`, and a feed's links carry the site's origin.
 * Search results and attachment files are not cached.
 */
const SHOWS = ["agency", "publication", "column"];
const CACHED = { config: { pageCache: { shows: SHOWS } } };
const CACHED_LIST = { config: { pageCache: { shows: SHOWS, query: ["page"] } } };
const CACHED_FEED = { config: { pageCache: { shows: SHOWS, vary: originOf } } };

/** Register the public catalog pages. */
export function registerCatalogRoutes(app: FastifyInstance, database: Database): void {
  /** The agency of the path, or undefined after sending 404. */
  const agencyFor = async (
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
  ): Promise<Agency | undefined> => {
    const id = idOf(request.params.id);
    const agency = id === undefined ? undefined : await findAgency(database.db, id);
    if (!agency) notFound(request, reply, "找不到该机关的政府信息公开专栏，请从首页的机关列表进入");
    return agency;
  };
  /** The columns under the agency's 法定主动公开内容 column (itself included first). */
  const proactiveColumns = async (agencyId: number) => {
    const columns = await columnTree(database, agencyId);
    const root = columns.find((c) => c.rootKind === "proactive");
    const ids = root ? subtreeIds(columns, root.id) : [];
    return { root, columns: columns.filter((c) => ids.includes(c.id)) };
  };

  app.get<{ Params: Params }>("/agencies/:id/disclosure/proactive", CACHED, async (request, reply) => {
    const agency = await agencyFor(request, reply);
    if (!agency) return reply;
    const { root, columns } = await proactiveColumns(agency.id);
    const perColumn = await publishedPerColumn(database.db, agency.id);
    const latest = await listPublicationPage(
      database.db,
      { agencyIds: [agency.id], publicOnly: true },
      { page: 1, pageSize: 10 },
    );
    return sendPage(
      reply,
      createElement(CatalogIndexPage, {
        agency,
        columns: columns
          .filter((c) => c.id !== root?.id)
          .map((c) => ({ ...c, count: perColumn.get(c.id)?.count ?? 0 })),
        categories: await countPublishedByCategory(database.db, agency.id),
        years: await countPublishedByYear(database.db, agency.id),
        latest: latest.items,
        ...frameOf(request),
      }),
    );
  });

  /** Renders a list page of published items matching the filter. */
  const listPage = async (
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    agency: Agency,
    heading: string,
    filter: { columnIds?: number[]; categoryItem?: string; year?: number },
    extra: { feed?: string } = {},
  ) => {
    const page = pageOf(request);
    const base = request.url.split("?")[0] ?? "";
    const { items, total } = await listPublicationPage(
      database.db,
      { agencyIds: [agency.id], publicOnly: true, ...filter },
      { page, pageSize: PAGE_SIZE },
    );
    return sendPage(
      reply,
      createElement(CatalogListPage, {
        agency,
        heading,
        items,
        total,
        page,
        pageSize: PAGE_SIZE,
        base,
        ...extra,
        ...frameOf(request),
      }),
    );
  };

  /** The agency and proactive column of a column URL with the agency's columns, or undefined once 404 is sent. */
  const columnFor = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const agency = await agencyFor(request, reply);
    if (!agency) return undefined;
    const { columns } = await proactiveColumns(agency.id);
    const column = columns.find((c) => c.id === idOf(request.params.sub ?? ""));
    if (!column) notFound(request, reply, "找不到该栏目");
    return column && { agency, column, columns };
  };

  app.get<{ Params: Params }>(
    "/agencies/:id/disclosure/proactive/columns/:sub",
    CACHED_LIST,
    async (request, reply) => {
      const found = await columnFor(request, reply);
      if (!found) return reply;
      const { agency, column, columns } = found;
      return listPage(
        request,
        reply,
        agency,
        column.name,
        { columnIds: subtreeIds(columns, column.id) },
        {
          feed: catalogPath(agency.id, `columns/${column.id}/feed.atom`),
        },
      );
    },
  );

  app.get<{ Params: Params }>(
    "/agencies/:id/disclosure/proactive/columns/:sub/feed.atom",
    CACHED_FEED,
    async (request, reply) => {
      const found = await columnFor(request, reply);
      if (!found) return reply;
      const { agency, column, columns } = found;
      const { items } = await listPublicationPage(
        database.db,
        { agencyIds: [agency.id], publicOnly: true, columnIds: subtreeIds(columns, column.id) },
        { page: 1, pageSize: FEED_SIZE },
      );
      return reply
        .type("application/atom+xml; charset=utf-8")
        .send(columnFeed(agency, column, items, originOf(request)));
    },
  );

  app.get<{ Params: Params }>(
    "/agencies/:id/disclosure/proactive/categories/:sub",
    CACHED_LIST,
    async (request, reply) => {
      const agency = await agencyFor(request, reply);
      if (!agency) return reply;
      const n = idOf(request.params.sub ?? "");
      const category = n === undefined ? undefined : PROACTIVE_CATEGORIES[n - 1];
      if (!category) return notFound(request, reply, "条例第二十条没有该项");
      return listPage(request, reply, agency, `条例第二十条${category.item}${category.title}`, {
        categoryItem: category.item,
      });
    },
  );

  app.get<{ Params: Params }>(
    "/agencies/:id/disclosure/proactive/years/:sub",
    CACHED_LIST,
    async (request, reply) => {
      const agency = await agencyFor(request, reply);
      if (!agency) return reply;
      const year = /^(19|20)\d\d$/.test(request.params.sub ?? "") ? Number(request.params.sub) : undefined;
      if (year === undefined) return notFound(request, reply, "年度不正确");
      return listPage(request, reply, agency, `${year} 年发布的政府信息`, { year });
    },
  );

  /** The published item of the path, or undefined after sending 404. */
  const itemFor = async (
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    agency: Agency,
  ) => {
    const id = idOf(request.params.sub ?? "");
    const item = id === undefined ? undefined : await findPublication(database.db, id);
    // Only published items exist on the public side: drafts, items under review and withdrawn ones are 404.
    if (!item || item.agencyId !== agency.id || item.status !== "published") {
      notFound(request, reply, "找不到该信息，它可能尚未发布或已被撤回");
      return undefined;
    }
    return item;
  };

  app.get<{ Params: Params }>(
    "/agencies/:id/disclosure/proactive/items/:sub",
    CACHED,
    async (request, reply) => {
      const agency = await agencyFor(request, reply);
      if (!agency) return reply;
      const item = await itemFor(request, reply, agency);
      if (!item) return reply;
      const column = await findColumn(database.db, item.columnId);
      const attachments = await listAttachments(database.db, item.id);
      return sendPage(
        reply,
        createElement(CatalogItemPage, {
          agency,
          item,
          columnName: column?.name ?? "",
          attachments,
          ...frameOf(request),
        }),
      );
    },
  );

  app.get<{ Params: Params }>(
    "/agencies/:id/disclosure/proactive/items/:sub/attachments/:attachment",
    async (request, reply) => {
      const agency = await agencyFor(request, reply);
      if (!agency) return reply;
      const item = await itemFor(request, reply, agency);
      if (!item) return reply;
      const id = idOf(request.params.attachment ?? "");
      const found = id === undefined ? undefined : await findAttachmentContent(database.db, item.id, id);
      if (!found) return notFound(request, reply, "找不到该附件");
      return reply
        .type(found.attachment.mediaType)
        .header("content-disposition", contentDisposition(found.attachment.fileName))
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(found.content));
    },
  );

  app.get<{ Params: Params }>("/agencies/:id/disclosure/proactive/search", async (request, reply) => {
    const agency = await agencyFor(request, reply);
    if (!agency) return reply;
    const raw = (request.query as Record<string, unknown> | undefined)?.q;
    const q = typeof raw === "string" ? raw : "";
    const results = await searchPublished(database, agency.id, q, pageOf(request));
    return sendPage(reply, createElement(CatalogSearchPage, { agency, results, ...frameOf(request) }));
  });
}
