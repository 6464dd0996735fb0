/**
 * The letters API of a request (docs/REQUESTS.md, "Letters"): list, draft, read, edit, issue, download.
 * Authorised by the request's agency: reading needs request.view, drafting, editing and issuing need
 * request.handle; a request of an agency the caller cannot see is 404.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorize, requestActor } from "../auth/request-auth.ts";
import { ERROR_RESPONSES, Id } from "../contract/common.contract.ts";
import { Letter, LetterKind, LetterList } from "../contract/letter.contract.ts";
import type { Action } from "../core/access/permissions.ts";
import type { Database } from "../db/database.ts";
import { strictBody } from "../web/strict-body.ts";
import type { LetterFormat } from "./letter.presenter.ts";
import {
  createLetterDraft,
  editLetterDraft,
  getLetter,
  issueLetter,
  letterRequestAgency,
  listLetters,
} from "./letter.service.ts";
import { letterDownload } from "./letter-files.service.ts";
import { registerLetterTemplateRoutes } from "./letter-template.routes.ts";

/** Path naming a request. */
const RequestParams = Type.Object({ id: Id });

/** Path naming a letter of a request. */
const LetterParams = Type.Object({ id: Id, letterId: Id });

/** Body of POST /api/requests/:id/letters. */
const DraftBody = Type.Object(
  { kind: LetterKind, outcome: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })) },
  { additionalProperties: false },
);

/** Body of PUT /api/requests/:id/letters/:letterId. */
const EditBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 20_000 }),
  },
  { additionalProperties: false },
);

type RequestRoute = { Params: Static<typeof RequestParams> };
type LetterRoute = { Params: Static<typeof LetterParams> };

/** Throws unless the caller may take the action on the request (404 for an unknown or invisible request). */
async function authorizeOnRequest(
  request: FastifyRequest,
  database: Database,
  action: Action,
  requestId: number,
): Promise<void> {
  await authorize(request, action, await letterRequestAgency(database, requestId));
}

/** Register the letters routes and the letter template routes. */
export function registerLetterRoutes(app: FastifyInstance, database: Database): void {
  app.get<RequestRoute>(
    "/api/requests/:id/letters",
    { schema: { params: RequestParams, response: { 200: LetterList, ...ERROR_RESPONSES } } },
    async (request): Promise<LetterList> => {
      await authorizeOnRequest(request, database, "request.view", request.params.id);
      return { letters: await listLetters(database, request.params.id) };
    },
  );

  app.post<RequestRoute & { Body: Static<typeof DraftBody> }>(
    "/api/requests/:id/letters",
    {
      ...strictBody(DraftBody),
      schema: { params: RequestParams, body: DraftBody, response: { 201: Letter, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await authorizeOnRequest(request, database, "request.handle", request.params.id);
      const letter = await createLetterDraft(
        database,
        request.params.id,
        request.body,
        requestActor(request),
      );
      return reply.code(201).send(letter);
    },
  );

  app.get<LetterRoute>(
    "/api/requests/:id/letters/:letterId",
    { schema: { params: LetterParams, response: { 200: Letter, ...ERROR_RESPONSES } } },
    async (request): Promise<Letter> => {
      await authorizeOnRequest(request, database, "request.view", request.params.id);
      return getLetter(database, request.params.id, request.params.letterId);
    },
  );

  app.put<LetterRoute & { Body: Static<typeof EditBody> }>(
    "/api/requests/:id/letters/:letterId",
    {
      ...strictBody(EditBody),
      schema: { params: LetterParams, body: EditBody, response: { 200: Letter, ...ERROR_RESPONSES } },
    },
    async (request): Promise<Letter> => {
      await authorizeOnRequest(request, database, "request.handle", request.params.id);
      const { id, letterId } = request.params;
      return editLetterDraft(database, id, letterId, request.body, requestActor(request));
    },
  );

  app.post<LetterRoute>(
    "/api/requests/:id/letters/:letterId/issue",
    { schema: { params: LetterParams, response: { 200: Letter, ...ERROR_RESPONSES } } },
    async (request): Promise<Letter> => {
      await authorizeOnRequest(request, database, "request.handle", request.params.id);
      return issueLetter(database, request.params.id, request.params.letterId, requestActor(request));
    },
  );

  const download =
    (format: LetterFormat) => async (request: FastifyRequest<LetterRoute>, reply: FastifyReply) => {
      await authorizeOnRequest(request, database, "request.view", request.params.id);
      const file = await letterDownload(database, request.params.id, request.params.letterId, format);
      return reply
        .type(file.mediaType)
        .header("content-disposition", file.contentDisposition)
        .header("cache-control", "private, no-store")
        .send(Buffer.from(file.content));
    };
  for (const format of ["docx", "pdf"] as const) {
    app.get<LetterRoute>(
      `/api/requests/:id/letters/:letterId/download.${format}`,
      { schema: { params: LetterParams, response: { ...ERROR_RESPONSES } } },
      download(format),
    );
  }

  registerLetterTemplateRoutes(app, database);
}
