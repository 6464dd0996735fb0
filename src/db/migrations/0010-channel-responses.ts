/**
 * Migration 0010: the replies new-media accounts gave to the public (回应关注), one row each.
 */
import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates the channel_responses table. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const pg = dialect === "postgres";
  const pk = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable("channel_responses")
    .addColumn("id", pg ? "serial" : "integer", pk)
    .addColumn("channel_id", "integer", (c) => c.notNull().references("channels.id").onDelete("restrict"))
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id").onDelete("restrict"))
    .addColumn("responded_on", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("channel_responses_agency_day")
    .on("channel_responses")
    .columns(["agency_id", "responded_on"])
    .execute();
}
