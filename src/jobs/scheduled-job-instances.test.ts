import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../db/database.ts";
import { databaseUrl } from "../db/instances.test-support.ts";
import { claimJobRun, listJobRuns } from "../db/job-run.repository.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { type ScheduledJob, startScheduledJob } from "./scheduled-job.ts";

const databases: TestDatabase[] = [];
const pools: Database[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
  for (const db of databases.splice(0)) await db.dispose();
});

/** The handle another instance would have: its own pool on PostgreSQL, the one database file on SQLite. */
async function otherInstance(database: TestDatabase): Promise<Database> {
  if (database.dialect === "sqlite") return database;
  const pool = await openDatabase({ url: await databaseUrl(database) });
  pools.push(pool);
  return pool;
}

/** Waits until `done` holds, up to `ms`. */
async function waitFor(done: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await done()) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe.each(testDialects())("a scheduled job on two instances over one %s database", (dialect) => {
  it("runs once per scheduled time, the run at start included: runs equal claimed slots", async () => {
    const database = await createTestDatabase(dialect);
    databases.push(database);
    const instances = [database, await otherInstance(database)];
    const runs = [0, 0];
    const jobs: ScheduledJob<number>[] = instances.map((instance, i) =>
      startScheduledJob({
        label: "测试任务",
        envName: "TEST_CRON",
        pattern: "* * * * * *",
        log: () => {},
        claim: (slot) => claimJobRun(instance.db, "test", slot.toISOString()),
        work: async () => {
          runs[i] = (runs[i] ?? 0) + 1;
          // Long enough that both instances' triggers of a slot overlap.
          await new Promise((resolve) => setTimeout(resolve, 20));
          return 1;
        },
      }),
    );
    try {
      await waitFor(async () => (await listJobRuns(database.db, "test")).length >= 4, 10_000);
    } finally {
      for (const job of jobs) await job.stop();
    }
    const claimed = await listJobRuns(database.db, "test");
    expect(claimed.length).toBeGreaterThanOrEqual(4);
    // Both instances tried every slot (each starts, and each fires every second); one ran each.
    expect((runs[0] ?? 0) + (runs[1] ?? 0)).toBe(claimed.length);
    // A run asked for directly claims nothing and always runs.
    const direct = startScheduledJob({
      label: "测试任务",
      envName: "TEST_CRON",
      pattern: "0 0 1 1 *",
      log: () => {},
      claim: (slot) => claimJobRun(database.db, "test-direct", slot.toISOString()),
      work: async () => 7,
    });
    await direct.idle();
    expect(await direct.runNow()).toBe(7);
    expect(await direct.runNow()).toBe(7);
    await direct.stop();
    expect(await listJobRuns(database.db, "test-direct")).toHaveLength(1);
  }, 30_000);

  it("two instances started together run the start's slot once; the loser says so", async () => {
    const database = await createTestDatabase(dialect);
    databases.push(database);
    const instances = [database, await otherInstance(database)];
    const logs: string[] = [];
    let runs = 0;
    const jobs = instances.map((instance) =>
      startScheduledJob({
        label: "监测预警",
        envName: "GONGKAI_MONITOR_CRON",
        pattern: "0 30 6 * * *",
        log: (text) => logs.push(text),
        claim: (slot) => claimJobRun(instance.db, "monitors", slot.toISOString()),
        work: async () => {
          runs += 1;
          return runs;
        },
      }),
    );
    for (const job of jobs) await job.idle();
    for (const job of jobs) await job.stop();
    expect(runs).toBe(1);
    const claimed = await listJobRuns(database.db, "monitors");
    expect(claimed).toHaveLength(1);
    // The slot is the latest 06:30 in Shanghai (22:30 UTC) at or before now.
    expect(claimed[0]?.slot).toMatch(/T22:30:00\.000Z$/);
    expect(logs).toEqual([`监测预警：${claimed[0]?.slot} 这一次已由另一实例运行，本实例跳过。\n`]);
  });
});
