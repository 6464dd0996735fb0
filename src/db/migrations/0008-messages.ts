/**
 * Migration 0008: the public message board (网民留言) — messages with their reply and publication.
 */
import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates the messages table. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const pg = dialect === "postgres";
  const pk = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable("messages")
    .addColumn("id", pg ? "serial" : "integer", pk)
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id").onDelete("restrict"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("contact_email", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("publish_consent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("received_on", "text", (c) => c.notNull())
    .addColumn("reply_body", "text")
    .addColumn("reply_department", "text")
    .addColumn("replied_on", "text")
    .addColumn("replied_by", "integer", (c) => c.references("users.id"))
    .addColumn("reject_reason", "text")
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("sender_hash", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("messages_agency_received")
    .on("messages")
    .columns(["agency_id", "received_on"])
    .execute();
  await db.schema
    .createIndex("messages_sender_created")
    .on("messages")
    .columns(["sender_hash", "created_at"])
    .execute();
}
