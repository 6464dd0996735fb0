/**
 * The column API: GET /api/columns?agencyId= (the tree, the four first-level columns first), POST
 * /api/columns, PATCH and DELETE /api/columns/:id, GET /api/columns/:id/issues?year= (periodic columns).
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { authorize, requestActor, requireAuth } from "../auth/request-auth.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { ERROR_RESPONSES, NoContent } from "../contract/common.contract.ts";
import { CatalogColumn, ColumnIssues, ColumnTree } from "../contract/publication.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import { CADENCES, CATEGORY_ITEMS } from "../core/publication/publication-rules.ts";
import type { Database } from "../db/database.ts";
import { strictBody } from "../web/strict-body.ts";
import { findColumn } from "./column.repository.ts";
import { changeColumn, columnIssues, columnTree, createColumn, removeColumn } from "./column.service.ts";

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Category = Type.Union([Type.Null(), ...CATEGORY_ITEMS.map((c) => Type.Literal(c))]);
const Cadence = Type.Union([Type.Null(), ...CADENCES.map((c) => Type.Literal(c))]);

/** The writable fields of a column. */
const fields = {
  parentId: Id,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  categoryItem: Type.Optional(Category),
  cadence: Type.Optional(Cadence),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
};

const CreateBody = Type.Object({ agencyId: Id, ...fields }, { additionalProperties: false });
const UpdateBody = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
const IdParams = Type.Object({ id: Id });
const TreeQuery = Type.Object({ agencyId: Id }, { additionalProperties: false });
const IssuesQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);

/** Register the column routes. */
export function registerColumnRoutes(app: FastifyInstance, database: Database): void {
  const columnFor = async (id: number) => {
    const column = await findColumn(database.db, id);
    if (!column) throw new DomainError("NOT_FOUND");
    return column;
  };

  app.get<{ Querystring: Static<typeof TreeQuery> }>(
    "/api/columns",
    { schema: { querystring: TreeQuery, response: { 200: ColumnTree, ...ERROR_RESPONSES } } },
    async (request): Promise<ColumnTree> => {
      await authorize(request, "publication.view", request.query.agencyId);
      return { columns: await columnTree(database, request.query.agencyId) };
    },
  );

  app.post<{ Body: Static<typeof CreateBody> }>(
    "/api/columns",
    {
      ...strictBody(CreateBody),
      schema: { body: CreateBody, response: { 201: CatalogColumn, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      requireAuth(request);
      const { agencyId, ...input } = request.body;
      await authorize(request, "publication.edit", agencyId);
      const column: CatalogColumn = await createColumn(database, agencyId, input, requestActor(request));
      return reply.code(201).send(column);
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateBody> }>(
    "/api/columns/:id",
    {
      ...strictBody(UpdateBody),
      schema: { params: IdParams, body: UpdateBody, response: { 200: CatalogColumn, ...ERROR_RESPONSES } },
    },
    async (request): Promise<CatalogColumn> => {
      requireAuth(request);
      const column = await columnFor(request.params.id);
      await authorize(request, "publication.edit", column.agencyId);
      return changeColumn(database, column.id, request.body, requestActor(request));
    },
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    "/api/columns/:id",
    { schema: { params: IdParams, response: { 204: NoContent, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      requireAuth(request);
      const column = await columnFor(request.params.id);
      await authorize(request, "publication.edit", column.agencyId);
      await removeColumn(database, column.id, requestActor(request));
      return reply.code(204).send();
    },
  );

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof IssuesQuery> }>(
    "/api/columns/:id/issues",
    {
      schema: {
        params: IdParams,
        querystring: IssuesQuery,
        response: { 200: ColumnIssues, ...ERROR_RESPONSES },
      },
    },
    async (request): Promise<ColumnIssues> => {
      requireAuth(request);
      const column = await columnFor(request.params.id);
      await authorize(request, "publication.view", column.agencyId);
      const today = shanghaiDate();
      return columnIssues(database, column, request.query.year ?? Number(today.slice(0, 4)), today);
    },
  );
}
