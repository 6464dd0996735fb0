import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { insertAgency, insertTestUser, testClock } from "../auth/auth.test-support.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { databaseUrl } from "../db/instances.test-support.ts";
import { listJobRuns } from "../db/job-run.repository.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { updateUserAccount } from "../users/user.service.ts";
import { insertCase, storedReminders } from "./reminder.test-support.ts";
import { startReminderJob } from "./reminder-job.ts";
import { type SmtpInbox, startSmtpInbox } from "./smtp-inbox.test-support.ts";

let inbox: SmtpInbox;
const databases: TestDatabase[] = [];
const pools: Database[] = [];
beforeAll(async () => {
  inbox = await startSmtpInbox();
});
afterAll(async () => {
  await inbox.close();
});
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
  for (const db of databases.splice(0)) await db.dispose();
  inbox.mails.length = 0;
});

/** Tuesday 2026-11-10, 08:30 in Shanghai (a working day). */
const TUESDAY = "2026-11-10T00:30:00.000Z";

describe.each(testDialects())("the reminder job on two instances over one %s database", (dialect) => {
  it("claims each scheduled run once across the instances and mails each reminder once", async () => {
    const database = await createTestDatabase(dialect);
    databases.push(database);
    const agencyId = await insertAgency(database, "示范市教育局", null);
    const officer = await insertTestUser(database, "wang", [{ agencyId, role: "case_officer" }]);
    await updateUserAccount(database, officer, { email: "wang@edu.example.gov.cn" }, SYSTEM_ACTOR);
    await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100009",
      dueOn: "2026-11-12",
      caseOfficerId: officer,
    });
    // The other instance: its own pool on PostgreSQL; on SQLite there is one process per data folder anyway.
    const other =
      dialect === "postgres" ? await openDatabase({ url: await databaseUrl(database) }) : database;
    if (other !== database) pools.push(other);
    const jobs = [database, other].map((instance) =>
      startReminderJob({
        database: instance,
        publicUrl: "https://gk.example.gov.cn",
        log: () => {},
        env: { GONGKAI_SMTP_URL: inbox.url, GONGKAI_REMINDER_CRON: "* * * * * *" },
        clock: testClock(TUESDAY).now,
      }),
    );
    try {
      const until = Date.now() + 10_000;
      while ((await listJobRuns(database.db, "reminders")).length < 3 && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      for (const job of jobs) await job.stop();
    }
    const runs = await listJobRuns(database.db, "reminders");
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(new Set(runs.map((r) => r.slot)).size).toBe(runs.length);
    expect(inbox.mails.map((m) => m.to)).toEqual([["wang@edu.example.gov.cn"]]);
    expect(await storedReminders(database)).toHaveLength(1);
  }, 30_000);
});
