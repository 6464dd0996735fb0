/**
 * SQL of the files attached to catalog items.
 */
import type { Kysely, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** An attachment's description (the content is fetched separately). */
export interface Attachment {
  readonly id: number;
  readonly publicationId: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: string;
}

const COLUMNS = ["id", "publication_id", "file_name", "media_type", "size", "sha256", "created_at"] as const;

/** The API shape of a row. */
function toAttachment(row: {
  id: number;
  publication_id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  created_at: string;
}): Attachment {
  return {
    id: row.id,
    publicationId: row.publication_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

/** An item's attachments, in upload order. */
export async function listAttachments(db: Db, publicationId: number): Promise<Attachment[]> {
  const rows = await db
    .selectFrom("publication_attachments")
    .select(COLUMNS)
    .where("publication_id", "=", publicationId)
    .orderBy("id")
    .execute();
  return rows.map(toAttachment);
}

/** One attachment of an item with its content, or undefined. */
export async function findAttachmentContent(
  db: Db,
  publicationId: number,
  id: number,
): Promise<{ attachment: Attachment; content: Uint8Array } | undefined> {
  const row = await db
    .selectFrom("publication_attachments")
    .selectAll()
    .where("publication_id", "=", publicationId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { attachment: toAttachment(row), content: row.content } : undefined;
}

/** Inserts an attachment. */
export async function insertAttachment(
  trx: Transaction<Schema>,
  values: { publicationId: number; fileName: string; mediaType: string; sha256: string; content: Uint8Array },
  now: string,
): Promise<Attachment> {
  const row = await trx
    .insertInto("publication_attachments")
    .values({
      publication_id: values.publicationId,
      file_name: values.fileName,
      media_type: values.mediaType,
      size: values.content.length,
      sha256: values.sha256,
      content: values.content,
      created_at: now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toAttachment(row);
}

/** Deletes an attachment of an item; whether one was deleted. */
export async function deleteAttachment(
  trx: Transaction<Schema>,
  publicationId: number,
  id: number,
): Promise<boolean> {
  const result = await trx
    .deleteFrom("publication_attachments")
    .where("publication_id", "=", publicationId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
