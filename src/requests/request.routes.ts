/**
 * The back-office request API (docs/REQUESTS.md, "API contract"): intake, worklist, the case, one route per
 * action, attachments. Thin: parse (TypeBox, unknown fields refused) → authorize → command → present.
 * Lists show only agencies where the caller has request.view; another agency's case is 404.
 */
import type { Static } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { authorize, requestActor, requireAuth, visibleAgencyIds } from "../auth/request-auth.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import { RequestCase, RequestPage } from "../contract/request.contract.ts";
import type { Channel } from "../core/request/request-events.ts";
import { REQUEST_ACTIONS } from "../core/request/request-machine.ts";
import type { Database } from "../db/database.ts";
import { strictBody } from "../web/strict-body.ts";
import { registerCalendarRoutes } from "./calendar.routes.ts";
import { ACTION_BODIES, CaseParams, IntakeBody, WorklistQueryString } from "./request.schemas.ts";
import { casePermissions } from "./request-access.ts";
import { type ActionInput, applyRequestAction } from "./request-action.service.ts";
import { registerAttachmentRoutes } from "./request-attachment.routes.ts";
import { registerOfficeRequest } from "./request-intake.service.ts";
import { registerLedgerRoutes } from "./request-ledger.routes.ts";
import { getRequestCase, listRequests, requestAgencyId } from "./request-query.service.ts";
import { registerRequestReportRoutes } from "./request-report.routes.ts";

/** The case as the caller may see it, with the actions the caller may take. */
async function presentFor(request: FastifyRequest, database: Database, id: number, agencyId: number) {
  return getRequestCase(database, id, await casePermissions(request, agencyId), shanghaiDate());
}

/** Register every request route (intake, worklist, case, actions, attachments, table 三, dashboard, ledger) and the calendar's. */
export function registerRequestRoutes(app: FastifyInstance, database: Database): void {
  app.post<{ Body: Static<typeof IntakeBody> }>(
    "/api/requests",
    {
      ...strictBody(IntakeBody),
      schema: { body: IntakeBody, response: { 201: RequestCase, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const body = request.body;
      await authorize(request, "request.handle", body.agencyId);
      const a = body.applicant;
      const id = await registerOfficeRequest(
        database,
        {
          agencyId: body.agencyId,
          channel: body.channel as Channel,
          receivedOn: body.receivedOn,
          applicantKind: a.kind,
          applicantName: a.name,
          orgCreditCode: a.orgCreditCode ?? "",
          orgRepresentative: a.orgRepresentative ?? "",
          idType: a.idType ?? "",
          idNumber: a.idNumber ?? "",
          phone: a.phone ?? "",
          address: a.address ?? "",
          postcode: a.postcode ?? "",
          email: a.email ?? "",
          description: body.description,
          provisionForm: body.provisionForm,
          deliveryMethod: body.deliveryMethod,
          ...(body.onTheSpot ? { onTheSpot: body.onTheSpot } : {}),
        },
        requestActor(request),
        new Date(),
      );
      return reply.code(201).send(await presentFor(request, database, id, body.agencyId));
    },
  );

  app.get<{ Querystring: Static<typeof WorklistQueryString> }>(
    "/api/requests",
    { schema: { querystring: WorklistQueryString, response: { 200: RequestPage, ...ERROR_RESPONSES } } },
    async (request) => {
      const auth = requireAuth(request);
      const q = request.query;
      let agencyIds = await visibleAgencyIds(request, "request.view");
      if (q.agencyId !== undefined) {
        await authorize(request, "request.view", q.agencyId);
        agencyIds = [q.agencyId];
      }
      const [year, rowKey, column] = (q.table ?? "").split(":");
      return listRequests(
        database,
        {
          agencyIds,
          ...(q.status ? { status: q.status } : {}),
          ...(q.risk ? { risk: q.risk } : {}),
          ...(q.year ? { year: q.year } : {}),
          ...(q.q ? { q: q.q } : {}),
          ...(q.officer === "me" ? { officerId: auth.user.id } : {}),
          ...(q.table ? { table: { year: Number(year), rowKey: rowKey ?? "", column: Number(column) } } : {}),
          page: q.page,
          pageSize: q.pageSize,
        },
        shanghaiDate(),
      );
    },
  );

  app.get<{ Params: Static<typeof CaseParams> }>(
    "/api/requests/:id",
    { schema: { params: CaseParams, response: { 200: RequestCase, ...ERROR_RESPONSES } } },
    async (request) => {
      requireAuth(request);
      const agencyId = await requestAgencyId(database, request.params.id);
      await authorize(request, "request.view", agencyId);
      return presentFor(request, database, request.params.id, agencyId);
    },
  );

  for (const action of REQUEST_ACTIONS) {
    const body = ACTION_BODIES[action];
    app.post<{ Params: Static<typeof CaseParams>; Body: Record<string, unknown> }>(
      `/api/requests/:id/actions/${action}`,
      {
        ...strictBody(body),
        schema: { params: CaseParams, body, response: { 200: RequestCase, ...ERROR_RESPONSES } },
      },
      async (request) => {
        requireAuth(request);
        const id = request.params.id;
        const agencyId = await requestAgencyId(database, id);
        await authorize(
          request,
          action === "approve_extension" ? "request.approveExtension" : "request.handle",
          agencyId,
        );
        const may = await casePermissions(request, agencyId);
        const input = { action, ...request.body } as ActionInput;
        await applyRequestAction(database, id, input, requestActor(request), may, new Date());
        return presentFor(request, database, id, agencyId);
      },
    );
  }

  registerAttachmentRoutes(app, database);
  registerRequestReportRoutes(app, database);
  registerLedgerRoutes(app, database);
  registerCalendarRoutes(app, database);
}
