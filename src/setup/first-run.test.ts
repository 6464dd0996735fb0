import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAgency } from "../agencies/agency.service.ts";
import { signIn } from "../auth/auth.test-support.ts";
import { isValidCreditCode } from "../core/agency/credit-code.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { verifyTrail } from "../trail/trail.repository.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { runFirstRun } from "./first-run.ts";

describe.each(testDialects())("first run on %s", (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await database.dispose();
  });

  const counts = async () => ({
    agencies: (await database.db.selectFrom("agencies").select("id").execute()).length,
    users: (await database.db.selectFrom("users").select("id").execute()).length,
    trail: (await database.db.selectFrom("trail").select("seq").execute()).length,
  });

  it("creates the demo government, two departments and admin exactly once, printing the password once", async () => {
    let printed = "";
    const outcome = await runFirstRun(database, (text) => {
      printed += text;
    });
    expect(outcome.seeded).toBe(true);
    const password = outcome.seeded ? outcome.adminPassword : "";
    expect(printed).toContain(`用户名：admin  初始密码：${password}`);
    expect(printed).toContain("该密码只显示这一次");

    const agencies = await database.db.selectFrom("agencies").selectAll().orderBy("id").execute();
    expect(agencies.map((a) => [a.name, a.kind])).toEqual([
      ["示范市人民政府", "government"],
      ["示范市公安局", "department"],
      ["示范市财政局", "department"],
    ]);
    const government = agencies[0];
    expect(agencies.slice(1).every((a) => a.parent_id === government?.id)).toBe(true);
    for (const agency of agencies) {
      expect(isValidCreditCode(agency.credit_code)).toBe(true);
      for (const field of [
        "office_name",
        "office_address",
        "office_hours",
        "office_phone",
        "office_fax",
      ] as const) {
        expect(agency[field]).not.toBe("");
      }
      expect(agency.office_email).toMatch(/@shifan\.gov\.cn$/);
      expect(agency.office_website).toMatch(/^https:\/\//);
    }
    const roles = await database.db.selectFrom("role_assignments").selectAll().execute();
    expect(roles.map((r) => [r.agency_id, r.role])).toEqual([[government?.id, "system_admin"]]);
    const settings = await database.db.selectFrom("settings").selectAll().execute();
    expect(settings.map((s) => s.key)).toContain("first_run_seeded_at");
    expect(await counts()).toEqual({ agencies: 3, users: 1, trail: 4 });
    expect((await verifyTrail(database.db)).ok).toBe(true);

    // The printed password signs in.
    const app = await buildServer({ logLevel: false, database });
    try {
      const session = await signIn(app, "admin", password);
      expect(session.csrf.length).toBeGreaterThan(10);
    } finally {
      await app.close();
    }

    printed = "";
    const before = await counts();
    expect(await runFirstRun(database, (text) => (printed += text))).toEqual({ seeded: false });
    expect(printed).toBe("");
    expect(await counts()).toEqual(before);
  });

  /** A real fault of the database: every insert into `table` is refused by a trigger. */
  const breakInserts = async (table: string) => {
    if (dialect === "sqlite") {
      await sql`create trigger first_run_fault before insert on ${sql.table(table)} begin select raise(abort, 'injected fault'); end`.execute(
        database.db,
      );
    } else {
      await sql`create function first_run_fault() returns trigger language plpgsql as $$ begin raise exception 'injected fault'; end $$`.execute(
        database.db,
      );
      await sql`create trigger first_run_fault before insert on ${sql.table(table)} for each row execute function first_run_fault()`.execute(
        database.db,
      );
    }
  };
  const repair = async (table: string) => {
    if (dialect === "sqlite") await sql`drop trigger first_run_fault`.execute(database.db);
    else await sql`drop trigger first_run_fault on ${sql.table(table)}`.execute(database.db);
  };

  it("keeps nothing of a first run that fails half-way, and runs it whole on the next start", async () => {
    // The administrator's role is inserted after the three agencies, their trail entries and the user row.
    await breakInserts("role_assignments");
    let printed = "";
    await expect(runFirstRun(database, (text) => (printed += text))).rejects.toThrow(/injected fault/);
    expect(printed).toBe("");
    expect(await counts()).toEqual({ agencies: 0, users: 0, trail: 0 });
    expect(await database.db.selectFrom("settings").select("key").execute()).toEqual([]);

    await repair("role_assignments");
    const outcome = await runFirstRun(database, (text) => (printed += text));
    expect(outcome.seeded).toBe(true);
    expect(printed).toContain(`初始密码：${outcome.seeded ? outcome.adminPassword : "?"}`);
    expect(await counts()).toEqual({ agencies: 3, users: 1, trail: 4 });
    expect((await verifyTrail(database.db)).ok).toBe(true);
  });

  it("keeps nothing of the demo year's failure either: agencies, staff and records go together", async () => {
    // The registries come after the agencies, the administrator and the five demo staff.
    await breakInserts("regulations");
    await expect(runFirstRun(database, () => {}, true)).rejects.toThrow(/injected fault/);
    expect(await counts()).toEqual({ agencies: 0, users: 0, trail: 0 });
  });

  it("seeds nothing into a database that already has agencies, and marks it", async () => {
    await createAgency(
      database,
      { parentId: null, name: "既有市人民政府", kind: "government", creditCode: "91350100M000100Y43" },
      SYSTEM_ACTOR,
    );
    expect(await runFirstRun(database, () => {})).toEqual({ seeded: false });
    expect(await counts()).toEqual({ agencies: 1, users: 0, trail: 1 });
    // On PostgreSQL without GONGKAI_TRAIL_KEY, the trail entry's MAC made the installation secret too.
    const mark = await database.db
      .selectFrom("settings")
      .select("key")
      .where("key", "!=", "installation_secret")
      .execute();
    expect(mark).toEqual([{ key: "first_run_seeded_at" }]);
  });
});
