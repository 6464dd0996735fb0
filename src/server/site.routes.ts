/**
 * Routes of the site itself: health check, the stylesheet, and the 大字模式 switch.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import { Health, SiteStylesheet, TextSizeRedirect } from "../contract/site.contract.ts";
import { databaseState } from "../db/database-health.repository.ts";
import { SITE_CSS } from "../web/site-styles.ts";
import { parseTextSize, safeReturnPath, textSizeCookie } from "../web/text-size.ts";

/** Query of GET /text-size. */
const TextSizeQuery = Type.Object({
  size: Type.Union([Type.Literal("large"), Type.Literal("normal")]),
  back: Type.Optional(Type.String({ maxLength: 2000 })),
});

/** Register GET /healthz, GET /assets/site.css and GET /text-size. */
export function registerSiteRoutes(app: FastifyInstance): void {
  app.get("/healthz", { schema: { response: { 200: Health, 503: Health } } }, async (_request, reply) => {
    // app.database is decorated after these routes are registered; it is read per request.
    if (!app.database) return { status: "ok" } satisfies Health;
    const database = await databaseState(app.database.db);
    if (database === "ok") return { status: "ok", database } satisfies Health;
    return reply.code(503).send({ status: "degraded", database } satisfies Health);
  });

  app.get("/assets/site.css", { schema: { response: { 200: SiteStylesheet } } }, async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(SITE_CSS),
  );

  app.get<{ Querystring: Static<typeof TextSizeQuery> }>(
    "/text-size",
    { schema: { querystring: TextSizeQuery, response: { 303: TextSizeRedirect, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      const size = parseTextSize(request.query.size) ?? "normal";
      return reply
        .header("set-cookie", textSizeCookie(size))
        .redirect(safeReturnPath(request.query.back), 303);
    },
  );
}
