/**
 * GET /api/requests/table?agencyId&year (table 三 from the cases, with `cases` ids for drill-down) and
 * GET /api/requests/dashboard?agencyId&year (request.view in the agency).
 */
import type { Static } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { authorize } from "../auth/request-auth.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import { RequestDashboard, RequestTableAnswer } from "../contract/request.contract.ts";
import type { Database } from "../db/database.ts";
import { AgencyYearQuery } from "./request.schemas.ts";
import { requestDashboard, requestTable } from "./request-report.service.ts";

/** Register the table 三 and dashboard routes. */
export function registerRequestReportRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Querystring: Static<typeof AgencyYearQuery> }>(
    "/api/requests/table",
    { schema: { querystring: AgencyYearQuery, response: { 200: RequestTableAnswer, ...ERROR_RESPONSES } } },
    async (request) => {
      await authorize(request, "request.view", request.query.agencyId);
      return requestTable(database, request.query.agencyId, request.query.year);
    },
  );

  app.get<{ Querystring: Static<typeof AgencyYearQuery> }>(
    "/api/requests/dashboard",
    { schema: { querystring: AgencyYearQuery, response: { 200: RequestDashboard, ...ERROR_RESPONSES } } },
    async (request) => {
      await authorize(request, "request.view", request.query.agencyId);
      return requestDashboard(database, request.query.agencyId, request.query.year, shanghaiDate());
    },
  );
}
