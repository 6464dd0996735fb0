/**
 * Attachment routes of a case: POST /api/requests/:id/attachments (multipart: `kind` + one file; PDF, JPEG,
 * PNG or DOCX by magic bytes, ≤ 10 MB) and GET /api/requests/:id/attachments/:attachmentId (the file).
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { authorize, requestActor, requireAuth } from "../auth/request-auth.ts";
import { ERROR_RESPONSES, Id } from "../contract/common.contract.ts";
import { RequestAttachment } from "../contract/request.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import { MAX_ATTACHMENT_BYTES } from "../core/request/attachment-type.ts";
import { requestError } from "../core/request/request-errors.ts";
import type { Database } from "../db/database.ts";
import { contentDisposition } from "../web/content-disposition.ts";
import { CaseParams } from "./request.schemas.ts";
import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  addAttachment,
  attachmentFile,
} from "./request-attachment.service.ts";
import { requestAgencyId } from "./request-query.service.ts";

const AttachmentParams = Type.Object({ id: Id, attachmentId: Id });

/** Reads the multipart body: the `kind` field and exactly one file (refused above 10 MB). */
async function readUpload(parts: AsyncIterableIterator<import("@fastify/multipart").Multipart>) {
  let kind: string | undefined;
  let file: { fileName: string; mediaType: string; content: Uint8Array } | undefined;
  for await (const part of parts) {
    if (part.type === "field") {
      if (part.fieldname === "kind") kind = String(part.value);
      continue;
    }
    if (file) throw new DomainError("TOO_MANY_FILES", "一次只能上传一个附件");
    let content: Buffer;
    try {
      content = await part.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
        throw requestError("ATTACHMENT_TOO_LARGE");
      throw error;
    }
    file = { fileName: part.filename, mediaType: part.mimetype, content: new Uint8Array(content) };
  }
  if (!file) throw new DomainError("NO_INPUT", "请选择要上传的附件");
  if (!ATTACHMENT_KINDS.includes(kind as AttachmentKind)) {
    throw new DomainError(
      "INVALID_INPUT",
      "附件类别应为身份证明（identity）、补正材料（supplement）或其他（other）",
    );
  }
  return { kind: kind as AttachmentKind, file };
}

/** Register the attachment routes. */
export function registerAttachmentRoutes(app: FastifyInstance, database: Database): void {
  app.post<{ Params: Static<typeof CaseParams> }>(
    "/api/requests/:id/attachments",
    { schema: { params: CaseParams, response: { 201: RequestAttachment, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      requireAuth(request);
      const agencyId = await requestAgencyId(database, request.params.id);
      await authorize(request, "request.handle", agencyId);
      if (!request.isMultipart()) throw new DomainError("UNSUPPORTED_MEDIA_TYPE");
      const { kind, file } = await readUpload(
        request.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }),
      );
      const added = await addAttachment(
        database,
        request.params.id,
        kind,
        file,
        requestActor(request),
        new Date(),
      );
      return reply.code(201).send(added);
    },
  );

  app.get<{ Params: Static<typeof AttachmentParams> }>(
    "/api/requests/:id/attachments/:attachmentId",
    { schema: { params: AttachmentParams, response: { ...ERROR_RESPONSES } } },
    async (request, reply) => {
      requireAuth(request);
      const agencyId = await requestAgencyId(database, request.params.id);
      await authorize(request, "request.view", agencyId);
      const found = await attachmentFile(database, request.params.id, request.params.attachmentId);
      return reply
        .type(found.media_type)
        .header("content-disposition", contentDisposition(found.file_name))
        .send(Buffer.from(found.content));
    },
  );
}
