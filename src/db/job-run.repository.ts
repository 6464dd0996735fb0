/**
 * SQL of scheduled-job runs: claiming a (job, slot) pair with an insert that exactly one instance wins.
 */
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import type { Schema } from "./schema.ts";

/** This process, as named in job_runs.claimed_by. */
const INSTANCE = `${hostname()}:${process.pid}`;

/** How long claimed runs are kept (older ones are deleted by the next winning claim of the job). */
export const JOB_RUN_KEEP_DAYS = 90;

/**
 * Claims the run of `job` scheduled at `slot` (ISO instant); true for exactly one caller across every
 * process sharing the database, false for the others (the insert meets the primary key and does nothing).
 * The winner also deletes the job's claims older than JOB_RUN_KEEP_DAYS before the slot.
 */
export async function claimJobRun(
  db: Kysely<Schema>,
  job: string,
  slot: string,
  at: string = new Date().toISOString(),
): Promise<boolean> {
  const result = await db
    .insertInto("job_runs")
    .values({ job, slot, claimed_by: INSTANCE, claimed_at: at })
    .onConflict((oc) => oc.columns(["job", "slot"]).doNothing())
    .executeTakeFirst();
  const won = Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  if (won) {
    const before = new Date(Date.parse(slot) - JOB_RUN_KEEP_DAYS * 86_400_000).toISOString();
    await db.deleteFrom("job_runs").where("job", "=", job).where("slot", "<", before).execute();
  }
  return won;
}

/** The claimed runs of a job, oldest slot first. */
export async function listJobRuns(
  db: Kysely<Schema>,
  job: string,
): Promise<{ slot: string; claimedBy: string }[]> {
  const rows = await db
    .selectFrom("job_runs")
    .select(["slot", "claimed_by"])
    .where("job", "=", job)
    .orderBy("slot")
    .execute();
  return rows.map((r) => ({ slot: r.slot, claimedBy: r.claimed_by }));
}
