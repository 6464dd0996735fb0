/**
 * The letter template API: GET /api/letter-templates?agencyId (the effective template of every slot, with
 * where it comes from), PUT /api/letter-templates (an agency's override: request.handle in that agency;
 * the installation's default, agencyId null: a 系统管理员 of a top-level agency) and DELETE (back to the
 * next level's template, same permissions).
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { loadAgencyTree } from "../auth/agency-tree.repository.ts";
import { authorize, requestActor, requireAuth } from "../auth/request-auth.ts";
import { ERROR_RESPONSES, Id } from "../contract/common.contract.ts";
import {
  LetterKind,
  LetterTemplate,
  LetterTemplateList,
  LetterTemplateReset,
} from "../contract/letter.contract.ts";
import { letterError } from "../core/letter/letter-errors.ts";
import type { Database } from "../db/database.ts";
import { strictBody } from "../web/strict-body.ts";
import { listEffectiveTemplates, resetTemplate, saveTemplate } from "./letter-template.service.ts";

/** Query of GET /api/letter-templates. */
const ListQuery = Type.Object({ agencyId: Type.Optional(Id) }, { additionalProperties: false });

/** Body of PUT /api/letter-templates. */
const SaveBody = Type.Object(
  {
    agencyId: Type.Union([Id, Type.Null()]),
    kind: LetterKind,
    outcome: Type.Union([Type.String({ minLength: 1, maxLength: 10 }), Type.Null()]),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 20_000 }),
  },
  { additionalProperties: false },
);

/** Query of DELETE /api/letter-templates: the slot whose stored template is removed (outcome absent: any). */
const ResetQuery = Type.Object(
  {
    agencyId: Type.Optional(Id),
    kind: LetterKind,
    outcome: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
  },
  { additionalProperties: false },
);

/** Throws 403 unless the caller is a 系统管理员 of a top-level agency (the installation's administrator). */
async function requireInstallationAdmin(request: FastifyRequest, database: Database): Promise<void> {
  const auth = requireAuth(request);
  const tree = await loadAgencyTree(database.db);
  const topLevel = new Set(tree.filter((a) => a.parentId === null).map((a) => a.id));
  const admin = auth.assignments.some((a) => a.role === "system_admin" && topLevel.has(a.agencyId));
  if (!admin) throw letterError("TEMPLATE_FORBIDDEN");
}

/** Register the letter template routes. */
export function registerLetterTemplateRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Querystring: Static<typeof ListQuery> }>(
    "/api/letter-templates",
    { schema: { querystring: ListQuery, response: { 200: LetterTemplateList, ...ERROR_RESPONSES } } },
    async (request): Promise<LetterTemplateList> => {
      const agencyId = request.query.agencyId ?? null;
      if (agencyId === null) requireAuth(request);
      else await authorize(request, "request.view", agencyId);
      return { templates: await listEffectiveTemplates(database, agencyId) };
    },
  );

  app.put<{ Body: Static<typeof SaveBody> }>(
    "/api/letter-templates",
    {
      ...strictBody(SaveBody),
      schema: { body: SaveBody, response: { 200: LetterTemplate, ...ERROR_RESPONSES } },
    },
    async (request): Promise<LetterTemplate> => {
      const { agencyId } = request.body;
      if (agencyId === null) await requireInstallationAdmin(request, database);
      else await authorize(request, "request.handle", agencyId);
      return saveTemplate(database, request.body, requestActor(request), new Date());
    },
  );

  app.delete<{ Querystring: Static<typeof ResetQuery> }>(
    "/api/letter-templates",
    { schema: { querystring: ResetQuery, response: { 200: LetterTemplateReset, ...ERROR_RESPONSES } } },
    async (request): Promise<LetterTemplateReset> => {
      const agencyId = request.query.agencyId ?? null;
      if (agencyId === null) await requireInstallationAdmin(request, database);
      else await authorize(request, "request.handle", agencyId);
      const slot = { agencyId, kind: request.query.kind, outcome: request.query.outcome ?? null };
      return { template: await resetTemplate(database, slot, requestActor(request), new Date()) };
    },
  );
}
