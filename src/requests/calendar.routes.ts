/**
 * GET/PUT /api/calendar/:year: a year's working-day schedule. Changing it is for a 系统管理员 of a top-level
 * agency (calendar.manage there): the calendar is the installation's, not one department's.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { loadAgencyTree } from "../auth/agency-tree.repository.ts";
import { requestActor, requireAuth, visibleAgencyIds } from "../auth/request-auth.ts";
import { CalendarYear, CalendarYearSaved } from "../contract/calendar.contract.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { strictBody } from "../web/strict-body.ts";
import { type CalendarYearView, getCalendarYear, saveCalendarYear } from "./calendar-admin.service.ts";

const YearParams = Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 2200 }) });
const DateList = Type.Array(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" }), { maxItems: 366 });
const ScheduleBody = Type.Object(
  {
    holidays: DateList,
    workdays: DateList,
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

/** Throws 403 unless the caller holds calendar.manage in a top-level agency. */
async function requireCalendarManager(request: FastifyRequest, database: Database): Promise<void> {
  requireAuth(request);
  const roots = new Set(
    (await loadAgencyTree(database.db)).filter((a) => a.parentId === null).map((a) => a.id),
  );
  const managed = await visibleAgencyIds(request, "calendar.manage");
  if (!managed.some((id) => roots.has(id))) {
    throw new DomainError("FORBIDDEN", "只有顶级机关的系统管理员可以录入节假日安排");
  }
}

/** A year's schedule as the contract's CalendarYear. */
function presentYear(view: CalendarYearView): CalendarYear {
  const { year, holidays, workdays, source, enteredBy, createdAt } = view;
  return { year, holidays: [...holidays], workdays: [...workdays], source, enteredBy, createdAt };
}

/** Register the calendar routes. */
export function registerCalendarRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Params: Static<typeof YearParams> }>(
    "/api/calendar/:year",
    { schema: { params: YearParams, response: { 200: CalendarYear, ...ERROR_RESPONSES } } },
    async (request): Promise<CalendarYear> => {
      requireAuth(request);
      return presentYear(await getCalendarYear(database, request.params.year));
    },
  );

  app.put<{ Params: Static<typeof YearParams>; Body: Static<typeof ScheduleBody> }>(
    "/api/calendar/:year",
    {
      ...strictBody(ScheduleBody),
      schema: {
        params: YearParams,
        body: ScheduleBody,
        response: { 200: CalendarYearSaved, ...ERROR_RESPONSES },
      },
    },
    async (request): Promise<CalendarYearSaved> => {
      await requireCalendarManager(request, database);
      const { year } = request.params;
      const b = request.body;
      const schedule = {
        year,
        holidays: b.holidays,
        workdays: b.workdays,
        source: b.source ?? `entered-${year}`,
      };
      const saved = await saveCalendarYear(database, schedule, requestActor(request), new Date());
      return { ...presentYear(saved), moved: [...saved.moved], refused: [...saved.refused] };
    },
  );
}
