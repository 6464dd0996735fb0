import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { main } from "../cli/main.ts";
import { DomainError } from "../core/domain-error.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { verifyTrail } from "../trail/trail.repository.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { getCalendarYear, saveCalendarYear } from "./calendar-admin.service.ts";
import { findRequest, loadEvents } from "./request.repository.ts";
import { officeInput } from "./request.test-support.ts";
import { applyRequestAction } from "./request-action.service.ts";
import { registerOfficeRequest } from "./request-intake.service.ts";

const NOW = new Date("2026-12-31T02:00:00.000Z");
const Y2027 = { year: 2027, holidays: ["2027-01-01"], workdays: [], source: "gov.cn-2027" };

describe.each(testDialects())("calendar administration on %s", (dialect) => {
  let database: TestDatabase;
  let tree: TestTree;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    tree = await createTestTree(database);
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("R-WD-3 / R-WD-4 entering 2027 recomputes the open cases and logs every date that moved", async () => {
    const open = await registerOfficeRequest(database, officeInput(tree.a1, "2026-12-18"), SYSTEM_ACTOR, NOW);
    const closed = await registerOfficeRequest(
      database,
      officeInput(tree.a1, "2026-12-18"),
      SYSTEM_ACTOR,
      NOW,
    );
    await applyRequestAction(
      database,
      closed,
      { action: "withdraw", date: "2026-12-21", reason: "撤回" },
      SYSTEM_ACTOR,
      { handle: true, approveExtension: false },
      NOW,
    );
    // 20 working days after 2026-12-18 on Monday–Friday for the unknown 2027: 2027-01-15, provisional.
    expect(await findRequest(database.db, open)).toMatchObject({ due_on: "2027-01-15", due_provisional: 1 });
    const result = await saveCalendarYear(database, Y2027, SYSTEM_ACTOR, NOW);
    expect(result).toMatchObject({
      year: 2027,
      holidays: ["2027-01-01"],
      source: "gov.cn-2027",
      enteredBy: null,
    });
    expect(result.moved).toEqual([
      {
        requestId: open,
        trackingNo: expect.any(String),
        fromDue: "2027-01-15",
        toDue: "2027-01-18",
        toProvisional: false,
      },
    ]);
    const calendar = await effectiveCalendar(database);
    expect(await findRequest(database.db, open)).toMatchObject({
      due_on: "2027-01-18",
      due_provisional: 0,
      calendar_version: calendar.version,
    });
    const last = (await loadEvents(database.db, open)).at(-1);
    expect(last).toMatchObject({
      type: "deadline_recomputed",
      occurredOn: "2026-12-31",
      data: { fromDue: "2027-01-15", toDue: "2027-01-18", fromProvisional: true, toProvisional: false },
    });
    expect((await loadEvents(database.db, closed)).map((e) => e.type)).toEqual(["received", "withdrawn"]);
    const trail = await database.db
      .selectFrom("trail")
      .select(["action", "entity_id"])
      .where("action", "in", ["calendar.set", "request.deadline_recomputed"])
      .orderBy("seq")
      .execute();
    expect(trail).toEqual([
      { action: "calendar.set", entity_id: "2027" },
      { action: "request.deadline_recomputed", entity_id: String(open) },
    ]);
    expect((await saveCalendarYear(database, Y2027, SYSTEM_ACTOR, NOW)).moved).toEqual([]);
    expect((await verifyTrail(database.db)).ok).toBe(true);
  });

  it("R-WD-1 a bad schedule is refused and nothing is stored; an unknown year is 404; a bundled one is shown", async () => {
    const refused = await saveCalendarYear(
      database,
      { ...Y2027, workdays: ["2027-01-04"] },
      SYSTEM_ACTOR,
      NOW,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("WORKDAY_NOT_WEEKEND");
    expect(await database.db.selectFrom("calendar_years").selectAll().execute()).toEqual([]);
    const missing = await getCalendarYear(database, 2027).catch((e: unknown) => e);
    expect((missing as DomainError).code).toBe("NOT_FOUND");
    const y2026 = await getCalendarYear(database, 2026);
    expect(y2026.workdays).toContain("2026-02-14");
    expect(y2026.source).toMatch(/^chinese-days@/);
  });
});

describe("gongkai calendar import", () => {
  let dir: string;
  const saved = { dataDir: process.env.GONGKAI_DATA_DIR, url: process.env.GONGKAI_DATABASE_URL };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "gongkai-cal-"));
    process.env.GONGKAI_DATA_DIR = dir;
    delete process.env.GONGKAI_DATABASE_URL;
  });
  afterEach(() => {
    if (saved.dataDir === undefined) delete process.env.GONGKAI_DATA_DIR;
    else process.env.GONGKAI_DATA_DIR = saved.dataDir;
    if (saved.url !== undefined) process.env.GONGKAI_DATABASE_URL = saved.url;
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (...argv: string[]) => {
    let out = "";
    let err = "";
    const status = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), progress: false });
    return { status, out, err };
  };

  it("R-WD-4 imports a year from JSON; refuses bad files with a Chinese message", async () => {
    const file = join(dir, "2027.json");
    writeFileSync(file, JSON.stringify({ year: 2027, holidays: ["2027-01-01"], workdays: [] }));
    const ok = await run("calendar", "import", file);
    expect(ok.status).toBe(0);
    expect(ok.out).toContain("已录入 2027 年节假日安排：放假 1 天，调休上班 0 天");
    writeFileSync(file, "{ not json");
    expect(await run("calendar", "import", file)).toMatchObject({
      status: 2,
      err: expect.stringContaining("不是有效的 JSON"),
    });
    writeFileSync(file, JSON.stringify({ year: 2027, holidays: ["2027-01-04"], workdays: ["2027-01-04"] }));
    expect(await run("calendar", "import", file)).toMatchObject({
      status: 1,
      err: expect.stringMatching(/^错误：/),
    });
    expect((await run("calendar", "list")).status).toBe(2);
  });
});
