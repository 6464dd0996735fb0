/**
 * The reminder job: runs the reminders once at start and then on the schedule GONGKAI_REMINDER_CRON (default
 * every morning at 08:00 Asia/Shanghai), skipping days that are not working days (R-WD-1: holidays off,
 * 调休 Saturdays on). Runs never overlap. Without GONGKAI_SMTP_URL it logs that reminders are off and sends
 * nothing.
 */
import { Cron } from "croner";
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import type { Database } from "../db/database.ts";
import { type ReminderRunSummary, runReminders } from "./reminder.service.ts";
import { smtpConfigFromEnv, smtpMailer } from "./smtp-mailer.ts";

/** The default schedule: 08:00 every day; the job itself skips days that are not working days. */
export const DEFAULT_REMINDER_CRON = "0 8 * * *";

/** What the job needs. */
export interface ReminderJobOptions {
  readonly database: Database;
  /** The base URL of the site for the links (GONGKAI_PUBLIC_URL, else the server's own address). */
  readonly publicUrl: string;
  /** Where the job reports what it did and what went wrong. */
  readonly log: (text: string) => void;
  /** GONGKAI_SMTP_URL, GONGKAI_MAIL_FROM, GONGKAI_REMINDER_CRON (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** The clock (default: the system clock). */
  readonly clock?: () => Date;
  /** The working-day calendar of each run (default: the one in force, bundled + entered years, R-WD-3). */
  readonly calendar?: () => WorkCalendar | Promise<WorkCalendar>;
}

/** A started job. */
export interface ReminderJob {
  /** False when no SMTP server is configured (or the schedule is invalid): nothing is ever sent. */
  readonly enabled: boolean;
  /** Runs the reminders now, after any run in progress; null when the job is off or stopped. */
  runNow(): Promise<ReminderRunSummary | null>;
  /** Resolves once every run started so far has finished. */
  idle(): Promise<void>;
  /** Stops the schedule and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** A job that never runs. */
const OFF: ReminderJob = {
  enabled: false,
  runNow: async () => null,
  idle: async () => {},
  stop: async () => {},
};

/** Starts the reminder job (and its first run, in the background). */
export function startReminderJob(options: ReminderJobOptions): ReminderJob {
  const env = options.env ?? process.env;
  const smtp = smtpConfigFromEnv(env);
  if (!smtp) {
    options.log("提醒邮件未启用：未设置 GONGKAI_SMTP_URL，不会发送到期提醒。\n");
    return OFF;
  }
  const clock = options.clock ?? (() => new Date());
  const calendar = options.calendar ?? (() => effectiveCalendar(options.database));
  const pattern = env.GONGKAI_REMINDER_CRON?.trim() || DEFAULT_REMINDER_CRON;
  const mailer = smtpMailer(smtp);
  let stopped = false;
  let chain: Promise<unknown> = Promise.resolve();

  const run = (): Promise<ReminderRunSummary | null> => {
    const next = chain.then(async () => {
      if (stopped) return null;
      try {
        const summary = await runReminders({
          database: options.database,
          mailer,
          calendar: await calendar(),
          clock,
          publicUrl: options.publicUrl,
        });
        if (summary.sent + summary.failed > 0) {
          options.log(
            `提醒邮件（${summary.today}）：发出 ${summary.sent} 封，发送失败 ${summary.failed} 封（下次运行时重试）。\n`,
          );
        }
        return summary;
      } catch (error) {
        options.log(`提醒邮件运行出错：${error instanceof Error ? error.message : String(error)}\n`);
        return null;
      }
    });
    chain = next;
    return next;
  };

  let cron: Cron;
  try {
    const onError = (error: unknown) =>
      options.log(`提醒邮件运行出错：${error instanceof Error ? error.message : String(error)}\n`);
    const schedule = { timezone: "Asia/Shanghai", protect: true, unref: true, catch: onError };
    cron = new Cron(pattern, schedule, async () => {
      if ((await calendar()).isWorkday(shanghaiDate(clock()))) await run();
    });
  } catch (error) {
    mailer.close();
    const why = error instanceof Error ? error.message : String(error);
    options.log(`提醒邮件未启用：GONGKAI_REMINDER_CRON“${pattern}”无效（${why}）。\n`);
    return OFF;
  }
  options.log(`提醒邮件已启用：启动时及每个工作日按“${pattern}”（北京时间）检查到期和逾期的申请。\n`);
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
      mailer.close();
    },
  };
}
