/**
 * The agency API: GET /api/agencies, GET /api/agencies/:id, POST /api/agencies, PATCH /api/agencies/:id
 * (profile, contact and the separation-of-duties settings, by those holding agency.update).
 * Lists show only agencies the caller may view; another agency is 404; a visible one the caller may not
 * change is 403 (decided by src/auth/request-auth.ts on the permission module).
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { authorize, requestActor, requireAuth, visibleAgencyIds } from "../auth/request-auth.ts";
import { Agency, AgencyList } from "../contract/agency.contract.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import type { Database } from "../db/database.ts";
import { strictBody } from "../web/strict-body.ts";
import { createAgency, getAgency, listAgencies, updateAgencyProfile } from "./agency.service.ts";

/** A free-text field of the profile. */
const text = (maxLength: number) => Type.String({ maxLength });

/** The office contact the guide states (G-12); every field optional in a body. */
const ContactBody = Type.Object(
  {
    officeName: Type.Optional(text(100)),
    address: Type.Optional(text(200)),
    hours: Type.Optional(text(200)),
    phone: Type.Optional(text(100)),
    fax: Type.Optional(text(100)),
    email: Type.Optional(text(200)),
    website: Type.Optional(text(500)),
  },
  { additionalProperties: false },
);

const Name = Type.String({ minLength: 1, maxLength: 100 });
const CreditCode = Type.String({ minLength: 1, maxLength: 40 });

/** Body of POST /api/agencies. */
const CreateBody = Type.Object(
  {
    parentId: Type.Integer({ minimum: 1 }),
    name: Name,
    kind: Type.Union([Type.Literal("government"), Type.Literal("department")]),
    creditCode: CreditCode,
    contact: Type.Optional(ContactBody),
  },
  { additionalProperties: false },
);

/** The separation-of-duties settings (SOD-1, SOD-2); each optional in a body. */
const SettingsBody = Type.Object(
  {
    separateReviewDuties: Type.Optional(Type.Boolean()),
    letterSignOffByHead: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Body of PATCH /api/agencies/:id. */
const UpdateBody = Type.Object(
  {
    name: Type.Optional(Name),
    creditCode: Type.Optional(CreditCode),
    contact: Type.Optional(ContactBody),
    settings: Type.Optional(SettingsBody),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Path parameters naming an agency. */
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

/** Register the agency routes. */
export function registerAgencyRoutes(app: FastifyInstance, database: Database): void {
  app.get(
    "/api/agencies",
    { schema: { response: { 200: AgencyList, ...ERROR_RESPONSES } } },
    async (request): Promise<AgencyList> => {
      requireAuth(request);
      const ids = await visibleAgencyIds(request, "agency.view");
      return { agencies: await listAgencies(database, ids) };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    "/api/agencies/:id",
    { schema: { params: IdParams, response: { 200: Agency, ...ERROR_RESPONSES } } },
    async (request): Promise<Agency> => {
      await authorize(request, "agency.view", request.params.id);
      return getAgency(database, request.params.id);
    },
  );

  app.post<{ Body: Static<typeof CreateBody> }>(
    "/api/agencies",
    {
      ...strictBody(CreateBody),
      schema: { body: CreateBody, response: { 201: Agency, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      requireAuth(request);
      await authorize(request, "agency.create", request.body.parentId);
      const agency: Agency = await createAgency(database, request.body, requestActor(request));
      return reply.code(201).send(agency);
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateBody> }>(
    "/api/agencies/:id",
    {
      ...strictBody(UpdateBody),
      schema: { params: IdParams, body: UpdateBody, response: { 200: Agency, ...ERROR_RESPONSES } },
    },
    async (request): Promise<Agency> => {
      await authorize(request, "agency.update", request.params.id);
      return updateAgencyProfile(database, request.params.id, request.body, requestActor(request));
    },
  );
}
