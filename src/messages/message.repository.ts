/**
 * SQL of the message board: insert a message (idempotent by key), find, list with filters and pages, save a
 * transition, count a sender's recent messages, and the yearly figures.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { MessageStatus } from "../core/message/message-machine.ts";
import type { Schema } from "../db/schema.ts";
import type { MessageTable } from "../db/schema-messages.ts";

/** A stored message row. */
export type MessageRow = Selectable<MessageTable>;

/** Either the database or a transaction. */
type Executor = Kysely<Schema> | Transaction<Schema>;

/** What a new message stores. */
export type NewMessage = Omit<MessageRow, "id">;

/** Inserts a message unless one with the same idempotency key exists; returns the id of the one stored. */
export async function insertMessage(db: Executor, row: NewMessage): Promise<{ id: number; replay: boolean }> {
  const existing = await findMessageByKey(db, row.idempotency_key);
  if (existing) return { id: existing.id, replay: true };
  const inserted = await db
    .insertInto("messages")
    .values(row)
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, replay: false };
  const raced = await findMessageByKey(db, row.idempotency_key);
  if (!raced) throw new Error("message insert lost");
  return { id: raced.id, replay: true };
}

/** The message posted with an idempotency key, if any. */
export async function findMessageByKey(db: Executor, key: string): Promise<MessageRow | undefined> {
  return db.selectFrom("messages").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

/** A message by id, if any. */
export async function findMessage(db: Executor, id: number): Promise<MessageRow | undefined> {
  return db.selectFrom("messages").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Filters of a message list. */
export interface MessageFilter {
  readonly agencyIds: readonly number[];
  readonly status?: MessageStatus;
  readonly publishedOnly?: boolean;
  readonly year?: number;
  readonly page: number;
  readonly pageSize: number;
}

/** One page of messages (newest first) and the total. */
export async function listMessages(
  db: Executor,
  filter: MessageFilter,
): Promise<{ rows: MessageRow[]; total: number }> {
  if (filter.agencyIds.length === 0) return { rows: [], total: 0 };
  let query = db.selectFrom("messages").where("agency_id", "in", [...filter.agencyIds]);
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.publishedOnly) query = query.where("published", "=", 1);
  if (filter.year !== undefined) {
    query = query
      .where("received_on", ">=", `${filter.year}-01-01`)
      .where("received_on", "<=", `${filter.year}-12-31`);
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy("received_on", "desc")
    .orderBy("id", "desc")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Saves the outcome of a transition, only if the row is still in the status it was read in. */
export async function saveMessageTransition(
  trx: Transaction<Schema>,
  id: number,
  fromStatus: MessageStatus,
  fromPublished: number,
  change: Partial<
    Pick<
      MessageRow,
      | "status"
      | "reply_body"
      | "reply_department"
      | "replied_on"
      | "replied_by"
      | "reject_reason"
      | "published"
      | "updated_at"
    >
  >,
): Promise<boolean> {
  const result = await trx
    .updateTable("messages")
    .set(change)
    .where("id", "=", id)
    .where("status", "=", fromStatus)
    .where("published", "=", fromPublished)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many messages a sender posted since an instant (flood limits). */
export async function countSenderMessagesSince(
  db: Executor,
  senderHash: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom("messages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("sender_hash", "=", senderHash)
    .where("created_at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the sender already posted this exact text since an instant (a repeated post). */
export async function senderPostedSame(
  db: Executor,
  senderHash: string,
  body: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("messages")
    .select("id")
    .where("sender_hash", "=", senderHash)
    .where("body", "=", body)
    .where("created_at", ">=", since)
    .executeTakeFirst();
  return row !== undefined;
}

/** What the monitor needs of an agency's messages received on or after a date. */
export async function watchedMessages(
  db: Executor,
  agencyId: number,
  since: string,
): Promise<Pick<MessageRow, "id" | "kind" | "status" | "received_on" | "replied_on">[]> {
  return db
    .selectFrom("messages")
    .select(["id", "kind", "status", "received_on", "replied_on"])
    .where("agency_id", "=", agencyId)
    .where("received_on", ">=", since)
    .execute();
}

/** The year's figures of an agency's board: received (valid), replied in the year, published, rejected. */
export async function yearlyMessageCounts(
  db: Executor,
  agencyId: number,
  year: number,
): Promise<{ received: number; replied: number; published: number; rejected: number }> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const received = await db
    .selectFrom("messages")
    .select((eb) => [
      eb.fn.countAll<number>().as("all"),
      eb.fn.sum<number>(eb.case().when("status", "=", "rejected").then(1).else(0).end()).as("rejected"),
    ])
    .where("agency_id", "=", agencyId)
    .where("received_on", ">=", from)
    .where("received_on", "<=", to)
    .executeTakeFirstOrThrow();
  const replied = await db
    .selectFrom("messages")
    .select((eb) => [eb.fn.countAll<number>().as("replied"), eb.fn.sum<number>("published").as("published")])
    .where("agency_id", "=", agencyId)
    .where("status", "=", "replied")
    .where("replied_on", ">=", from)
    .where("replied_on", "<=", to)
    .executeTakeFirstOrThrow();
  const rejected = Number(received.rejected ?? 0);
  return {
    received: Number(received.all) - rejected,
    replied: Number(replied.replied),
    published: Number(replied.published ?? 0),
    rejected,
  };
}
