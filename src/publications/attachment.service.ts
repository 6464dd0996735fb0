/**
 * Attachments of catalog items: added to and removed from drafts only; the extension must be accepted and
 * the content's first bytes must match it. Each change is in the trail.
 */
import { createHash } from "node:crypto";
import { normaliseAttachmentName } from "../core/attachment/attachment-name.ts";
import { DomainError } from "../core/domain-error.ts";
import { attachmentMediaType } from "../core/publication/attachment-types.ts";
import { failPublication } from "../core/publication/publication-errors.ts";
import { isEditable } from "../core/publication/publication-machine.ts";
import type { Database } from "../db/database.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { type Attachment, deleteAttachment, insertAttachment } from "./attachment.repository.ts";
import { findPublication } from "./publication.repository.ts";

/** Largest attachment, in bytes. */
export const MAX_ATTACHMENT_BYTES = 32 * 1024 * 1024;

/** Attaches a file to a draft. */
export async function addAttachment(
  database: Database,
  publicationId: number,
  file: { fileName: string; content: Uint8Array },
  actor: Actor,
): Promise<Attachment> {
  const fileName = normaliseAttachmentName(file.fileName);
  if (file.content.length === 0) throw failPublication("EMPTY_ATTACHMENT");
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw failPublication("ATTACHMENT_TOO_LARGE");
  const mediaType = attachmentMediaType(fileName, file.content);
  if (!mediaType) throw failPublication("UNSUPPORTED_ATTACHMENT");
  const sha256 = createHash("sha256").update(file.content).digest("hex");
  return database.db.transaction().execute(async (trx) => {
    const item = await findPublication(trx, publicationId);
    if (!item) throw new DomainError("NOT_FOUND");
    if (!isEditable(item.status)) throw failPublication("NOT_EDITABLE");
    const now = new Date().toISOString();
    const attachment = await insertAttachment(
      trx,
      { publicationId, fileName, mediaType, sha256, content: file.content },
      now,
    );
    await recordChange(trx, database.dialect, actor, {
      agencyId: item.agencyId,
      action: "publication.attach",
      entityType: "publication",
      entityId: publicationId,
      after: attachment,
      at: now,
    });
    return attachment;
  });
}

/** Removes an attachment from a draft. */
export async function removeAttachment(
  database: Database,
  publicationId: number,
  id: number,
  actor: Actor,
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const item = await findPublication(trx, publicationId);
    if (!item) throw new DomainError("NOT_FOUND");
    if (!isEditable(item.status)) throw failPublication("NOT_EDITABLE");
    if (!(await deleteAttachment(trx, publicationId, id))) throw new DomainError("NOT_FOUND");
    await recordChange(trx, database.dialect, actor, {
      agencyId: item.agencyId,
      action: "publication.detach",
      entityType: "publication",
      entityId: publicationId,
      before: { attachmentId: id },
      at: new Date().toISOString(),
    });
  });
}
