/**
 * The audit-trail API: GET /api/trail (entries of the agencies where the caller has `trail.view`, newest
 * first, filtered and paged; installation-wide entries only for a top-level 系统管理员) and
 * GET /api/trail/verify (the hash chain recomputed; top-level 系统管理员 only).
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { loadAgencyTree } from "../../auth/agency-tree.repository.ts";
import { requireAuth, visibleAgencyIds } from "../../auth/request-auth.ts";
import { ERROR_RESPONSES } from "../../contract/common.contract.ts";
import { TrailPage, TrailVerification } from "../../contract/trail.contract.ts";
import { DomainError } from "../../core/domain-error.ts";
import type { Database } from "../../db/database.ts";
import { listTrail, verifyTrail } from "../trail.repository.ts";

/** A calendar date, YYYY-MM-DD (Asia/Shanghai). */
const CalendarDate = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });

/** Query of GET /api/trail. */
const TrailQueryString = Type.Object({
  agencyId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  from: Type.Optional(CalendarDate),
  to: Type.Optional(CalendarDate),
  page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

/** The instant a calendar day begins in Asia/Shanghai (UTC+8, no daylight saving), `days` later; 400 if no such day. */
export function shanghaiDayStart(date: string, days = 0): string {
  const start = new Date(`${date}T00:00:00+08:00`);
  const [y, m, d] = date.split("-").map(Number);
  const check = new Date(Date.UTC(y ?? 0, (m ?? 0) - 1, d ?? 0));
  if (Number.isNaN(start.getTime()) || check.getUTCMonth() !== (m ?? 0) - 1 || check.getUTCDate() !== d) {
    throw new DomainError("INVALID_DATE", `日期不正确：${date}，应为 YYYY-MM-DD`);
  }
  return new Date(start.getTime() + days * 86_400_000).toISOString();
}

/** Whether the caller is 系统管理员 of a top-level agency (the installation's administrator). */
async function isTopLevelAdmin(request: FastifyRequest, database: Database): Promise<boolean> {
  const auth = requireAuth(request);
  const topLevel = new Set(
    (await loadAgencyTree(database.db)).filter((a) => a.parentId === null).map((a) => a.id),
  );
  return auth.assignments.some((a) => a.role === "system_admin" && topLevel.has(a.agencyId));
}

/** Register GET /api/trail and GET /api/trail/verify. */
export function registerTrailRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Querystring: Static<typeof TrailQueryString> }>(
    "/api/trail",
    { schema: { querystring: TrailQueryString, response: { 200: TrailPage, ...ERROR_RESPONSES } } },
    async (request): Promise<TrailPage> => {
      requireAuth(request);
      const q = request.query;
      const fromInstant = q.from === undefined ? undefined : shanghaiDayStart(q.from);
      const beforeInstant = q.to === undefined ? undefined : shanghaiDayStart(q.to, 1);
      return listTrail(database.db, {
        agencyIds: await visibleAgencyIds(request, "trail.view"),
        includeWithoutAgency: await isTopLevelAdmin(request, database),
        ...(q.agencyId === undefined ? {} : { agencyId: q.agencyId }),
        ...(q.actor === undefined ? {} : { actor: q.actor }),
        ...(q.action === undefined ? {} : { action: q.action }),
        ...(fromInstant === undefined ? {} : { fromInstant }),
        ...(beforeInstant === undefined ? {} : { beforeInstant }),
        page: q.page,
        pageSize: q.pageSize,
      });
    },
  );

  app.get(
    "/api/trail/verify",
    { schema: { response: { 200: TrailVerification, ...ERROR_RESPONSES } } },
    async (request): Promise<TrailVerification> => {
      requireAuth(request);
      if (!(await isTopLevelAdmin(request, database))) {
        throw new DomainError("FORBIDDEN", "只有最高一级机关的系统管理员可以校验审计记录");
      }
      return verifyTrail(database.db);
    },
  );
}
