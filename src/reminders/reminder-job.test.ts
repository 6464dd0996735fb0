import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { insertAgency, insertTestUser, testClock } from "../auth/auth.test-support.ts";
import type { Dialect } from "../db/database.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { updateUserAccount } from "../users/user.service.ts";
import { insertCase, storedReminders } from "./reminder.test-support.ts";
import { type ReminderJob, startReminderJob } from "./reminder-job.ts";
import { type SmtpInbox, startSmtpInbox } from "./smtp-inbox.test-support.ts";

let inbox: SmtpInbox;
const databases: TestDatabase[] = [];
const jobs: ReminderJob[] = [];

beforeAll(async () => {
  inbox = await startSmtpInbox();
});
afterAll(async () => {
  await inbox.close();
});
afterEach(async () => {
  for (const job of jobs.splice(0)) await job.stop();
  for (const db of databases.splice(0)) await db.dispose();
  inbox.mails.length = 0;
});

/** Tuesday 2026-11-10, 08:30 in Shanghai. */
const TUESDAY = "2026-11-10T00:30:00.000Z";
/** National Day 2026 (a holiday), 08:30 in Shanghai. */
const NATIONAL_DAY = "2026-10-01T00:30:00.000Z";

/** A database with an agency and an officer with an e-mail address. */
async function setup(dialect: Dialect) {
  const database = await createTestDatabase(dialect);
  databases.push(database);
  const agencyId = await insertAgency(database, "示范市教育局", null);
  const officer = await insertTestUser(database, "wang", [{ agencyId, role: "case_officer" }]);
  await updateUserAccount(database, officer, { email: "wang@edu.example.gov.cn" }, SYSTEM_ACTOR);
  return { database, agencyId, officer };
}

/** Starts a job and remembers it, so every test stops its jobs. */
function start(options: Parameters<typeof startReminderJob>[0]): ReminderJob {
  const job = startReminderJob(options);
  jobs.push(job);
  return job;
}

/** Waits until `done` holds, up to `ms`. */
async function waitFor(done: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe.each(testDialects())("the reminder job on %s", (dialect) => {
  it("without GONGKAI_SMTP_URL says reminders are off and sends nothing", async () => {
    const { database, agencyId, officer } = await setup(dialect);
    await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100001",
      dueOn: "2026-11-10",
      caseOfficerId: officer,
    });
    let log = "";
    const job = start({
      database,
      publicUrl: "http://127.0.0.1:3000",
      log: (text) => {
        log += text;
      },
      env: {},
      clock: testClock(TUESDAY).now,
    });
    expect(job.enabled).toBe(false);
    expect(await job.runNow()).toBeNull();
    expect(log).toContain("提醒邮件未启用：未设置 GONGKAI_SMTP_URL");
    expect(await storedReminders(database)).toEqual([]);
  });

  it("runs once at start; a restarted job sends no second mail", async () => {
    const { database, agencyId, officer } = await setup(dialect);
    await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100002",
      dueOn: "2026-11-12",
      caseOfficerId: officer,
    });
    const options = {
      database,
      publicUrl: "https://gk.example.gov.cn",
      log: () => {},
      env: { GONGKAI_SMTP_URL: inbox.url },
      clock: testClock(TUESDAY).now,
    };
    const first = start(options);
    expect(first.enabled).toBe(true);
    await first.idle();
    expect(inbox.mails.map((m) => m.to)).toEqual([["wang@edu.example.gov.cn"]]);
    await first.stop();

    const second = start(options);
    await second.idle();
    expect(await second.runNow()).toEqual({ today: "2026-11-10", reserved: 0, sent: 0, failed: 0 });
    await second.stop();
    expect(inbox.mails).toHaveLength(1);
    expect(await storedReminders(database)).toHaveLength(1);
  });

  it("R-WD-1 runs on its schedule on working days and skips holidays", async () => {
    const { database, agencyId, officer } = await setup(dialect);
    const env = { GONGKAI_SMTP_URL: inbox.url, GONGKAI_REMINDER_CRON: "* * * * * *" };
    const common = { database, publicUrl: "https://gk.example.gov.cn", log: () => {}, env };
    const working = start({ ...common, clock: testClock(TUESDAY).now });
    await working.idle();
    await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100003",
      dueOn: "2026-11-10",
      caseOfficerId: officer,
    });
    await waitFor(() => inbox.mails.length === 1, 5000);
    expect(inbox.mails.map((m) => m.subject)).toEqual([
      "【即将到期】政府信息公开申请 YSQ2026000100003 答复期限 2026-11-10（今日到期）",
    ]);
    await working.stop();

    const holiday = start({ ...common, clock: testClock(NATIONAL_DAY).now });
    await holiday.idle();
    await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100004",
      dueOn: "2026-09-30",
      caseOfficerId: officer,
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(inbox.mails).toHaveLength(1);
    // The case was due for a reminder all along: asked directly, the job sends it.
    expect((await holiday.runNow())?.sent).toBe(1);
    expect(inbox.mails.at(-1)?.subject).toContain("【已逾期】政府信息公开申请 YSQ2026000100004");
  });

  it("an invalid schedule leaves reminders off and says why", async () => {
    const { database } = await setup(dialect);
    let log = "";
    const job = start({
      database,
      publicUrl: "https://gk.example.gov.cn",
      log: (text) => {
        log += text;
      },
      env: { GONGKAI_SMTP_URL: inbox.url, GONGKAI_REMINDER_CRON: "every morning" },
    });
    expect(job.enabled).toBe(false);
    expect(log).toContain("GONGKAI_REMINDER_CRON“every morning”无效");
  });
});
