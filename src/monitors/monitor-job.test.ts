import { afterEach, describe, expect, it } from "vitest";
import { updateAgencyProfile } from "../agencies/agency.service.ts";
import { createTestTree, FULL_CONTACT } from "../agencies/agency.test-support.ts";
import { testClock } from "../auth/auth.test-support.ts";
import type { Dialect } from "../db/database.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { type MonitorJob, startMonitorJob } from "./monitor-job.ts";
import { listVerdicts } from "./monitor-results.repository.ts";

const databases: TestDatabase[] = [];
const jobs: MonitorJob[] = [];
afterEach(async () => {
  for (const job of jobs.splice(0)) await job.stop();
  for (const db of databases.splice(0)) await db.dispose();
});

/** 07:00 on Friday 8 March 2024 in Shanghai. */
const MORNING = "2024-03-07T23:00:00.000Z";

/** A database with the test tree. */
async function setup(dialect: Dialect) {
  const database = await createTestDatabase(dialect);
  databases.push(database);
  return { database, tree: await createTestTree(database) };
}

/** Starts a job and remembers it, so every test stops its jobs. */
function start(options: Parameters<typeof startMonitorJob>[0]): MonitorJob {
  const job = startMonitorJob(options);
  jobs.push(job);
  return job;
}

/** The count of stored verdicts. */
async function storedRows(database: TestDatabase): Promise<number> {
  const row = await database.db
    .selectFrom("monitor_results")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testDialects())("the monitor job on %s", (dialect) => {
  it("records every agency's monitors once at start, for the day in Shanghai; a run now replaces the day", async () => {
    const { database, tree } = await setup(dialect);
    const job = start({ database, log: () => {}, env: {}, clock: testClock(MORNING).now });
    expect(job.enabled).toBe(true);
    await job.idle();
    expect(await storedRows(database)).toBe(5 * 11);
    await updateAgencyProfile(database, tree.b, { contact: { ...FULL_CONTACT, hours: "" } }, SYSTEM_ACTOR);
    const summary = await job.runNow();
    expect(summary).toMatchObject({ day: "2024-03-08", agencies: 5, failed: [] });
    expect(await storedRows(database)).toBe(5 * 11);
    const g12 = await listVerdicts(database.db, tree.b, {
      from: "2024-03-08",
      to: "2024-03-08",
      rule: "G-12",
    });
    expect(g12.map((v) => [v.level, v.items])).toEqual([["breach", ["办公时间"]]]);
    await job.stop();
    expect(await job.runNow()).toBeNull();
  });

  it("runs on its schedule", async () => {
    const { database } = await setup(dialect);
    const job = start({ database, log: () => {}, env: { GONGKAI_MONITOR_CRON: "* * * * * *" } });
    await job.idle();
    await database.db.deleteFrom("monitor_results").execute();
    const until = Date.now() + 5000;
    while ((await storedRows(database)) === 0 && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await job.idle();
    expect(await storedRows(database)).toBe(5 * 11);
  });

  it("an invalid schedule leaves the job off and says why; a failed run is logged, not thrown", async () => {
    const { database } = await setup(dialect);
    let log = "";
    const off = start({ database, log: (t) => (log += t), env: { GONGKAI_MONITOR_CRON: "every morning" } });
    expect(off.enabled).toBe(false);
    expect(await off.runNow()).toBeNull();
    expect(log).toContain("监测预警未启用：GONGKAI_MONITOR_CRON“every morning”无效");
    expect(await storedRows(database)).toBe(0);

    const failing = start({
      database,
      log: (t) => (log += t),
      env: {},
      calendar: () => Promise.reject(new Error("日历读取失败")),
    });
    await failing.idle();
    expect(await failing.runNow()).toBeNull();
    expect(log).toContain("监测预警运行出错：日历读取失败");
  });
});
