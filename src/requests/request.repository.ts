/**
 * SQL of the disclosure requests: the case rows, their append-only event log, attachments, the letters a
 * case shows, the installation secret of the verification codes, and the names the presenters need.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { CaseEvent } from "../core/request/request-events.ts";
import type { RequestState } from "../core/request/request-state.ts";
import type { RequestAttachmentTable, RequestTable, Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** A stored case row. */
export type RequestRow = Selectable<RequestTable>;

/** The columns written when a case is opened (the state columns are added from the machine's state). */
export type NewRequestValues = Omit<
  RequestTable,
  | "id"
  | "status"
  | "extended"
  | "outcome"
  | "closed_on"
  | "due_on"
  | "due_provisional"
  | "calendar_version"
  | "case_officer_id"
  | "received_on"
  | "updated_at"
>;

/** An event row as read back: the machine's event with its sequence number. */
export type StoredEvent = CaseEvent & { readonly seq: number };

/** The stored columns that mirror the machine's state (for lists and the table; R-WD-4). */
export function stateColumns(state: RequestState) {
  return {
    status: state.status,
    received_on: state.receivedOn,
    extended: state.extended ? 1 : 0,
    outcome: state.outcome,
    closed_on: state.closedOn,
    due_on: state.deadline.due,
    due_provisional: state.deadline.provisional ? 1 : 0,
    calendar_version: state.deadline.calendarVersion,
    case_officer_id: state.caseOfficerId,
  };
}

/** Inserts a case row; its id. */
export async function insertRequest(
  trx: Transaction<Schema>,
  values: NewRequestValues,
  state: RequestState,
  now: string,
): Promise<number> {
  const row = await trx
    .insertInto("requests")
    .values({ ...values, ...stateColumns(state), updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes the state columns of a case (and who confirmed it, R-31-4). */
export async function updateRequestState(
  trx: Transaction<Schema>,
  id: number,
  state: RequestState,
  now: string,
  confirmed?: { by: number | null; at: string },
): Promise<void> {
  await trx
    .updateTable("requests")
    .set({
      ...stateColumns(state),
      ...(confirmed ? { confirmed_by: confirmed.by, confirmed_at: confirmed.at } : {}),
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
}

/** One case row, or undefined. */
export async function findRequest(db: Db, id: number): Promise<RequestRow | undefined> {
  return db.selectFrom("requests").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The case row of a tracking number, or undefined. */
export async function findRequestByTrackingNo(db: Db, trackingNo: string): Promise<RequestRow | undefined> {
  return db.selectFrom("requests").selectAll().where("tracking_no", "=", trackingNo).executeTakeFirst();
}

/** The case row of an idempotency key, or undefined. */
export async function findRequestByIdempotencyKey(db: Db, key: string): Promise<RequestRow | undefined> {
  return db.selectFrom("requests").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

/** The highest tracking number with a prefix ("YSQ{YYYY}{agency:4}"), or undefined. */
export async function lastTrackingNo(db: Db, prefix: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("requests")
    .select("tracking_no")
    .where("tracking_no", "like", `${prefix}%`)
    .orderBy("tracking_no", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.tracking_no;
}

/** The case log of a request, in order. */
export async function loadEvents(db: Db, requestId: number): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom("request_events")
    .selectAll()
    .where("request_id", "=", requestId)
    .orderBy("seq")
    .execute();
  return rows.map(
    (r) =>
      ({
        seq: r.seq,
        type: r.type,
        occurredOn: r.occurred_on,
        at: r.at,
        actorUserId: r.actor_user_id,
        data: JSON.parse(r.data_json) as unknown,
      }) as StoredEvent,
  );
}

/** Appends events after `afterSeq`; the unique (request_id, seq) makes a concurrent append fail. */
export async function appendEvents(
  trx: Transaction<Schema>,
  requestId: number,
  afterSeq: number,
  events: readonly CaseEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto("request_events")
    .values(
      events.map((e, i) => ({
        request_id: requestId,
        seq: afterSeq + i + 1,
        type: e.type,
        occurred_on: e.occurredOn,
        at: e.at,
        actor_user_id: e.actorUserId,
        data_json: JSON.stringify(e.data),
      })),
    )
    .execute();
}

/** Whether a database error is a uniqueness violation (SQLite or PostgreSQL), optionally naming a column. */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  const e = error as { code?: unknown; message?: unknown; constraint?: unknown; detail?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  if (code !== "23505" && code !== "SQLITE_CONSTRAINT_UNIQUE") return false;
  if (!column) return true;
  return `${String(e?.constraint ?? "")} ${String(e?.message ?? "")} ${String(e?.detail ?? "")}`.includes(
    column,
  );
}

/** An attachment's description. */
export type AttachmentInfo = Pick<
  Selectable<RequestAttachmentTable>,
  "id" | "request_id" | "kind" | "file_name" | "media_type" | "size"
>;

/** Inserts an attachment; its description. */
export async function insertAttachment(
  trx: Transaction<Schema>,
  values: Omit<RequestAttachmentTable, "id">,
): Promise<AttachmentInfo> {
  return trx
    .insertInto("request_attachments")
    .values(values)
    .returning(["id", "request_id", "kind", "file_name", "media_type", "size"])
    .executeTakeFirstOrThrow();
}

/** The attachments of a case (without content). */
export async function listAttachments(db: Db, requestId: number): Promise<AttachmentInfo[]> {
  return db
    .selectFrom("request_attachments")
    .select(["id", "request_id", "kind", "file_name", "media_type", "size"])
    .where("request_id", "=", requestId)
    .orderBy("id")
    .execute();
}

/** One attachment with its content, or undefined. */
export async function findAttachment(
  db: Db,
  requestId: number,
  id: number,
): Promise<Selectable<RequestAttachmentTable> | undefined> {
  return db
    .selectFrom("request_attachments")
    .selectAll()
    .where("request_id", "=", requestId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The letters of a case (without their files), with the issuer's name. */
export async function listLetters(db: Db, requestId: number) {
  return db
    .selectFrom("letters")
    .leftJoin("users", "users.id", "letters.issued_by")
    .select([
      "letters.id",
      "letters.request_id",
      "letters.kind",
      "letters.status",
      "letters.title",
      "letters.body",
      "letters.issued_at",
      "letters.created_at",
      "letters.updated_at",
      "users.display_name as issued_by_name",
    ])
    .where("letters.request_id", "=", requestId)
    .orderBy("letters.id")
    .execute();
}

/** Display names of users by id. */
export async function userNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("id", "in", unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Names of agencies by id. */
export async function agencyNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom("agencies").select(["id", "name"]).where("id", "in", unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Whether a user holds one of the roles in an agency. */
export async function holdsRole(
  db: Db,
  userId: number,
  agencyId: number,
  roles: readonly string[],
): Promise<boolean> {
  const row = await db
    .selectFrom("role_assignments")
    .select("id")
    .where("user_id", "=", userId)
    .where("agency_id", "=", agencyId)
    .where("role", "in", [...roles])
    .executeTakeFirst();
  return row !== undefined;
}
