/**
 * The monitor job: records every agency's monitors once at start and then daily on GONGKAI_MONITOR_CRON
 * (default 06:30 Asia/Shanghai, every day: the inspection thresholds count calendar days too). Runs never
 * overlap; a failed run is logged and never stops the server.
 */
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import type { Database } from "../db/database.ts";
import { claimJobRun } from "../db/job-run.repository.ts";
import { type ScheduledJob, startScheduledJob } from "../jobs/scheduled-job.ts";
import { type MonitorRunSummary, recordMonitors } from "./monitor.service.ts";

/** The default schedule: 06:30:00 every day. */
export const DEFAULT_MONITOR_CRON = "0 30 6 * * *";

/** What the job needs. */
export interface MonitorJobOptions {
  readonly database: Database;
  /** Where the job reports what it did and what went wrong. */
  readonly log: (text: string) => void;
  /** GONGKAI_MONITOR_CRON (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** The clock (default: the system clock). */
  readonly clock?: () => Date;
  /** The working-day calendar of each run (default: the one in force, bundled + entered years). */
  readonly calendar?: () => WorkCalendar | Promise<WorkCalendar>;
}

/** A started monitor job. */
export type MonitorJob = ScheduledJob<MonitorRunSummary>;

/** Starts the monitor job (and its first run, in the background). */
export function startMonitorJob(options: MonitorJobOptions): MonitorJob {
  const env = options.env ?? process.env;
  const clock = options.clock ?? (() => new Date());
  const calendar = options.calendar ?? (() => effectiveCalendar(options.database));
  const pattern = env.GONGKAI_MONITOR_CRON?.trim() || DEFAULT_MONITOR_CRON;
  return startScheduledJob({
    label: "监测预警",
    envName: "GONGKAI_MONITOR_CRON",
    pattern,
    log: options.log,
    // Once per scheduled time across the instances sharing the database.
    claim: (slot) => claimJobRun(options.database.db, "monitors", slot.toISOString()),
    work: async () => {
      const summary = await recordMonitors(options.database, shanghaiDate(clock()), await calendar());
      for (const f of summary.failed) options.log(`监测预警：机关 ${f.agencyId} 计算出错：${f.message}\n`);
      return summary;
    },
  });
}
