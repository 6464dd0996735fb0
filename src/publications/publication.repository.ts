/**
 * SQL of catalog items: rows, their 先审后发 log, and the index-number serial (one row per agency and year,
 * incremented in the publishing transaction, so two items never get the same 索引号).
 */
import type { Kysely, Selectable, Transaction, Updateable } from "kysely";
import type { PublicationStatus, ReviewStep } from "../core/publication/publication-machine.ts";
import type { Validity } from "../core/publication/publication-rules.ts";
import type { Schema } from "../db/schema.ts";
import type { PublicationEventTable, PublicationTable } from "../db/schema-publications.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** A catalog item as stored (body included). */
export interface PublicationRecord {
  readonly id: number;
  readonly agencyId: number;
  readonly columnId: number;
  readonly status: PublicationStatus;
  readonly title: string;
  readonly summary: string;
  readonly publisher: string;
  readonly writtenOn: string | null;
  readonly formedOn: string;
  readonly publishedOn: string | null;
  readonly publishedAt: string | null;
  readonly documentNo: string;
  readonly topic: string;
  readonly genre: string;
  readonly validity: Validity;
  readonly categoryItem: string | null;
  readonly bodyHtml: string;
  readonly indexNo: string | null;
  readonly issueNo: number | null;
  readonly amendsId: number | null;
  readonly amendedById: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The editable content of an item. */
export interface PublicationContent {
  readonly columnId: number;
  readonly title: string;
  readonly summary: string;
  readonly publisher: string;
  readonly writtenOn: string | null;
  readonly formedOn: string;
  readonly documentNo: string;
  readonly topic: string;
  readonly genre: string;
  readonly categoryItem: string | null;
  readonly bodyHtml: string;
  readonly issueNo: number | null;
}

/** One entry of an item's log. */
export interface PublicationLogEntry {
  readonly seq: number;
  readonly type: string;
  readonly from: PublicationStatus;
  readonly to: PublicationStatus;
  readonly step: ReviewStep | null;
  readonly opinion: string;
  readonly actorUserId: number | null;
  readonly actorName: string;
  readonly actorRole: string;
  readonly at: string;
}

/** The API shape of a row. */
export function toPublication(row: Selectable<PublicationTable>): PublicationRecord {
  return {
    id: row.id,
    agencyId: row.agency_id,
    columnId: row.column_id,
    status: row.status as PublicationStatus,
    title: row.title,
    summary: row.summary,
    publisher: row.publisher,
    writtenOn: row.written_on,
    formedOn: row.formed_on,
    publishedOn: row.published_on,
    publishedAt: row.published_at,
    documentNo: row.document_no,
    topic: row.topic,
    genre: row.genre,
    validity: row.validity as Validity,
    categoryItem: row.category_item,
    bodyHtml: row.body_html,
    indexNo: row.index_no,
    issueNo: row.issue_no,
    amendsId: row.amends_id,
    amendedById: row.amended_by_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The content columns of an item's content. */
function contentColumns(content: PublicationContent) {
  return {
    column_id: content.columnId,
    title: content.title,
    summary: content.summary,
    publisher: content.publisher,
    written_on: content.writtenOn,
    formed_on: content.formedOn,
    document_no: content.documentNo,
    topic: content.topic,
    genre: content.genre,
    category_item: content.categoryItem,
    body_html: content.bodyHtml,
    issue_no: content.issueNo,
  };
}

/** One item, or undefined. */
export async function findPublication(db: Db, id: number): Promise<PublicationRecord | undefined> {
  const row = await db.selectFrom("publications").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toPublication(row) : undefined;
}

/** An amendment of `id` still in progress (any status but withdrawn), or undefined. */
export async function findOpenAmendment(db: Db, id: number): Promise<{ id: number } | undefined> {
  return db
    .selectFrom("publications")
    .select("id")
    .where("amends_id", "=", id)
    .where("status", "not in", ["withdrawn"])
    .executeTakeFirst();
}

/** Inserts a draft and returns it. */
export async function insertPublication(
  trx: Transaction<Schema>,
  agencyId: number,
  content: PublicationContent,
  extra: { amendsId: number | null; createdBy: number | null },
  now: string,
): Promise<PublicationRecord> {
  const row = await trx
    .insertInto("publications")
    .values({
      agency_id: agencyId,
      ...contentColumns(content),
      status: "draft",
      validity: "有效",
      amends_id: extra.amendsId,
      created_by: extra.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPublication(row);
}

/** Writes a draft's content. */
export async function updatePublicationContent(
  trx: Transaction<Schema>,
  id: number,
  content: PublicationContent,
  now: string,
): Promise<PublicationRecord> {
  const row = await trx
    .updateTable("publications")
    .set({ ...contentColumns(content), updated_at: now })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPublication(row);
}

/** Writes the given columns of an item (status, publication fields, validity, links). */
export async function updatePublicationRow(
  trx: Transaction<Schema>,
  id: number,
  values: Updateable<PublicationTable>,
): Promise<PublicationRecord> {
  const row = await trx
    .updateTable("publications")
    .set(values)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPublication(row);
}

/**
 * The next index-number serial of an agency in a year. The upsert takes the row's write lock (PostgreSQL)
 * or runs under SQLite's single writer, so concurrent publications are serialised here.
 */
export async function nextSerial(trx: Transaction<Schema>, agencyId: number, year: number): Promise<number> {
  const row = await trx
    .insertInto("publication_serials")
    .values({ agency_id: agencyId, year, last_serial: 1 })
    .onConflict((oc) =>
      oc
        .columns(["agency_id", "year"])
        .doUpdateSet((eb) => ({ last_serial: eb("publication_serials.last_serial", "+", 1) })),
    )
    .returning("last_serial")
    .executeTakeFirstOrThrow();
  return Number(row.last_serial);
}

/** The API shape of a log row. */
function toLogEntry(row: Selectable<PublicationEventTable>): PublicationLogEntry {
  return {
    seq: row.seq,
    type: row.type,
    from: row.from_status as PublicationStatus,
    to: row.to_status as PublicationStatus,
    step: row.step as ReviewStep | null,
    opinion: row.opinion,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    at: row.at,
  };
}

/** An item's log, oldest first. */
export async function listPublicationLog(db: Db, publicationId: number): Promise<PublicationLogEntry[]> {
  const rows = await db
    .selectFrom("publication_events")
    .selectAll()
    .where("publication_id", "=", publicationId)
    .orderBy("seq")
    .execute();
  return rows.map(toLogEntry);
}

/** Appends a log entry (seq = one more than the last). */
export async function appendPublicationLog(
  trx: Transaction<Schema>,
  publicationId: number,
  entry: Omit<PublicationLogEntry, "seq">,
): Promise<PublicationLogEntry> {
  const last = await trx
    .selectFrom("publication_events")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("publication_id", "=", publicationId)
    .executeTakeFirst();
  const row = await trx
    .insertInto("publication_events")
    .values({
      publication_id: publicationId,
      seq: Number(last?.seq ?? 0) + 1,
      type: entry.type,
      from_status: entry.from,
      to_status: entry.to,
      step: entry.step,
      opinion: entry.opinion,
      actor_user_id: entry.actorUserId,
      actor_name: entry.actorName,
      actor_role: entry.actorRole,
      at: entry.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLogEntry(row);
}

/** Whether a database error is the index-number uniqueness rule. */
export function isIndexNumberViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; constraint?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  if (code !== "23505" && code !== "SQLITE_CONSTRAINT_UNIQUE") return false;
  const where = `${typeof e?.constraint === "string" ? e.constraint : ""} ${String(e?.message ?? "")}`;
  return where.includes("index_no") || where.includes("index_serial");
}
