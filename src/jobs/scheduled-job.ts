/**
 * A background job of the server: run once at start and then on a croner schedule in Asia/Shanghai, one
 * run at a time (a run asked for while one is going waits for it). A failed run is logged in Chinese and
 * never stops the server; an invalid schedule leaves the job off. With several instances on one database, each
 * scheduled run — the run at start included — first claims its slot (the scheduled time it stands for: the
 * latest time of the schedule at or before now) through `claim`, and only the instance that wins runs it.
 */
import { Cron } from "croner";

/** A started job. */
export interface ScheduledJob<T> {
  /** False when the job is off (not configured, or its schedule is invalid): it never runs. */
  readonly enabled: boolean;
  /** Runs the job now, after any run in progress; null when the job is off or stopped or the run failed. */
  runNow(): Promise<T | null>;
  /** Resolves once every run started so far has finished. */
  idle(): Promise<void>;
  /** Stops the schedule and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** How to run one job. */
export interface ScheduledJobSpec<T> {
  /** The job's Chinese name in the log ("提醒邮件", "监测预警"). */
  readonly label: string;
  /** The environment variable the schedule came from, named in the log when it is invalid. */
  readonly envName: string;
  /** The croner pattern (five or six fields). */
  readonly pattern: string;
  readonly log: (text: string) => void;
  /** One run; what it throws is logged. */
  readonly work: () => Promise<T>;
  /** Whether a scheduled run goes ahead today (e.g. working days only); the run at start always does. */
  readonly runsToday?: () => Promise<boolean>;
  /** Logged when the job starts. */
  readonly startedMessage?: string;
  /** Releases what the job holds (called on stop, and when the schedule is invalid). */
  readonly release?: () => void;
  /**
   * Claims the run scheduled at `slot` for this instance; false when another instance has it (the run is
   * skipped). Runs asked for with runNow() claim nothing. Without it every scheduled run goes ahead.
   */
  readonly claim?: (slot: Date) => Promise<boolean>;
}

/** A job that never runs. */
export function offJob<T>(): ScheduledJob<T> {
  return { enabled: false, runNow: async () => null, idle: async () => {}, stop: async () => {} };
}

/** The message of a failure. */
function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Starts the job on its schedule, and its first run in the background. */
export function startScheduledJob<T>(spec: ScheduledJobSpec<T>): ScheduledJob<T> {
  const failed = (error: unknown) => spec.log(`${spec.label}运行出错：${reason(error)}\n`);
  let stopped = false;
  let chain: Promise<unknown> = Promise.resolve();
  const run = (slot?: Date, atStart = false): Promise<T | null> => {
    const next = chain.then(async () => {
      if (stopped) return null;
      try {
        if (slot && spec.claim && !(await spec.claim(slot))) {
          if (atStart)
            spec.log(`${spec.label}：${slot.toISOString()} 这一次已由另一实例运行，本实例跳过。\n`);
          return null;
        }
        return await spec.work();
      } catch (error) {
        failed(error);
        return null;
      }
    });
    chain = next;
    return next;
  };

  let cron: Cron;
  // croner hands the trigger its actual start time; the slot is the scheduled time at or before it
  // (previousRuns looks strictly before its reference truncated to the second, hence the second added).
  const slotAt = (now: Date): Date | undefined => cron.previousRuns(1, new Date(now.getTime() + 1000))[0];
  try {
    const schedule = { timezone: "Asia/Shanghai", protect: true, unref: true, catch: failed };
    cron = new Cron(spec.pattern, schedule, async () => {
      const slot = slotAt(new Date());
      if (!spec.runsToday || (await spec.runsToday())) await run(slot);
    });
  } catch (error) {
    spec.release?.();
    spec.log(`${spec.label}未启用：${spec.envName}“${spec.pattern}”无效（${reason(error)}）。\n`);
    return offJob<T>();
  }
  if (spec.startedMessage) spec.log(spec.startedMessage);
  void run(slotAt(new Date()), true);

  return {
    enabled: true,
    runNow: () => run(),
    idle: async () => {
      await chain;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      cron.stop();
      await chain;
      spec.release?.();
    },
  };
}
