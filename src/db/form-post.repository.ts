/**
 * SQL of the public forms' flood limits: the posts accepted per form and sender, counted in the database so
 * that every instance sharing it sees the same numbers, and the lock that makes check-and-record atomic.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { Dialect } from "./database.ts";
import type { Schema } from "./schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/**
 * Holds, until the transaction ends, the lock of one sender of one form: on PostgreSQL an advisory lock on a
 * hash of the pair (other senders are not held up); SQLite runs one writing transaction at a time anyway.
 */
export async function lockFormSender(
  trx: Transaction<Schema>,
  dialect: Dialect,
  form: string,
  senderHash: string,
): Promise<void> {
  if (dialect !== "postgres") return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`form-post|${form}|${senderHash}`}, 0))`.execute(
    trx,
  );
}

/** How many posts of the form the sender made since an instant. */
export async function countFormPosts(
  db: Db,
  form: string,
  senderHash: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom("form_posts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("form", "=", form)
    .where("sender_hash", "=", senderHash)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records one accepted post. */
export async function insertFormPost(db: Db, form: string, senderHash: string, at: string): Promise<void> {
  await db.insertInto("form_posts").values({ form, sender_hash: senderHash, at }).execute();
}

/** Forgets the posts made before an instant (they no longer count for any window). */
export async function pruneFormPosts(db: Db, before: string): Promise<void> {
  await db.deleteFrom("form_posts").where("at", "<", before).execute();
}
