/**
 * Routes of the site itself: health check, the stylesheet, and the 大字模式 switch.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { databaseState } from "../db/database-health.repository.ts";
import { SITE_CSS } from "../web/site-styles.ts";
import { parseTextSize, safeReturnPath, textSizeCookie } from "../web/text-size.ts";

/** Answer of GET /healthz: the database's state when the server has one (503 while it is unavailable). */
const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("degraded")]),
  database: Type.Optional(Type.Union([Type.Literal("ok"), Type.Literal("unavailable")])),
});

/** Query of GET /text-size. */
const TextSizeQuery = Type.Object({
  size: Type.Union([Type.Literal("large"), Type.Literal("normal")]),
  back: Type.Optional(Type.String({ maxLength: 2000 })),
});

/** Register GET /healthz, GET /assets/site.css and GET /text-size. */
export function registerSiteRoutes(app: FastifyInstance): void {
  app.get(
    "/healthz",
    { schema: { response: { 200: HealthSchema, 503: HealthSchema } } },
    async (_request, reply) => {
      // app.database is decorated after these routes are registered; it is read per request.
      if (!app.database) return { status: "ok" as const };
      const database = await databaseState(app.database.db);
      if (database === "ok") return { status: "ok" as const, database };
      return reply.code(503).send({ status: "degraded" as const, database });
    },
  );

  app.get("/assets/site.css", async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(SITE_CSS),
  );

  app.get<{ Querystring: Static<typeof TextSizeQuery> }>(
    "/text-size",
    { schema: { querystring: TextSizeQuery } },
    async (request, reply) => {
      const size = parseTextSize(request.query.size) ?? "normal";
      return reply
        .header("set-cookie", textSizeCookie(size))
        .redirect(safeReturnPath(request.query.back), 303);
    },
  );
}
