/**
 * The monitor job: records every agency's monitors once at start and then daily on GONGKAI_MONITOR_CRON
 * (default 06:30 Asia/Shanghai, every day: the inspection thresholds count calendar days too). Runs never
 * overlap; a failed run is logged and never stops the server.
 */
import { Cron } from "croner";
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import type { Database } from "../db/database.ts";
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

/** A started job. */
export interface MonitorJob {
  /** False when the schedule is invalid: nothing is ever recorded. */
  readonly enabled: boolean;
  /** Records the monitors now, after any run in progress; null when the job is off, stopped or the run failed. */
  runNow(): Promise<MonitorRunSummary | null>;
  /** Resolves once every run started so far has finished. */
  idle(): Promise<void>;
  /** Stops the schedule and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** A job that never runs. */
const OFF: MonitorJob = {
  enabled: false,
  runNow: async () => null,
  idle: async () => {},
  stop: async () => {},
};

/** The message of a failure. */
const why = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Starts the monitor job (and its first run, in the background). */
export function startMonitorJob(options: MonitorJobOptions): MonitorJob {
  const env = options.env ?? process.env;
  const clock = options.clock ?? (() => new Date());
  const calendar = options.calendar ?? (() => effectiveCalendar(options.database));
  const pattern = env.GONGKAI_MONITOR_CRON?.trim() || DEFAULT_MONITOR_CRON;
  let stopped = false;
  let chain: Promise<unknown> = Promise.resolve();

  const run = (): Promise<MonitorRunSummary | null> => {
    const next = chain.then(async () => {
      if (stopped) return null;
      try {
        const summary = await recordMonitors(options.database, shanghaiDate(clock()), await calendar());
        for (const f of summary.failed) options.log(`监测预警：机关 ${f.agencyId} 计算出错：${f.message}\n`);
        return summary;
      } catch (error) {
        options.log(`监测预警运行出错：${why(error)}\n`);
        return null;
      }
    });
    chain = next;
    return next;
  };

  let cron: Cron;
  try {
    const onError = (error: unknown) => options.log(`监测预警运行出错：${why(error)}\n`);
    const schedule = { timezone: "Asia/Shanghai", protect: true, unref: true, catch: onError };
    cron = new Cron(pattern, schedule, async () => {
      await run();
    });
  } catch (error) {
    options.log(`监测预警未启用：GONGKAI_MONITOR_CRON“${pattern}”无效（${why(error)}）。\n`);
    return OFF;
  }
  void run();

  return {
    enabled: true,
    runNow: run,
    idle: async () => {
      await chain;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      cron.stop();
      await chain;
    },
  };
}
