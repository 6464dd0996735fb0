/**
 * Attachments added to a case by the office (identity documents, supplements, other papers): checked by
 * their real type (magic bytes) and size, stored with their SHA-256, recorded in the trail.
 */
import { createHash } from "node:crypto";
import { normaliseAttachmentName } from "../core/attachment/attachment-name.ts";
import { DomainError } from "../core/domain-error.ts";
import { type AttachmentKind, checkAttachment } from "../core/request/attachment-type.ts";
import { requestError } from "../core/request/request-errors.ts";
import type { Database } from "../db/database.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { findAttachment, findRequest, insertAttachment } from "./request.repository.ts";
import type { AttachmentInput } from "./request-intake.service.ts";

/** What an attachment is (the vocabulary lives in core). */
export { ATTACHMENT_KINDS, type AttachmentKind } from "../core/request/attachment-type.ts";

/** Adds an attachment to an open case; its description. */
export async function addAttachment(
  database: Database,
  requestId: number,
  kind: AttachmentKind,
  file: AttachmentInput,
  actor: Actor,
  now: Date,
) {
  const fileName = normaliseAttachmentName(file.fileName);
  const realType = checkAttachment(fileName, file.mediaType, file.content);
  const at = now.toISOString();
  return database.db.transaction().execute(async (trx) => {
    const row = await findRequest(trx, requestId);
    if (!row) throw new DomainError("NOT_FOUND", "找不到该申请");
    if (row.status === "closed") throw requestError("CASE_CLOSED");
    const sha256 = createHash("sha256").update(file.content).digest("hex");
    const info = await insertAttachment(trx, {
      request_id: requestId,
      kind,
      file_name: fileName,
      media_type: realType,
      size: file.content.length,
      sha256,
      content: file.content,
      created_at: at,
    });
    await appendTrail(trx, database.dialect, {
      actorUserId: actor.userId,
      actorName: actor.name,
      actorRole: actor.role,
      agencyId: row.agency_id,
      action: "request.attach",
      entityType: "request",
      entityId: requestId,
      after: {
        attachmentId: info.id,
        kind,
        fileName,
        mediaType: realType,
        size: info.size,
        sha256,
      },
      ip: actor.ip ?? "local",
      at,
    });
    return {
      id: info.id,
      kind: info.kind,
      fileName: info.file_name,
      mediaType: info.media_type,
      size: info.size,
    };
  });
}

/** One attachment's file, or 404. */
export async function attachmentFile(database: Database, requestId: number, attachmentId: number) {
  const found = await findAttachment(database.db, requestId, attachmentId);
  if (!found) throw new DomainError("NOT_FOUND", "找不到该附件");
  return found;
}
