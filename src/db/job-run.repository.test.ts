import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./database.ts";
import { claimJobRun, listJobRuns } from "./job-run.repository.ts";
import { createTestDatabase, type TestDatabase, testDialects, testPostgresUrl } from "./test-databases.ts";

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.dispose();
});

describe.each(testDialects())("job runs on %s", (dialect) => {
  it("a (job, slot) is claimed once; another slot or another job is a new claim", async () => {
    const database = await createTestDatabase(dialect);
    databases.push(database);
    const slot = "2026-12-07T22:30:00.000Z";
    expect(await claimJobRun(database.db, "monitors", slot)).toBe(true);
    expect(await claimJobRun(database.db, "monitors", slot)).toBe(false);
    expect(await claimJobRun(database.db, "reminders", slot)).toBe(true);
    expect(await claimJobRun(database.db, "monitors", "2026-12-08T22:30:00.000Z")).toBe(true);
    const runs = await listJobRuns(database.db, "monitors");
    expect(runs.map((r) => r.slot)).toEqual([slot, "2026-12-08T22:30:00.000Z"]);
    expect(runs[0]?.claimedBy).toMatch(/:\d+$/);
  });

  it("a winning claim deletes the job's claims older than JOB_RUN_KEEP_DAYS, and only that job's", async () => {
    const database = await createTestDatabase(dialect);
    databases.push(database);
    expect(await claimJobRun(database.db, "monitors", "2026-01-01T22:30:00.000Z")).toBe(true);
    expect(await claimJobRun(database.db, "reminders", "2026-01-01T00:00:00.000Z")).toBe(true);
    expect(await claimJobRun(database.db, "monitors", "2026-03-01T22:30:00.000Z")).toBe(true);
    // 90 days after 1 January is 1 April: the January claim goes with the claim of 2 April, not before.
    expect(await claimJobRun(database.db, "monitors", "2026-04-01T22:30:00.000Z")).toBe(true);
    expect((await listJobRuns(database.db, "monitors")).map((r) => r.slot)).toContain(
      "2026-01-01T22:30:00.000Z",
    );
    expect(await claimJobRun(database.db, "monitors", "2026-04-02T22:30:00.000Z")).toBe(true);
    expect((await listJobRuns(database.db, "monitors")).map((r) => r.slot)).toEqual([
      "2026-03-01T22:30:00.000Z",
      "2026-04-01T22:30:00.000Z",
      "2026-04-02T22:30:00.000Z",
    ]);
    expect(await listJobRuns(database.db, "reminders")).toHaveLength(1);
  });
});

describe.runIf(testPostgresUrl())("job runs on PostgreSQL from several pools at once", () => {
  it("exactly one of many concurrent claims of a slot through four pools wins", async () => {
    const database = await createTestDatabase("postgres");
    databases.push(database);
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(database.db)).rows[0]
      ?.name;
    const url = new URL(testPostgresUrl() ?? "");
    url.pathname = `/${name}`;
    const pools: Database[] = [];
    try {
      for (let i = 0; i < 4; i += 1) pools.push(await openDatabase({ url: url.toString() }));
      for (let s = 0; s < 5; s += 1) {
        const slot = `2026-12-0${s + 1}T00:00:00.000Z`;
        const claims = await Promise.all(
          pools.flatMap((p) => [claimJobRun(p.db, "monitors", slot), claimJobRun(p.db, "monitors", slot)]),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
      }
      expect(await listJobRuns(database.db, "monitors")).toHaveLength(5);
    } finally {
      for (const p of pools) await p.close();
    }
  });
});
