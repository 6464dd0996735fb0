/**
 * The registry API (registry.view / registry.manage): the register of 规章 and 行政规范性文件
 * (/api/registries/regulations, with XLSX/CSV import and template), the yearly summary = table 二 with drill-down (/api/registries/summary), and
 * the S-2 [M] setting (/api/registries/settings).
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { authorize, requestActor, requireAuth } from "../auth/request-auth.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import {
  ImportAnswer,
  ImportRejectedBody,
  RegistrySettings,
  RegulationList,
  Regulation as RegulationView,
  Table2Result,
} from "../contract/registry.contract.ts";
import { REGISTRY_ERRORS } from "../core/registry/registry-errors.ts";
import { REGULATION_COLUMNS } from "../core/registry/regulation-row.ts";
import { RULE_KIND_NAMES, RULE_KINDS, VALIDITIES, VALIDITY_NAMES } from "../core/registry/rule-counts.ts";
import type { Database } from "../db/database.ts";
import { contentDisposition } from "../web/content-disposition.ts";
import { strictBody } from "../web/strict-body.ts";
import { ImportRejected } from "./import-rejected.ts";
import { templateCsv, templateXlsx } from "./register-file.ts";
import {
  AgencyQuery,
  AgencyYearQuery,
  CalendarDate,
  Id,
  IdParams,
  type IdParamsType,
  loadAuthorized,
  uploadedFile,
} from "./registry-route-support.ts";
import { s2DisplayPeriodsOf, setS2DisplayPeriods } from "./registry-settings.service.ts";
import { findRegulation, listRegulations, type Regulation } from "./regulation.repository.ts";
import { changeRegulation, createRegulation, importRegulations } from "./regulation.service.ts";
import { computeTable2 } from "./table2.ts";

const RegulationFields = {
  kind: Type.Union(RULE_KINDS.map((k) => Type.Literal(k))),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  docNo: Type.String({ minLength: 1, maxLength: 100 }),
  issuedOn: CalendarDate,
  abolishedOn: Type.Union([CalendarDate, Type.Null()]),
  validity: Type.Union(VALIDITIES.map((v) => Type.Literal(v))),
};

/** Body of POST /api/registries/regulations. */
const CreateRegulationBody = Type.Object(
  { agencyId: Id, ...RegulationFields, abolishedOn: Type.Optional(RegulationFields.abolishedOn) },
  { additionalProperties: false },
);
/** Body of PATCH /api/registries/regulations/:id. */
const UpdateRegulationBody = Type.Partial(Type.Object(RegulationFields, { additionalProperties: false }), {
  additionalProperties: false,
  minProperties: 1,
});
/** Body of PUT /api/registries/settings. */
const SettingsBody = Type.Object(
  { agencyId: Id, s2DisplayPeriods: Type.Boolean() },
  { additionalProperties: false },
);

/** The API view of a register entry. */
function present(r: Regulation): RegulationView {
  return { ...r, kindName: RULE_KIND_NAMES[r.kind], validityName: VALIDITY_NAMES[r.validity] };
}

/** Register the regulation, summary and settings routes. */
export function registerRegistryRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Querystring: Static<typeof AgencyQuery> }>(
    "/api/registries/regulations",
    { schema: { querystring: AgencyQuery, response: { 200: RegulationList, ...ERROR_RESPONSES } } },
    async (request): Promise<RegulationList> => {
      await authorize(request, "registry.view", request.query.agencyId);
      return { items: (await listRegulations(database.db, request.query.agencyId)).map(present) };
    },
  );

  app.get<{ Params: IdParamsType }>(
    "/api/registries/regulations/:id",
    { schema: { params: IdParams, response: { 200: RegulationView, ...ERROR_RESPONSES } } },
    async (request) =>
      present(
        await loadAuthorized(request, "registry.view", () => findRegulation(database.db, request.params.id)),
      ),
  );

  app.post<{ Body: Static<typeof CreateRegulationBody> }>(
    "/api/registries/regulations",
    {
      ...strictBody(CreateRegulationBody),
      schema: { body: CreateRegulationBody, response: { 201: RegulationView, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const { agencyId, ...values } = request.body;
      await authorize(request, "registry.manage", agencyId);
      const created = await createRegulation(
        database,
        agencyId,
        { ...values, abolishedOn: values.abolishedOn ?? null },
        requestActor(request),
      );
      return reply.code(201).send(present(created));
    },
  );

  app.patch<{ Params: IdParamsType; Body: Static<typeof UpdateRegulationBody> }>(
    "/api/registries/regulations/:id",
    {
      ...strictBody(UpdateRegulationBody),
      schema: {
        params: IdParams,
        body: UpdateRegulationBody,
        response: { 200: RegulationView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const before = await loadAuthorized(request, "registry.manage", () =>
        findRegulation(database.db, request.params.id),
      );
      return present(await changeRegulation(database, before, request.body, requestActor(request)));
    },
  );

  const download = { schema: { response: { ...ERROR_RESPONSES } } };
  app.get("/api/registries/regulations/template.xlsx", download, async (request, reply) => {
    requireAuth(request);
    return reply
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", contentDisposition("规章和规范性文件导入模板.xlsx"))
      .send(await templateXlsx("规章和规范性文件", REGULATION_COLUMNS));
  });

  app.get("/api/registries/regulations/template.csv", download, async (request, reply) => {
    requireAuth(request);
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", contentDisposition("规章和规范性文件导入模板.csv"))
      .send(templateCsv(REGULATION_COLUMNS));
  });

  app.post<{ Querystring: Static<typeof AgencyQuery> }>(
    "/api/registries/regulations/import",
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
        const result = await importRegulations(database, request.query.agencyId, file, requestActor(request));
        return reply.code(201).send(result);
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        const { status, message } = REGISTRY_ERRORS.IMPORT_REJECTED;
        return reply.code(status).send({ code: "IMPORT_REJECTED", message, problems: error.problems });
      }
    },
  );

  app.get<{ Querystring: Static<typeof AgencyYearQuery> }>(
    "/api/registries/summary",
    { schema: { querystring: AgencyYearQuery, response: { 200: Table2Result, ...ERROR_RESPONSES } } },
    async (request): Promise<Table2Result> => {
      await authorize(request, "registry.view", request.query.agencyId);
      const t = await computeTable2(database, request.query.agencyId, request.query.year);
      const records = Object.fromEntries(Object.entries(t.records).map(([k, ids]) => [k, [...ids]]));
      return {
        ...t,
        records,
        otherDecisions: [...t.otherDecisions],
        training: { ...t.training, ids: [...t.training.ids] },
        interpretations: { ...t.interpretations, ids: [...t.interpretations.ids] },
      };
    },
  );

  app.get<{ Querystring: Static<typeof AgencyQuery> }>(
    "/api/registries/settings",
    { schema: { querystring: AgencyQuery, response: { 200: RegistrySettings, ...ERROR_RESPONSES } } },
    async (request) => {
      await authorize(request, "registry.view", request.query.agencyId);
      return settingsView(request.query.agencyId, await s2DisplayPeriodsOf(database, request.query.agencyId));
    },
  );

  app.put<{ Body: Static<typeof SettingsBody> }>(
    "/api/registries/settings",
    {
      ...strictBody(SettingsBody),
      schema: { body: SettingsBody, response: { 200: RegistrySettings, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const { agencyId, s2DisplayPeriods } = request.body;
      await authorize(request, "registry.manage", agencyId);
      await setS2DisplayPeriods(database, agencyId, s2DisplayPeriods, requestActor(request), new Date());
      return settingsView(agencyId, s2DisplayPeriods);
    },
  );
}

/** The settings as the API shows them, with the [M] caveat. */
function settingsView(agencyId: number, s2DisplayPeriods: boolean): RegistrySettings {
  return {
    agencyId,
    s2DisplayPeriods,
    s2Note:
      "S-2 处罚信息公示期限（一般 3 个月至 1 年，严重失信 6 个月至 3 年）依据尚待核实，开启后门户按此期限撤下到期的处罚信息。",
  };
}
