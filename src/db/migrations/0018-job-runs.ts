/**
 * Migration 0018: job runs, so that a scheduled job (reminders, monitors, …) runs once per scheduled time
 * across every instance sharing the database: the instance whose insert of (job, slot) succeeds runs it.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates job_runs, keyed by (job, slot). */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("job_runs")
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("slot", "text", (c) => c.notNull())
    .addColumn("claimed_by", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("job_runs_pk", ["job", "slot"])
    .execute();
}
