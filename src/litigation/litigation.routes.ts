/**
 * The litigation API (registry.view / registry.manage): reconsideration and litigation cases about disclosure
 * — GET/POST /api/litigation, GET/PATCH /api/litigation/:id, and table 四 with drill-down at
 * GET /api/litigation/table.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { authorize, requestActor } from "../auth/request-auth.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import {
  ReviewCaseList,
  ReviewCase as ReviewCaseView,
  Table4Result,
} from "../contract/litigation.contract.ts";
import {
  REVIEW_CASE_KIND_NAMES,
  REVIEW_CASE_KINDS,
  REVIEW_RESULT_NAMES,
  REVIEW_RESULTS,
} from "../core/registry/review-counts.ts";
import type { Database } from "../db/database.ts";
import {
  AgencyOptionalYearQuery,
  AgencyYearQuery,
  CalendarDate,
  Id,
  IdParams,
  type IdParamsType,
  loadAuthorized,
  Text,
} from "../registries/registry-route-support.ts";
import { strictBody } from "../web/strict-body.ts";
import {
  findReviewCase,
  listReviewCases,
  type ReviewCase,
  type ReviewCaseValues,
} from "./litigation.repository.ts";
import { changeReviewCase, createReviewCase } from "./litigation.service.ts";
import { computeTable4 } from "./table4.ts";

const CaseFields = {
  requestId: Type.Union([Id, Type.Null()]),
  kind: Type.Union(REVIEW_CASE_KINDS.map((k) => Type.Literal(k))),
  caseNo: Text(100),
  applicantName: Text(200),
  filedOn: CalendarDate,
  decidedOn: Type.Union([CalendarDate, Type.Null()]),
  result: Type.Union([...REVIEW_RESULTS.map((r) => Type.Literal(r)), Type.Null()]),
  note: Text(1000),
};

/** Body of POST /api/litigation. */
const CreateBody = Type.Object(
  {
    agencyId: Id,
    kind: CaseFields.kind,
    filedOn: CaseFields.filedOn,
    requestId: Type.Optional(CaseFields.requestId),
    caseNo: Type.Optional(CaseFields.caseNo),
    applicantName: Type.Optional(CaseFields.applicantName),
    decidedOn: Type.Optional(CaseFields.decidedOn),
    result: Type.Optional(CaseFields.result),
    note: Type.Optional(CaseFields.note),
  },
  { additionalProperties: false },
);
/** Body of PATCH /api/litigation/:id. */
const UpdateBody = Type.Partial(Type.Object(CaseFields), { additionalProperties: false, minProperties: 1 });

/** The API view of a case. */
function present(c: ReviewCase): ReviewCaseView {
  return {
    ...c,
    kindName: REVIEW_CASE_KIND_NAMES[c.kind],
    resultName: REVIEW_RESULT_NAMES[c.result ?? "pending"],
  };
}

/** Register the litigation routes. */
export function registerLitigationRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Querystring: Static<typeof AgencyYearQuery> }>(
    "/api/litigation/table",
    { schema: { querystring: AgencyYearQuery, response: { 200: Table4Result, ...ERROR_RESPONSES } } },
    async (request): Promise<Table4Result> => {
      await authorize(request, "registry.view", request.query.agencyId);
      return computeTable4(database.db, request.query.agencyId, request.query.year);
    },
  );

  app.get<{ Querystring: Static<typeof AgencyOptionalYearQuery> }>(
    "/api/litigation",
    {
      schema: { querystring: AgencyOptionalYearQuery, response: { 200: ReviewCaseList, ...ERROR_RESPONSES } },
    },
    async (request): Promise<ReviewCaseList> => {
      await authorize(request, "registry.view", request.query.agencyId);
      return {
        items: (await listReviewCases(database.db, request.query.agencyId, request.query.year)).map(present),
      };
    },
  );

  app.get<{ Params: IdParamsType }>(
    "/api/litigation/:id",
    { schema: { params: IdParams, response: { 200: ReviewCaseView, ...ERROR_RESPONSES } } },
    async (request) =>
      present(
        await loadAuthorized(request, "registry.view", () => findReviewCase(database.db, request.params.id)),
      ),
  );

  app.post<{ Body: Static<typeof CreateBody> }>(
    "/api/litigation",
    {
      ...strictBody(CreateBody),
      schema: { body: CreateBody, response: { 201: ReviewCaseView, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const { agencyId, ...b } = request.body;
      await authorize(request, "registry.manage", agencyId);
      const values: ReviewCaseValues = {
        requestId: b.requestId ?? null,
        kind: b.kind,
        caseNo: b.caseNo ?? "",
        applicantName: b.applicantName ?? "",
        filedOn: b.filedOn,
        decidedOn: b.decidedOn ?? null,
        result: b.result ?? null,
        note: b.note ?? "",
      };
      return reply
        .code(201)
        .send(present(await createReviewCase(database, agencyId, values, requestActor(request))));
    },
  );

  app.patch<{ Params: IdParamsType; Body: Partial<ReviewCaseValues> }>(
    "/api/litigation/:id",
    {
      ...strictBody(UpdateBody),
      schema: { params: IdParams, body: UpdateBody, response: { 200: ReviewCaseView, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const before = await loadAuthorized(request, "registry.manage", () =>
        findReviewCase(database.db, request.params.id),
      );
      return present(await changeReviewCase(database, before, request.body, requestActor(request)));
    },
  );
}
