/**
 * Migration 0004: reminders by e-mail — each user's e-mail address, and the delivery state of every reserved
 * reminder (when the mail server accepted it, to whom, how many attempts, the last failure, and a short lease
 * so that two processes never send the same reminder at once).
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Adds users.email and the delivery columns of reminders_sent. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  // SQLite takes one ADD COLUMN per statement, so each column is its own statement on both engines.
  await db.schema
    .alterTable("users")
    .addColumn("email", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("reminders_sent").addColumn("delivered_at", "text").execute();
  await db.schema
    .alterTable("reminders_sent")
    .addColumn("recipient", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("reminders_sent")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("reminders_sent")
    .addColumn("last_error", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("reminders_sent").addColumn("claimed_until", "text").execute();
  // Rows written before delivery was recorded stood for reminders already sent.
  await sql`update reminders_sent set delivered_at = sent_at where delivered_at is null`.execute(db);
  await db.schema
    .createIndex("reminders_sent_pending")
    .on("reminders_sent")
    .columns(["delivered_at", "request_id"])
    .execute();
}
