import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { announceChange, type ChangeEvent, changeHubOf } from "./committed-changes.ts";
import { openDatabase } from "./database.ts";
import { inOneTransaction } from "./outer-transaction.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "./test-databases.ts";

/** Waits (polling, up to 10 s) until `done()` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(done()).toBe(true);
}

/** The events a database's hub tells, as they come. */
function heard(db: object): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  changeHubOf(db).subscribe((event) => events.push(event));
  return events;
}

const change = { agencyId: 7, entityType: "publication" };

describe.each(testDialects())("committed changes (%s)", (dialect) => {
  let database: TestDatabase;
  const others: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await database?.dispose();
  });

  it("tells a change only after its transaction commits, and never one rolled back", async () => {
    database = await createTestDatabase(dialect);
    const events = heard(database.db);
    await until(() => changeHubOf(database.db).live);
    events.length = 0;
    await database.db.transaction().execute(async (trx) => {
      await announceChange(trx, dialect, change);
      expect(events).toEqual([]);
    });
    expect(events).toEqual([{ kind: "change", change }]);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await announceChange(trx, dialect, { agencyId: 8, entityType: "report" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(events).toEqual([{ kind: "change", change }]);
  });

  it("tells a change made inside inOneTransaction when the outer transaction commits", async () => {
    database = await createTestDatabase(dialect);
    const events = heard(database.db);
    await until(() => changeHubOf(database.db).live);
    events.length = 0;
    await inOneTransaction(database, async (unit) => {
      await unit.db.transaction().execute((trx) => announceChange(trx, dialect, change));
      expect(events).toEqual([]);
    });
    expect(events).toEqual([{ kind: "change", change }]);
  });

  if (dialect === "postgres") {
    it("hears another instance's committed change by LISTEN/NOTIFY, and not its own twice", async () => {
      database = await createTestDatabase(dialect);
      const url = await currentUrl(database.db);
      const other = await openDatabase({ url });
      others.push(other);
      const local = heard(database.db);
      const remote = heard(other.db);
      await until(() => changeHubOf(other.db).live && changeHubOf(database.db).live);
      await database.db.transaction().execute((trx) => announceChange(trx, dialect, change));
      await until(() => remote.some((e) => e.kind === "change"));
      expect(remote.filter((e) => e.kind === "change")).toEqual([{ kind: "change", change }]);
      // Its own notification comes back too and is skipped: told once, on commit.
      await other.db
        .transaction()
        .execute((trx) => announceChange(trx, dialect, { agencyId: 1, entityType: "x" }));
      await until(() => local.some((e) => e.kind === "change" && e.change.entityType === "x"));
      expect(local.filter((e) => e.kind === "change")).toEqual([
        { kind: "change", change },
        { kind: "change", change: { agencyId: 1, entityType: "x" } },
      ]);
    });

    it("forgets everything when the listening connection drops, then listens again", async () => {
      database = await createTestDatabase(dialect);
      const hub = changeHubOf(database.db);
      const events = heard(database.db);
      await until(() => hub.live);
      const before = events.length;
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query like 'LISTEN%'`.execute(database.db);
      await until(() => events.length > before && !hub.live);
      expect(events.at(-1)).toEqual({ kind: "reset" });
      await until(() => hub.live);
      const url = await currentUrl(database.db);
      const other = await openDatabase({ url });
      others.push(other);
      await other.db.transaction().execute((trx) => announceChange(trx, dialect, change));
      await until(() => events.some((e) => e.kind === "change"));
    });
  }
});

/** The URL of the test database a Kysely instance is connected to. */
async function currentUrl(db: TestDatabase["db"]): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  const url = new URL(process.env.GONGKAI_TEST_POSTGRES_URL ?? "");
  url.pathname = `/${rows[0]?.name ?? ""}`;
  return url.toString();
}
