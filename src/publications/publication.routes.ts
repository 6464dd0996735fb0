/**
 * The catalog API: GET/POST /api/publications, GET/PATCH /api/publications/:id, POST
 * /api/publications/:id/actions (先审后发), PUT …/validity, POST …/amend, and the attachments. Each call is
 * authorised in the item's agency; a review decision needs the permission of the step that waits.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { authorize, requestActor, requireAuth, visibleAgencyIds } from "../auth/request-auth.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { postsOfPublication } from "../channels/channel.repository.ts";
import { ERROR_RESPONSES, NoContent } from "../contract/common.contract.ts";
import { PublicationAttachment, PublicationPage, PublicationView } from "../contract/publication.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import { failPublication } from "../core/publication/publication-errors.ts";
import { type PublicationCommand, requiredAction } from "../core/publication/publication-machine.ts";
import { CATEGORY_ITEMS } from "../core/publication/publication-rules.ts";
import type { Database } from "../db/database.ts";
import { contentDisposition } from "../web/content-disposition.ts";
import { strictBody } from "../web/strict-body.ts";
import { findAttachmentContent, listAttachments } from "./attachment.repository.ts";
import { addAttachment, MAX_ATTACHMENT_BYTES, removeAttachment } from "./attachment.service.ts";
import { MAX_BODY_LENGTH } from "./body-sanitizer.ts";
import { presentPublication, presentSummary } from "./publication.presenter.ts";
import { listPublicationLog } from "./publication.repository.ts";
import {
  actOnPublication,
  amendPublication,
  createPublication,
  getPublicationRecord,
  setValidity,
  updatePublication,
} from "./publication.service.ts";
import { listPublicationPage } from "./publication-query.repository.ts";

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const DateText = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
const text = (maxLength: number) => Type.String({ maxLength });
const Category = Type.Union([Type.Null(), ...CATEGORY_ITEMS.map((c) => Type.Literal(c))]);

/** The content fields of an item. */
const contentFields = {
  columnId: Id,
  title: Type.String({ minLength: 1, maxLength: 300 }),
  summary: Type.Optional(text(2000)),
  publisher: Type.Optional(text(200)),
  writtenOn: Type.Optional(Type.Union([Type.Null(), DateText])),
  formedOn: DateText,
  documentNo: Type.Optional(text(100)),
  topic: Type.Optional(text(100)),
  genre: Type.Optional(text(100)),
  categoryItem: Type.Optional(Category),
  bodyHtml: Type.Optional(text(MAX_BODY_LENGTH)),
  issueNo: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 1, maximum: 100_000 })])),
};

/** Body of POST /api/publications. */
const CreateBody = Type.Object({ agencyId: Id, ...contentFields }, { additionalProperties: false });

/** Body of PATCH /api/publications/:id. */
const UpdateBody = Type.Partial(Type.Object(contentFields), {
  additionalProperties: false,
  minProperties: 1,
});

/** Body of POST /api/publications/:id/actions. */
const ActionBody = Type.Object(
  {
    action: Type.Union(["submit", "approve", "sendBack", "publish", "withdraw"].map((a) => Type.Literal(a))),
    opinion: Type.Optional(text(2000)),
    publishedOn: Type.Optional(DateText),
  },
  { additionalProperties: false },
);

/** Body of PUT /api/publications/:id/validity. */
const ValidityBody = Type.Object(
  { validity: Type.String({ maxLength: 10 }) },
  { additionalProperties: false },
);

const IdParams = Type.Object({ id: Id });
const AttachmentParams = Type.Object({ id: Id, attachmentId: Id });

/** The answers of a call that shows the item: its full view, or an error. */
const VIEW_RESPONSES = { 200: PublicationView, ...ERROR_RESPONSES };

/** Query of GET /api/publications. */
const ListQuery = Type.Object(
  {
    agencyId: Type.Optional(Id),
    status: Type.Optional(Type.String({ maxLength: 20 })),
    /** R-26-1: only unpublished items nearing (≥ 15 working days) or past the 20-working-day limit. */
    r26: Type.Optional(Type.Union([Type.Literal("near"), Type.Literal("overdue")])),
    columnId: Type.Optional(Id),
    categoryItem: Type.Optional(Type.String({ maxLength: 10 })),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

/** The command of an action body. */
function commandOf(body: Static<typeof ActionBody>, today: string): PublicationCommand {
  const opinion = body.opinion ?? "";
  switch (body.action) {
    case "submit":
      return { type: "submit" };
    case "approve":
      return { type: "approve", opinion };
    case "sendBack":
      return { type: "sendBack", opinion };
    case "publish":
      return { type: "publish", publishedOn: body.publishedOn ?? today };
    default:
      return { type: "withdraw", opinion };
  }
}

/** The uploaded file of a multipart request (field "file"). */
async function uploadedFile(request: FastifyRequest): Promise<{ fileName: string; content: Uint8Array }> {
  if (!request.isMultipart())
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "请以表单（multipart/form-data）上传附件");
  try {
    for await (const part of request.parts({ limits: { files: 1, fileSize: MAX_ATTACHMENT_BYTES } })) {
      if (part.type === "file" && part.fieldname === "file") {
        return { fileName: part.filename, content: new Uint8Array(await part.toBuffer()) };
      }
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE")
      throw failPublication("ATTACHMENT_TOO_LARGE");
    throw error;
  }
  throw new DomainError("INVALID_INPUT", "请选择要上传的附件（表单字段 file）");
}

/** Register the catalog routes. */
export function registerPublicationRoutes(app: FastifyInstance, database: Database): void {
  /** The item, after checking the caller may take `action` in its agency. */
  const itemFor = async (request: FastifyRequest, id: number, action: Parameters<typeof authorize>[1]) => {
    requireAuth(request);
    const item = await getPublicationRecord(database, id);
    await authorize(request, action, item.agencyId);
    return item;
  };
  const view = async (id: number): Promise<PublicationView> => {
    const item = await getPublicationRecord(database, id);
    const [log, attachments, posts] = await Promise.all([
      listPublicationLog(database.db, id),
      listAttachments(database.db, id),
      postsOfPublication(database.db, id),
    ]);
    return presentPublication(item, { log, attachments, posts }, shanghaiDate());
  };

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    "/api/publications",
    { schema: { querystring: ListQuery, response: { 200: PublicationPage, ...ERROR_RESPONSES } } },
    async (request): Promise<PublicationPage> => {
      requireAuth(request);
      const q = request.query;
      const visible = await visibleAgencyIds(request, "publication.view");
      const agencyIds = q.agencyId === undefined ? visible : visible.filter((a) => a === q.agencyId);
      const page = { page: q.page ?? 1, pageSize: q.pageSize ?? 50 };
      const filter = {
        agencyIds,
        ...(q.status ? { status: q.status } : {}),
        ...(q.columnId ? { columnIds: [q.columnId] } : {}),
        ...(q.categoryItem ? { categoryItem: q.categoryItem } : {}),
        ...(q.year ? { year: q.year } : {}),
        ...(q.q ? { titleContains: q.q } : {}),
      };
      const today = shanghaiDate();
      if (q.r26) {
        // R-26-1 flags depend on today's working-day count: computed over the unpublished items, then paged.
        const all = await listPublicationPage(
          database.db,
          { ...filter, unpublishedOnly: true },
          { page: 1, pageSize: 10_000 },
        );
        const flagged = all.items.map((i) => presentSummary(i, today)).filter((s) => s.r26.flag === q.r26);
        const start = (page.page - 1) * page.pageSize;
        return { publications: flagged.slice(start, start + page.pageSize), total: flagged.length };
      }
      const { items, total } = await listPublicationPage(database.db, filter, page);
      return { publications: items.map((i) => presentSummary(i, today)), total };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    "/api/publications/:id",
    { schema: { params: IdParams, response: VIEW_RESPONSES } },
    async (request) => {
      await itemFor(request, request.params.id, "publication.view");
      return view(request.params.id);
    },
  );

  app.post<{ Body: Static<typeof CreateBody> }>(
    "/api/publications",
    {
      ...strictBody(CreateBody),
      schema: { body: CreateBody, response: { 201: PublicationView, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      requireAuth(request);
      const { agencyId, ...input } = request.body;
      await authorize(request, "publication.edit", agencyId);
      const item = await createPublication(database, agencyId, input, requestActor(request), new Date());
      return reply.code(201).send(await view(item.id));
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateBody> }>(
    "/api/publications/:id",
    {
      ...strictBody(UpdateBody),
      schema: { params: IdParams, body: UpdateBody, response: VIEW_RESPONSES },
    },
    async (request) => {
      await itemFor(request, request.params.id, "publication.edit");
      await updatePublication(database, request.params.id, request.body, requestActor(request), new Date());
      return view(request.params.id);
    },
  );

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof ActionBody> }>(
    "/api/publications/:id/actions",
    {
      ...strictBody(ActionBody),
      schema: { params: IdParams, body: ActionBody, response: VIEW_RESPONSES },
    },
    async (request) => {
      const item = await itemFor(request, request.params.id, "publication.view");
      const now = new Date();
      const command = commandOf(request.body, shanghaiDate(now));
      // 先审后发: each step only by a person holding that step's role in the item's agency.
      await authorize(request, requiredAction(item.status, command.type), item.agencyId);
      await actOnPublication(database, item.id, command, requestActor(request), now);
      return view(item.id);
    },
  );

  app.put<{ Params: Static<typeof IdParams>; Body: Static<typeof ValidityBody> }>(
    "/api/publications/:id/validity",
    {
      ...strictBody(ValidityBody),
      schema: { params: IdParams, body: ValidityBody, response: VIEW_RESPONSES },
    },
    async (request) => {
      await itemFor(request, request.params.id, "publication.edit");
      await setValidity(
        database,
        request.params.id,
        request.body.validity,
        requestActor(request),
        new Date(),
      );
      return view(request.params.id);
    },
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    "/api/publications/:id/amend",
    { schema: { params: IdParams, response: { 201: PublicationView, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      await itemFor(request, request.params.id, "publication.edit");
      const draft = await amendPublication(database, request.params.id, requestActor(request), new Date());
      return reply.code(201).send(await view(draft.id));
    },
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    "/api/publications/:id/attachments",
    { schema: { params: IdParams, response: { 201: PublicationAttachment, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      await itemFor(request, request.params.id, "publication.edit");
      const file = await uploadedFile(request);
      const attachment: PublicationAttachment = await addAttachment(
        database,
        request.params.id,
        file,
        requestActor(request),
      );
      return reply.code(201).send(attachment);
    },
  );

  // A binary download: its 200 has no schema (the file's own media type); the errors are JSON.
  app.get<{ Params: Static<typeof AttachmentParams> }>(
    "/api/publications/:id/attachments/:attachmentId",
    { schema: { params: AttachmentParams, response: ERROR_RESPONSES } },
    async (request, reply) => {
      await itemFor(request, request.params.id, "publication.view");
      const found = await findAttachmentContent(database.db, request.params.id, request.params.attachmentId);
      if (!found) throw new DomainError("NOT_FOUND");
      return reply
        .type(found.attachment.mediaType)
        .header("content-disposition", contentDisposition(found.attachment.fileName))
        .send(Buffer.from(found.content));
    },
  );

  app.delete<{ Params: Static<typeof AttachmentParams> }>(
    "/api/publications/:id/attachments/:attachmentId",
    { schema: { params: AttachmentParams, response: { 204: NoContent, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      await itemFor(request, request.params.id, "publication.edit");
      await removeAttachment(database, request.params.id, request.params.attachmentId, requestActor(request));
      return reply.code(204).send();
    },
  );
}
