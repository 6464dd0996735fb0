/**
 * Migration 0007: the attempts to open a request's public status page, so that wrong verification codes are
 * throttled per address and per tracking number across restarts.
 */
import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates the tracking_attempts table, its two look-up indexes and the index that prunes old rows. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const pg = dialect === "postgres";
  const pk = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable("tracking_attempts")
    .addColumn("id", pg ? "serial" : "integer", pk)
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("tracking_no", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("success", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("tracking_attempts_ip_at")
    .on("tracking_attempts")
    .columns(["ip", "at"])
    .execute();
  await db.schema
    .createIndex("tracking_attempts_no_at")
    .on("tracking_attempts")
    .columns(["tracking_no", "at"])
    .execute();
  await db.schema.createIndex("tracking_attempts_at").on("tracking_attempts").column("at").execute();
}
