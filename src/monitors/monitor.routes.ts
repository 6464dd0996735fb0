/**
 * The monitor API (监测预警): GET /api/monitors (an agency's verdicts today, computed live), GET
 * /api/monitors/history (the stored days of the last `days` days, one rule or all) and GET
 * /api/monitors/overview (each agency in reach with its breaches and warnings today). Parse → authorise
 * (monitor.view) → command → present.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { findAgency } from "../agencies/agency.repository.ts";
import { authorize, visibleAgencyIds } from "../auth/request-auth.ts";
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { ERROR_RESPONSES, Id } from "../contract/common.contract.ts";
import { AgencyMonitors, MonitorHistory, MonitorOverview } from "../contract/monitor.contract.ts";
import { formatDate, parseDate } from "../core/calendar/calendar-date.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { presentVerdict } from "./monitor.presenter.ts";
import { computeMonitors, MONITOR_RULES, monitorOverview } from "./monitor.service.ts";
import { listVerdicts } from "./monitor-results.repository.ts";

const AgencyQuery = Type.Object({ agencyId: Id }, { additionalProperties: false });
const HistoryQuery = Type.Object(
  {
    agencyId: Id,
    rule: Type.Optional(Type.Union(MONITOR_RULES.map((r) => Type.Literal(r)))),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
  },
  { additionalProperties: false },
);
const OverviewQuery = Type.Object({}, { additionalProperties: false });

/** Register the monitor routes. */
export function registerMonitorRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Querystring: Static<typeof AgencyQuery> }>(
    "/api/monitors",
    { schema: { querystring: AgencyQuery, response: { 200: AgencyMonitors, ...ERROR_RESPONSES } } },
    async (request): Promise<AgencyMonitors> => {
      const { agencyId } = request.query;
      await authorize(request, "monitor.view", agencyId);
      const agency = await findAgency(database.db, agencyId);
      if (!agency) throw new DomainError("NOT_FOUND");
      const day = shanghaiDate();
      const verdicts = await computeMonitors(database, agencyId, day, await effectiveCalendar(database));
      return { agencyId, agencyName: agency.name, day, monitors: verdicts.map(presentVerdict) };
    },
  );

  app.get<{ Querystring: Static<typeof HistoryQuery> }>(
    "/api/monitors/history",
    { schema: { querystring: HistoryQuery, response: { 200: MonitorHistory, ...ERROR_RESPONSES } } },
    async (request): Promise<MonitorHistory> => {
      const { agencyId, rule } = request.query;
      await authorize(request, "monitor.view", agencyId);
      const to = shanghaiDate();
      const from = formatDate(parseDate(to) - (request.query.days ?? 30) + 1);
      const stored = await listVerdicts(database.db, agencyId, { from, to, ...(rule ? { rule } : {}) });
      const days = stored.map((v) => ({ ...v, items: [...v.items] }));
      return { agencyId, from, to, rules: rule ? [rule] : [...MONITOR_RULES], days };
    },
  );

  app.get(
    "/api/monitors/overview",
    { schema: { querystring: OverviewQuery, response: { 200: MonitorOverview, ...ERROR_RESPONSES } } },
    async (request): Promise<MonitorOverview> => {
      const ids = await visibleAgencyIds(request, "monitor.view");
      const day = shanghaiDate();
      const lines = await monitorOverview(database, ids, day, await effectiveCalendar(database));
      const agencies = lines.map((l) => ({
        ...l,
        breachedRules: [...l.breachedRules],
        warningRules: [...l.warningRules],
      }));
      return { day, agencies };
    },
  );
}
