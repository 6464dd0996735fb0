/**
 * SQL of the message board's spent form tokens (one post per token) and of the per-sender lock that makes
 * the board's flood limits hold across instances sharing PostgreSQL.
 */
import { sql, type Transaction } from "kysely";
import type { Dialect } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";

/**
 * Spends a token for the post with idempotency key `usedFor`, unless spent before; true when the token is
 * now this post's (new, or spent earlier by this same post), false when another post spent it. Tokens past
 * their expiry are forgotten first (an expired token is refused before it gets here).
 */
export async function spendFormToken(
  trx: Transaction<Schema>,
  token: { readonly id: string; readonly usedFor: string; readonly expiresAt: string },
  now: string,
): Promise<boolean> {
  await trx.deleteFrom("used_form_tokens").where("expires_at", "<", now).execute();
  await trx
    .insertInto("used_form_tokens")
    .values({ token_id: token.id, used_for: token.usedFor, expires_at: token.expiresAt })
    .onConflict((oc) => oc.column("token_id").doNothing())
    .execute();
  const row = await trx
    .selectFrom("used_form_tokens")
    .select("used_for")
    .where("token_id", "=", token.id)
    .executeTakeFirst();
  return row?.used_for === token.usedFor;
}

/**
 * Holds, until the transaction ends, the lock of one sender of the board (PostgreSQL advisory lock on a hash
 * of the sender), so that its count-then-insert is not raced by its own parallel posts; SQLite runs one
 * writing transaction at a time anyway.
 */
export async function lockBoardSender(
  trx: Transaction<Schema>,
  dialect: Dialect,
  senderHash: string,
): Promise<void> {
  if (dialect !== "postgres") return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`message-board|${senderHash}`}, 0))`.execute(trx);
}
