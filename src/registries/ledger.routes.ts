/**
 * The API of the small registers (registry.view / registry.manage): 行政事业性收费 amounts
 * (/api/registries/fees, amounts as 元 strings, exact), training sessions (/api/registries/trainings) and
 * policy interpretations (/api/registries/interpretations): list by agency and year, create, change.
 */
import { type Static, type TObject, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { authorize, requestActor } from "../auth/request-auth.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import {
  FeeList,
  Fee as FeeView,
  Interpretation,
  InterpretationList,
  Training,
  TrainingList,
} from "../contract/registry.contract.ts";
import { fenToWanYuan, formatYuan } from "../core/registry/fee-amounts.ts";
import type { Database } from "../db/database.ts";
import { strictBody } from "../web/strict-body.ts";
import {
  type Fee,
  findFee,
  findInterpretation,
  findTraining,
  listFees,
  listInterpretations,
  listTrainings,
} from "./ledger.repository.ts";
import {
  changeFee,
  changeInterpretation,
  changeTraining,
  createFee,
  createInterpretation,
  createTraining,
} from "./ledger.service.ts";
import {
  AgencyOptionalYearQuery,
  CalendarDate,
  Id,
  IdParams,
  type IdParamsType,
  loadAuthorized,
  Text,
  Year,
} from "./registry-route-support.ts";

const FeeFields = {
  year: Year,
  itemName: Type.String({ minLength: 1, maxLength: 200 }),
  basis: Text(500),
  amountYuan: Type.String({ minLength: 1, maxLength: 20 }),
  note: Text(500),
};
const TrainingFields = {
  heldOn: CalendarDate,
  topic: Type.String({ minLength: 1, maxLength: 200 }),
  personTimes: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
};
const InterpretationFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  publishedOn: CalendarDate,
  form: Text(20),
  policyTitle: Type.String({ minLength: 1, maxLength: 200 }),
  policyDocNo: Text(100),
  policyPublicationId: Type.Union([Id, Type.Null()]),
};

/** The create and update bodies of a register's fields (create needs agencyId; optional ones default). */
function bodies<P extends Record<string, import("@sinclair/typebox").TSchema>>(
  fields: P,
  optional: readonly string[],
) {
  const create: Record<string, import("@sinclair/typebox").TSchema> = { agencyId: Id };
  for (const [k, v] of Object.entries(fields)) create[k] = optional.includes(k) ? Type.Optional(v) : v;
  return {
    create: Type.Object(create, { additionalProperties: false }) as TObject,
    update: Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 }) as TObject,
  };
}

const FEE = bodies(FeeFields, ["basis", "note"]);
const TRAINING = bodies(TrainingFields, []);
const INTERPRETATION = bodies(InterpretationFields, ["form", "policyDocNo", "policyPublicationId"]);

/** The API view of a fee record. */
function presentFee(f: Fee): FeeView {
  return { ...f, amountYuan: formatYuan(f.amountFen) };
}

type AnyBody = Record<string, unknown> & { agencyId: number };

/** Register the fee, training and interpretation routes. */
export function registerLedgerRoutes(app: FastifyInstance, database: Database): void {
  type ListQuery = { Querystring: Static<typeof AgencyOptionalYearQuery> };
  /** The options of a list route answering `list`. */
  const listOptions = (list: TObject) => ({
    schema: { querystring: AgencyOptionalYearQuery, response: { 200: list, ...ERROR_RESPONSES } },
  });
  /** The options of a create route (201 `item`). */
  const createOptions = (body: TObject, item: TObject) => ({
    ...strictBody(body),
    schema: { body, response: { 201: item, ...ERROR_RESPONSES } },
  });
  /** The options of a change route (200 `item`). */
  const changeOptions = (body: TObject, item: TObject) => ({
    ...strictBody(body),
    schema: { params: IdParams, body, response: { 200: item, ...ERROR_RESPONSES } },
  });

  app.get<ListQuery>("/api/registries/fees", listOptions(FeeList), async (request): Promise<FeeList> => {
    const { agencyId, year } = request.query;
    await authorize(request, "registry.view", agencyId);
    const fees = await listFees(database.db, agencyId, year);
    const totalFen = fees.reduce((s, f) => s + f.amountFen, 0);
    return {
      items: fees.map(presentFee),
      totalYuan: formatYuan(totalFen),
      totalWanYuan: fenToWanYuan(totalFen),
    };
  });
  app.post<{ Body: AnyBody }>(
    "/api/registries/fees",
    createOptions(FEE.create, FeeView),
    async (request, reply) => {
      const { agencyId, ...b } = request.body;
      await authorize(request, "registry.manage", agencyId);
      const input = { basis: "", note: "", ...b } as Parameters<typeof createFee>[2];
      return reply
        .code(201)
        .send(presentFee(await createFee(database, agencyId, input, requestActor(request))));
    },
  );
  app.patch<{ Params: IdParamsType; Body: Record<string, unknown> }>(
    "/api/registries/fees/:id",
    changeOptions(FEE.update, FeeView),
    async (request): Promise<FeeView> => {
      const before = await loadAuthorized(request, "registry.manage", () =>
        findFee(database.db, request.params.id),
      );
      return presentFee(
        await changeFee(
          database,
          before,
          request.body as Parameters<typeof changeFee>[2],
          requestActor(request),
        ),
      );
    },
  );

  app.get<ListQuery>(
    "/api/registries/trainings",
    listOptions(TrainingList),
    async (request): Promise<TrainingList> => {
      const { agencyId, year } = request.query;
      await authorize(request, "registry.view", agencyId);
      const items = await listTrainings(database.db, agencyId, year);
      return { items, sessions: items.length, personTimes: items.reduce((s, t) => s + t.personTimes, 0) };
    },
  );
  app.post<{ Body: AnyBody }>(
    "/api/registries/trainings",
    createOptions(TRAINING.create, Training),
    async (request, reply) => {
      const { agencyId, ...b } = request.body;
      await authorize(request, "registry.manage", agencyId);
      const input = b as Parameters<typeof createTraining>[2];
      return reply.code(201).send(await createTraining(database, agencyId, input, requestActor(request)));
    },
  );
  app.patch<{ Params: IdParamsType; Body: Record<string, unknown> }>(
    "/api/registries/trainings/:id",
    changeOptions(TRAINING.update, Training),
    async (request): Promise<Training> => {
      const before = await loadAuthorized(request, "registry.manage", () =>
        findTraining(database.db, request.params.id),
      );
      return changeTraining(
        database,
        before,
        request.body as Parameters<typeof changeTraining>[2],
        requestActor(request),
      );
    },
  );

  app.get<ListQuery>(
    "/api/registries/interpretations",
    listOptions(InterpretationList),
    async (request): Promise<InterpretationList> => {
      const { agencyId, year } = request.query;
      await authorize(request, "registry.view", agencyId);
      return { items: await listInterpretations(database.db, agencyId, year) };
    },
  );
  app.post<{ Body: AnyBody }>(
    "/api/registries/interpretations",
    createOptions(INTERPRETATION.create, Interpretation),
    async (request, reply) => {
      const { agencyId, ...b } = request.body;
      await authorize(request, "registry.manage", agencyId);
      const input = { form: "", policyDocNo: "", policyPublicationId: null, ...b } as Parameters<
        typeof createInterpretation
      >[2];
      return reply
        .code(201)
        .send(await createInterpretation(database, agencyId, input, requestActor(request)));
    },
  );
  app.patch<{ Params: IdParamsType; Body: Record<string, unknown> }>(
    "/api/registries/interpretations/:id",
    changeOptions(INTERPRETATION.update, Interpretation),
    async (request): Promise<Interpretation> => {
      const before = await loadAuthorized(request, "registry.manage", () =>
        findInterpretation(database.db, request.params.id),
      );
      return changeInterpretation(
        database,
        before,
        request.body as Parameters<typeof changeInterpretation>[2],
        requestActor(request),
      );
    },
  );
}
