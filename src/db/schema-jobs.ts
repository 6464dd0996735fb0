/**
 * Tables of the scheduled jobs: which instance claimed which scheduled run.
 */

/** One claimed run of a scheduled job (migration 0018). */
export interface JobRunTable {
  /** The job: "reminders", "monitors", … */
  job: string;
  /** The scheduled time of the run (ISO instant, UTC). */
  slot: string;
  /** The instance that claimed it: host name and process id. */
  claimed_by: string;
  /** ISO instant of the claim. */
  claimed_at: string;
}

/** The job tables, merged into Schema. */
export interface JobTables {
  job_runs: JobRunTable;
}
