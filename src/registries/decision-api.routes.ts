/**
 * The decision API (registry.view / registry.manage): list, read, enter, change, import (XLSX/CSV, all rows or
 * none), the import template, and the S-1 (双公示 7 working days) watch list.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { authorize, requestActor, requireAuth } from "../auth/request-auth.ts";
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import {
  AdminDecision,
  DecisionPage,
  ImportAnswer,
  ImportRejectedBody,
  S1Answer,
} from "../contract/registry.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import { DECISION_KINDS, PARTY_KINDS } from "../core/registry/decision-kinds.ts";
import { DECISION_COLUMNS, isCalendarDate } from "../core/registry/decision-row.ts";
import { REGISTRY_ERRORS } from "../core/registry/registry-errors.ts";
import type { Database } from "../db/database.ts";
import { contentDisposition } from "../web/content-disposition.ts";
import { strictBody } from "../web/strict-body.ts";
import { presentAdminDecision } from "./decision.presenter.ts";
import { findDecision, listDecisions } from "./decision.repository.ts";
import { changeDecision, createDecision, type DecisionInput, importDecisions } from "./decision.service.ts";
import { ImportRejected } from "./import-rejected.ts";
import { templateCsv, templateXlsx } from "./register-file.ts";
import {
  AgencyQuery,
  CalendarDate,
  Id,
  IdParams,
  type IdParamsType,
  loadAuthorized,
  Text,
  uploadedFile,
  Year,
} from "./registry-route-support.ts";

const Nullable = <T extends import("@sinclair/typebox").TSchema>(t: T) => Type.Union([t, Type.Null()]);

const DecisionFields = {
  kind: Type.Union(DECISION_KINDS.map((k) => Type.Literal(k))),
  docNo: Type.String({ minLength: 1, maxLength: 100 }),
  matter: Type.String({ minLength: 1, maxLength: 200 }),
  content: Type.String({ minLength: 1, maxLength: 2000 }),
  decidedOn: CalendarDate,
  validFrom: Nullable(CalendarDate),
  validUntil: Nullable(CalendarDate),
  authority: Type.String({ minLength: 1, maxLength: 100 }),
  authorityCreditCode: Text(40),
  partyKind: Type.Union(PARTY_KINDS.map((k) => Type.Literal(k))),
  partyName: Type.String({ minLength: 1, maxLength: 200 }),
  partyCreditCode: Text(40),
  legalRepresentative: Text(50),
  idType: Text(30),
  idNumber: Text(40),
  serious: Type.Boolean(),
  publishedOn: Nullable(CalendarDate),
};
const OPTIONAL = new Set([
  "validFrom",
  "validUntil",
  "authorityCreditCode",
  "partyCreditCode",
  "legalRepresentative",
  "idType",
  "idNumber",
  "serious",
  "publishedOn",
]);

/** Body of POST /api/registries/decisions. */
const CreateBody = Type.Object(
  {
    agencyId: Id,
    ...Object.fromEntries(
      Object.entries(DecisionFields).map(([k, v]) => [k, OPTIONAL.has(k) ? Type.Optional(v) : v]),
    ),
  },
  { additionalProperties: false },
);
/** Body of PATCH /api/registries/decisions/:id. */
const UpdateBody = Type.Partial(Type.Object(DecisionFields), {
  additionalProperties: false,
  minProperties: 1,
});

/** Query of GET /api/registries/decisions. */
const ListQuery = Type.Object(
  {
    agencyId: Id,
    kind: Type.Optional(Type.Union(DECISION_KINDS.map((k) => Type.Literal(k)))),
    year: Type.Optional(Year),
    unpublished: Type.Optional(Type.Boolean()),
    page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
/** Query of GET /api/registries/decisions/s1. */
const S1Query = Type.Object(
  { agencyId: Id, asOf: Type.Optional(CalendarDate) },
  { additionalProperties: false },
);

/** Register the decision API routes. */
export function registerDecisionApiRoutes(app: FastifyInstance, database: Database): void {
  /** The calendar in force (bundled schedules with the years an administrator entered, R-WD-4). */
  const calendar = () => effectiveCalendar(database);

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    "/api/registries/decisions",
    { schema: { querystring: ListQuery, response: { 200: DecisionPage, ...ERROR_RESPONSES } } },
    async (request): Promise<DecisionPage> => {
      const { agencyId, kind, year, unpublished, page, pageSize } = request.query;
      await authorize(request, "registry.view", agencyId);
      const filter = { kind, year, unpublished, offset: (page - 1) * pageSize, limit: pageSize };
      const { items, total } = await listDecisions(database.db, agencyId, filter);
      const today = shanghaiDate();
      const cal = await calendar();
      return { items: items.map((d) => presentAdminDecision(d, today, cal)), total, page, pageSize };
    },
  );

  const download = { schema: { response: { ...ERROR_RESPONSES } } };
  app.get("/api/registries/decisions/template.xlsx", download, async (request, reply) => {
    requireAuth(request);
    return reply
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", contentDisposition("行政决定导入模板.xlsx"))
      .send(await templateXlsx("行政决定", DECISION_COLUMNS));
  });

  app.get("/api/registries/decisions/template.csv", download, async (request, reply) => {
    requireAuth(request);
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", contentDisposition("行政决定导入模板.csv"))
      .send(templateCsv(DECISION_COLUMNS));
  });

  app.get<{ Querystring: Static<typeof S1Query> }>(
    "/api/registries/decisions/s1",
    { schema: { querystring: S1Query, response: { 200: S1Answer, ...ERROR_RESPONSES } } },
    async (request): Promise<S1Answer> => {
      const { agencyId } = request.query;
      const asOf = request.query.asOf ?? shanghaiDate();
      if (!isCalendarDate(asOf)) throw new DomainError("INVALID_DATE", `日期“${asOf}”无效，应为 YYYY-MM-DD`);
      await authorize(request, "registry.view", agencyId);
      const { items } = await listDecisions(database.db, agencyId, { kinds: ["licensing", "penalty"] });
      const cal = await calendar();
      const flagged = items
        .map((d) => presentAdminDecision(d, asOf, cal))
        .filter((d) => ["late", "overdue", "dueSoon"].includes(d.s1.status))
        .map((d) => ({
          id: d.id,
          docNo: d.docNo,
          kind: d.kind,
          kindName: d.kindName,
          decidedOn: d.decidedOn,
          publishedOn: d.publishedOn,
          ...d.s1,
        }));
      const count = (s: string) => flagged.filter((d) => d.status === s).length;
      return {
        asOf,
        items: flagged,
        overdue: count("overdue"),
        dueSoon: count("dueSoon"),
        late: count("late"),
      };
    },
  );

  app.get<{ Params: IdParamsType }>(
    "/api/registries/decisions/:id",
    { schema: { params: IdParams, response: { 200: AdminDecision, ...ERROR_RESPONSES } } },
    async (request): Promise<AdminDecision> => {
      const decision = await loadAuthorized(request, "registry.view", () =>
        findDecision(database.db, request.params.id),
      );
      const cal = await calendar();
      return presentAdminDecision(decision, shanghaiDate(), cal);
    },
  );

  app.post<{ Body: { agencyId: number } & DecisionInput }>(
    "/api/registries/decisions",
    {
      ...strictBody(CreateBody),
      schema: { body: CreateBody, response: { 201: AdminDecision, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const { agencyId, ...input } = request.body;
      await authorize(request, "registry.manage", agencyId);
      const created = await createDecision(database, agencyId, input, requestActor(request));
      const cal = await calendar();
      return reply.code(201).send(presentAdminDecision(created, shanghaiDate(), cal));
    },
  );

  app.patch<{ Params: IdParamsType; Body: Partial<DecisionInput> }>(
    "/api/registries/decisions/:id",
    {
      ...strictBody(UpdateBody),
      schema: { params: IdParams, body: UpdateBody, response: { 200: AdminDecision, ...ERROR_RESPONSES } },
    },
    async (request): Promise<AdminDecision> => {
      const before = await loadAuthorized(request, "registry.manage", () =>
        findDecision(database.db, request.params.id),
      );
      const after = await changeDecision(database, before, request.body, requestActor(request));
      const cal = await calendar();
      return presentAdminDecision(after, shanghaiDate(), cal);
    },
  );

  app.post<{ Querystring: Static<typeof AgencyQuery> }>(
    "/api/registries/decisions/import",
    {
      schema: {
        querystring: AgencyQuery,
        response: { 201: ImportAnswer, ...ERROR_RESPONSES, 422: ImportRejectedBody },
      },
    },
    async (request, reply) => {
      await authorize(request, "registry.manage", request.query.agencyId);
      const file = await uploadedFile(request);
      try {
        const result = await importDecisions(database, request.query.agencyId, file, requestActor(request));
        return reply.code(201).send(result);
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        const { status, message } = REGISTRY_ERRORS.IMPORT_REJECTED;
        return reply.code(status).send({ code: "IMPORT_REJECTED", message, problems: error.problems });
      }
    },
  );
}
