/**
 * The reminder job: runs the reminders once at start and then on the schedule GONGKAI_REMINDER_CRON (default
 * every morning at 08:00 Asia/Shanghai), skipping days that are not working days (R-WD-1: holidays off,
 * 调休 Saturdays on). Runs never overlap. Without GONGKAI_SMTP_URL it logs that reminders are off and sends
 * nothing.
 */
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import type { Database } from "../db/database.ts";
import { claimJobRun } from "../db/job-run.repository.ts";
import { offJob, type ScheduledJob, startScheduledJob } from "../jobs/scheduled-job.ts";
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

/** A started reminder job. */
export type ReminderJob = ScheduledJob<ReminderRunSummary>;

/** Starts the reminder job (and its first run, in the background). */
export function startReminderJob(options: ReminderJobOptions): ReminderJob {
  const env = options.env ?? process.env;
  const smtp = smtpConfigFromEnv(env);
  if (!smtp) {
    options.log("提醒邮件未启用：未设置 GONGKAI_SMTP_URL，不会发送到期提醒。\n");
    return offJob();
  }
  const clock = options.clock ?? (() => new Date());
  const calendar = options.calendar ?? (() => effectiveCalendar(options.database));
  const pattern = env.GONGKAI_REMINDER_CRON?.trim() || DEFAULT_REMINDER_CRON;
  const mailer = smtpMailer(smtp);
  return startScheduledJob({
    label: "提醒邮件",
    envName: "GONGKAI_REMINDER_CRON",
    pattern,
    log: options.log,
    // Once per scheduled time across the instances sharing the database.
    claim: (slot) => claimJobRun(options.database.db, "reminders", slot.toISOString()),
    work: async () => {
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
    },
    runsToday: async () => (await calendar()).isWorkday(shanghaiDate(clock())),
    startedMessage: `提醒邮件已启用：启动时及每个工作日按“${pattern}”（北京时间）检查到期和逾期的申请。\n`,
    release: () => mailer.close(),
  });
}
