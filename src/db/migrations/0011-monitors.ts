/**
 * Migration 0011: the daily monitors. Each new-media account records whether its 留言/评论/私信 function
 * works and when that was last checked (N-2); `monitor_results` keeps each monitor's verdict per agency and
 * day (the history), one row per agency, day and rule.
 */
import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Adds the channels' interaction flag and creates the monitor_results table. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const pg = dialect === "postgres";
  const pk = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .alterTable("channels")
    .addColumn("interactive", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("channels").addColumn("interactive_checked_on", "text").execute();
  await db.schema
    .createTable("monitor_results")
    .addColumn("id", pg ? "serial" : "integer", pk)
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id").onDelete("restrict"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("value", "integer", (c) => c.notNull())
    .addColumn("threshold", "integer", (c) => c.notNull())
    .addColumn("items_json", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addUniqueConstraint("monitor_results_agency_day_rule", ["agency_id", "day", "rule"])
    .execute();
}
