/**
 * The channel API: GET/POST /api/channels, PATCH /api/channels/:id, GET /api/channels/counts (posts per
 * channel per year), GET /api/channels/:id/posts, POST /api/channels/posts (entered) and POST
 * /api/channels/posts/import (CSV or XLSX, all rows or none; 422 lists every bad row).
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorize, requestActor, requireAuth } from "../auth/request-auth.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import {
  Channel,
  ChannelCounts,
  ChannelList,
  ChannelPostPage,
  ImportRefusal,
  PostsImported,
  PostsRecorded,
} from "../contract/channel.contract.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { strictBody } from "../web/strict-body.ts";
import { findChannel, listPosts } from "./channel.repository.ts";
import {
  agencyChannels,
  changeChannel,
  listChannelCounts,
  recordPosts,
  registerChannel,
} from "./channel.service.ts";
import { postsOfSheet, readSheet } from "./post-import.ts";
import { type PostRow, readPostTime } from "./post-rows.ts";

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Kind = Type.Union(["wechat", "weibo", "toutiao", "other"].map((k) => Type.Literal(k)));

const CreateBody = Type.Object(
  {
    agencyId: Id,
    kind: Kind,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    account: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
const UpdateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    account: Type.Optional(Type.String({ maxLength: 200 })),
    interactive: Type.Optional(Type.Boolean()),
    interactiveCheckedOn: Type.Optional(
      Type.Union([Type.Null(), Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" })]),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
const PostsBody = Type.Object(
  {
    agencyId: Id,
    posts: Type.Array(
      Type.Object(
        {
          channelId: Id,
          url: Type.String({ minLength: 1, maxLength: 1000 }),
          postedAt: Type.String({ minLength: 10, maxLength: 40 }),
          title: Type.Optional(Type.String({ maxLength: 300 })),
          publicationId: Type.Optional(Type.Union([Type.Null(), Id])),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
const AgencyQuery = Type.Object({ agencyId: Id }, { additionalProperties: false });
const CountsQuery = Type.Object({ agencyId: Id, year: Type.Optional(Year) }, { additionalProperties: false });
const PostsQuery = Type.Object(
  {
    year: Type.Optional(Year),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Id });

/** The error answers of an import: a 422 may list the bad rows. */
const IMPORT_ERROR_RESPONSES = { ...ERROR_RESPONSES, 422: ImportRefusal };

/** Sends 422 IMPORT_INVALID with the bad rows, or rethrows any other failure. */
function sendImportProblems(error: unknown, reply: FastifyReply): FastifyReply {
  const e = error as DomainError & { rows?: ImportRefusal["rows"] };
  if (e instanceof DomainError && e.code === "IMPORT_INVALID") {
    const refusal: ImportRefusal = { code: e.code, message: e.message, rows: e.rows ?? [] };
    return reply.code(422).send(refusal);
  }
  throw error;
}

/** The uploaded sheet of a multipart request (field "file"). */
async function uploadedSheet(request: FastifyRequest): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (!request.isMultipart())
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "请以表单（multipart/form-data）上传导入文件");
  for await (const part of request.parts({ limits: { files: 1 } })) {
    if (part.type === "file" && part.fieldname === "file") {
      return { fileName: part.filename, bytes: new Uint8Array(await part.toBuffer()) };
    }
  }
  throw new DomainError("INVALID_INPUT", "请选择要导入的文件（表单字段 file）");
}

/** Register the channel routes. */
export function registerChannelRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Querystring: Static<typeof AgencyQuery> }>(
    "/api/channels",
    { schema: { querystring: AgencyQuery, response: { 200: ChannelList, ...ERROR_RESPONSES } } },
    async (request): Promise<ChannelList> => {
      await authorize(request, "publication.view", request.query.agencyId);
      return { channels: await agencyChannels(database, request.query.agencyId) };
    },
  );

  app.post<{ Body: Static<typeof CreateBody> }>(
    "/api/channels",
    {
      ...strictBody(CreateBody),
      schema: { body: CreateBody, response: { 201: Channel, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      requireAuth(request);
      const { agencyId, ...input } = request.body;
      await authorize(request, "publication.edit", agencyId);
      const channel: Channel = await registerChannel(
        database,
        agencyId,
        input as Parameters<typeof registerChannel>[2],
        requestActor(request),
      );
      return reply.code(201).send(channel);
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateBody> }>(
    "/api/channels/:id",
    {
      ...strictBody(UpdateBody),
      schema: { params: IdParams, body: UpdateBody, response: { 200: Channel, ...ERROR_RESPONSES } },
    },
    async (request): Promise<Channel> => {
      requireAuth(request);
      const channel = await findChannel(database.db, request.params.id);
      if (!channel) throw new DomainError("NOT_FOUND");
      await authorize(request, "publication.edit", channel.agencyId);
      return changeChannel(database, channel.id, request.body, requestActor(request));
    },
  );

  app.get<{ Querystring: Static<typeof CountsQuery> }>(
    "/api/channels/counts",
    { schema: { querystring: CountsQuery, response: { 200: ChannelCounts, ...ERROR_RESPONSES } } },
    async (request): Promise<ChannelCounts> => {
      await authorize(request, "publication.view", request.query.agencyId);
      const year = request.query.year ?? Number(shanghaiDate().slice(0, 4));
      return { year, counts: await listChannelCounts(database, request.query.agencyId, year) };
    },
  );

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof PostsQuery> }>(
    "/api/channels/:id/posts",
    {
      schema: {
        params: IdParams,
        querystring: PostsQuery,
        response: { 200: ChannelPostPage, ...ERROR_RESPONSES },
      },
    },
    async (request): Promise<ChannelPostPage> => {
      requireAuth(request);
      const channel = await findChannel(database.db, request.params.id);
      if (!channel) throw new DomainError("NOT_FOUND");
      await authorize(request, "publication.view", channel.agencyId);
      const q = request.query;
      return listPosts(database.db, channel.id, q.year, { page: q.page ?? 1, pageSize: q.pageSize ?? 50 });
    },
  );

  app.post<{ Body: Static<typeof PostsBody> }>(
    "/api/channels/posts",
    {
      ...strictBody(PostsBody),
      schema: { body: PostsBody, response: { 201: PostsRecorded, ...IMPORT_ERROR_RESPONSES } },
    },
    async (request, reply) => {
      requireAuth(request);
      await authorize(request, "publication.edit", request.body.agencyId);
      const rows: PostRow[] = [];
      const unreadable = [];
      for (const [i, p] of request.body.posts.entries()) {
        const time = readPostTime(p.postedAt);
        if (!time)
          unreadable.push({
            row: i + 2,
            message: "发布时间格式不正确，应为 YYYY-MM-DD HH:mm 或带时区的 ISO 时间",
          });
        else
          rows.push({
            channelId: p.channelId,
            url: p.url,
            title: p.title ?? "",
            publicationId: p.publicationId ?? null,
            ...time,
            line: i + 2,
          });
      }
      try {
        const posts = await recordPosts(
          database,
          request.body.agencyId,
          rows,
          "entered",
          requestActor(request),
          unreadable,
        );
        return reply.code(201).send({ posts } satisfies PostsRecorded);
      } catch (error) {
        return sendImportProblems(error, reply);
      }
    },
  );

  app.post<{ Querystring: Static<typeof AgencyQuery> }>(
    "/api/channels/posts/import",
    {
      schema: { querystring: AgencyQuery, response: { 201: PostsImported, ...IMPORT_ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await authorize(request, "publication.edit", request.query.agencyId);
      const { fileName, bytes } = await uploadedSheet(request);
      const channels = await agencyChannels(database, request.query.agencyId);
      const { posts, problems } = postsOfSheet(await readSheet(fileName, bytes), channels);
      try {
        const saved = await recordPosts(
          database,
          request.query.agencyId,
          posts,
          "import",
          requestActor(request),
          problems,
        );
        return reply.code(201).send({ imported: saved.length } satisfies PostsImported);
      } catch (error) {
        return sendImportProblems(error, reply);
      }
    },
  );
}
