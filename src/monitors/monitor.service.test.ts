import { afterEach, describe, expect, it } from "vitest";
import { updateAgencyProfile } from "../agencies/agency.service.ts";
import { createTestTree, FULL_CONTACT, type TestTree } from "../agencies/agency.test-support.ts";
import { bundledCalendar } from "../calendar/bundled-calendar.ts";
import { changeChannel } from "../channels/channel.service.ts";
import type { Dialect } from "../db/database.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { findMessage } from "../messages/message.repository.ts";
import { actOnMessage } from "../messages/message.service.ts";
import { actor } from "../publications/publication.test-support.ts";
import { findDecision } from "../registries/decision.repository.ts";
import { changeDecision } from "../registries/decision.service.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { computeMonitors, MONITOR_RULES, monitorOverview, recordMonitors } from "./monitor.service.ts";
import {
  accountWithPost,
  addColumn,
  consultationOn,
  draftFormedOn,
  levels,
  licence,
  publishOn,
} from "./monitor.test-support.ts";
import { listVerdicts } from "./monitor-results.repository.ts";

const calendar = bundledCalendar();
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.dispose();
});

/** A fresh database with the test tree. */
async function setup(dialect: Dialect): Promise<{ database: TestDatabase; tree: TestTree }> {
  const database = await createTestDatabase(dialect);
  databases.push(database);
  return { database, tree: await createTestTree(database) };
}

describe.each(testDialects())("the daily monitors on %s", (dialect) => {
  it("gives the 11 verdicts in rule order; a fresh agency is ok but for its blank columns and W-2", async () => {
    const { database, tree } = await setup(dialect);
    const verdicts = await computeMonitors(database, tree.a1, "2024-03-08", calendar);
    expect(verdicts.map((v) => v.rule)).toEqual([...MONITOR_RULES]);
    expect(levels(verdicts)).toMatchObject({
      "W-2": "breach",
      "W-3": "ok",
      "W-4": "ok",
      "W-5": "ok",
      "W-6": "ok",
      "W-7": "ok",
      "N-1": "ok",
      "N-2": "ok",
      "S-1": "ok",
      "G-12": "ok",
      "R-26-1": "ok",
    });
    await expect(computeMonitors(database, 99_999, "2024-03-08", calendar)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("W-2, W-3 and W-4 move from ok to warning to breach as the days pass without new items", async () => {
    const { database, tree } = await setup(dialect);
    const a = tree.a1;
    for (const name of ["警务动态", "工作动态", "要闻"])
      await publishOn(database, a, await addColumn(database, a, name), "2024-03-01");
    for (const name of ["基层动态", "新闻发布"])
      await publishOn(database, a, await addColumn(database, a, name), "2024-03-05");
    for (let i = 1; i <= 5; i++)
      await publishOn(database, a, await addColumn(database, a, `周报${i}`, "weekly"), "2024-03-05");
    const on = async (day: string) => levels(await computeMonitors(database, a, day, calendar));
    expect(await on("2024-03-08")).toMatchObject({ "W-2": "ok", "W-3": "ok", "W-4": "ok" });
    expect(await on("2024-03-16")).toMatchObject({ "W-2": "warning", "W-3": "warning", "W-4": "warning" });
    expect(await on("2024-03-20")).toMatchObject({ "W-2": "breach", "W-3": "breach", "W-4": "breach" });
    const w2 = (await computeMonitors(database, a, "2024-03-20", calendar))[0];
    expect(w2).toMatchObject({ rule: "W-2", value: 15, threshold: 14 });
    expect(w2?.items).toHaveLength(1);
    // A new item on the home page and in one news column: W-2 is ok again, W-3 drops below its threshold.
    await publishOn(
      database,
      a,
      (await computeMonitors(database, a, "2024-03-20", calendar))[1]?.items[0] as number,
      "2024-03-19",
    );
    expect(await on("2024-03-20")).toMatchObject({ "W-2": "ok", "W-3": "warning", "W-4": "warning" });
  });

  it("W-5 counts blank columns: warning at 3, breach at 5; the guide and annual-report columns never count", async () => {
    const { database, tree } = await setup(dialect);
    const a = tree.a2;
    const w5 = async () => (await computeMonitors(database, a, "2024-03-08", calendar))[3];
    // No column opened yet; then the 政府信息公开制度 column and the first blank one.
    expect(await w5()).toMatchObject({ rule: "W-5", level: "ok", value: 0 });
    const first = await addColumn(database, a, "机构职能");
    expect(await w5()).toMatchObject({ level: "ok", value: 2 });
    await addColumn(database, a, "领导信息");
    expect(await w5()).toMatchObject({ level: "warning", value: 3 });
    await addColumn(database, a, "权责清单");
    await addColumn(database, a, "财政预决算");
    expect(await w5()).toMatchObject({ level: "breach", value: 5 });
    // An item published after the day does not fill the column on the day; on its day it does.
    await publishOn(database, a, first, "2024-03-10");
    expect(await w5()).toMatchObject({ level: "breach", value: 5 });
    const later = (await computeMonitors(database, a, "2024-03-10", calendar))[3];
    expect(later).toMatchObject({ level: "warning", value: 4 });
    expect(later?.items).not.toContain(first);
  });

  it("N-1 warns from day 10 and breaches after 2 weeks without a post; N-2 follows the interaction check", async () => {
    const { database, tree } = await setup(dialect);
    const a = tree.b1;
    const wechat = await accountWithPost(database, a, "平安乙市", "2024-03-01 10:00");
    const on = async (day: string) => levels(await computeMonitors(database, a, day, calendar));
    expect(await on("2024-03-08")).toMatchObject({ "N-1": "ok", "N-2": "ok" });
    expect(await on("2024-03-11")).toMatchObject({ "N-1": "warning" });
    expect(await on("2024-03-16")).toMatchObject({ "N-1": "breach" });
    await changeChannel(
      database,
      wechat,
      { interactive: false, interactiveCheckedOn: "2024-03-02" },
      actor("information_officer"),
    );
    const n2 = (await computeMonitors(database, a, "2024-03-08", calendar))[7];
    expect(n2).toMatchObject({ rule: "N-2", level: "breach", value: 1, items: [wechat] });
    await changeChannel(database, wechat, { interactive: true }, actor("information_officer"));
    expect(await on("2024-03-08")).toMatchObject({ "N-2": "ok" });
  });

  it("S-1 is ok while a licence is pending, warns 2 working days before the limit and breaches after it", async () => {
    const { database, tree } = await setup(dialect);
    const a = tree.a1;
    // Decided Friday 1 March 2024: the 7th working day after is Tuesday 12 March.
    const id = await licence(database, a, 1, "2024-03-01");
    await licence(database, a, 2, "2024-03-01", "2024-03-05");
    const on = async (day: string) => (await computeMonitors(database, a, day, calendar))[8];
    expect(await on("2024-03-06")).toMatchObject({ rule: "S-1", level: "ok" });
    expect(await on("2024-03-08")).toMatchObject({ level: "warning", items: [id] });
    expect(await on("2024-03-13")).toMatchObject({ level: "breach", value: 1, items: [id] });
    // Published late: still a breach in the past year, no longer once the year is over.
    const before = await findDecision(database.db, id);
    if (!before) throw new Error("missing decision");
    await changeDecision(database, before, { publishedOn: "2024-03-14" }, actor("office_head"));
    expect(await on("2024-03-20")).toMatchObject({ level: "breach", items: [id] });
    expect(await on("2025-03-02")).toMatchObject({ level: "ok" });
  });

  it("W-7 warns after 2 months and breaches after 3 months without a reply; G-12 names a missing contact", async () => {
    const { database, tree } = await setup(dialect);
    const a = tree.a1;
    const id = await consultationOn(database, a, "2024-01-10");
    const w7 = async (day: string) => (await computeMonitors(database, a, day, calendar))[5];
    expect(await w7("2024-02-10")).toMatchObject({ rule: "W-7", level: "ok" });
    expect(await w7("2024-03-11")).toMatchObject({ level: "warning", items: [id] });
    expect(await w7("2024-04-11")).toMatchObject({ level: "breach", items: [id] });
    const row = await findMessage(database.db, id);
    if (!row) throw new Error("missing message");
    const reply = {
      type: "reply",
      body: "周末不办公。",
      department: "户政科",
      repliedOn: "2024-03-20",
      publish: false,
    } as const;
    await actOnMessage(database, row, reply, actor("case_officer"), new Date("2024-03-20T04:00:00Z"));
    expect(await w7("2024-04-11")).toMatchObject({ level: "ok" });
    // Before the reply's day the message was still waiting.
    expect(await w7("2024-03-15")).toMatchObject({ level: "warning" });

    await updateAgencyProfile(database, a, { contact: { ...FULL_CONTACT, fax: " " } }, SYSTEM_ACTOR);
    const g12 = (await computeMonitors(database, a, "2024-04-11", calendar))[9];
    expect(g12).toMatchObject({ rule: "G-12", level: "breach", items: ["传真号码"] });
    await updateAgencyProfile(database, a, { contact: FULL_CONTACT }, SYSTEM_ACTOR);
    expect((await computeMonitors(database, a, "2024-04-11", calendar))[9]?.level).toBe("ok");
  });

  it("R-26-1 warns from 15 working days after an item was formed and breaches after 20 unpublished", async () => {
    const { database, tree } = await setup(dialect);
    const a = tree.a2;
    const column = await addColumn(database, a, "政策文件");
    const id = await draftFormedOn(database, a, column, "2024-03-01");
    const on = async (day: string) => (await computeMonitors(database, a, day, calendar))[10];
    expect(await on("2024-03-15")).toMatchObject({ rule: "R-26-1", level: "ok" });
    expect(await on("2024-03-22")).toMatchObject({ level: "warning", items: [id] });
    expect(await on("2024-04-01")).toMatchObject({ level: "breach", value: 1, items: [id] });
    // Not formed yet on the day: not watched.
    expect(await on("2024-02-28")).toMatchObject({ level: "ok", items: [] });
  });

  it("records every agency's verdicts for the day; a rerun on the same day replaces them", async () => {
    const { database, tree } = await setup(dialect);
    const first = await recordMonitors(database, "2024-03-08", calendar);
    expect(first).toMatchObject({ day: "2024-03-08", agencies: 5, failed: [] });
    await recordMonitors(database, "2024-03-09", calendar);
    const stored = await listVerdicts(database.db, tree.a1, { from: "2024-03-01", to: "2024-03-31" });
    expect(stored).toHaveLength(22);
    expect(stored.slice(0, 11).map((v) => v.rule)).toEqual([...MONITOR_RULES]);
    expect(stored.find((v) => v.rule === "G-12" && v.day === "2024-03-09")?.level).toBe("ok");

    await updateAgencyProfile(database, tree.a1, { contact: { ...FULL_CONTACT, phone: "" } }, SYSTEM_ACTOR);
    await recordMonitors(database, "2024-03-09", calendar);
    const g12 = await listVerdicts(database.db, tree.a1, {
      from: "2024-03-01",
      to: "2024-03-31",
      rule: "G-12",
    });
    expect(g12.map((v) => [v.day, v.level, v.items])).toEqual([
      ["2024-03-08", "ok", []],
      ["2024-03-09", "breach", ["联系电话"]],
    ]);
    expect(await listVerdicts(database.db, tree.a1, { from: "2024-03-01", to: "2024-03-31" })).toHaveLength(
      22,
    );
    const count = await database.db
      .selectFrom("monitor_results")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5 * 2 * 11);
  });

  it("the overview counts each agency's breaches and warnings on the day", async () => {
    const { database, tree } = await setup(dialect);
    await updateAgencyProfile(database, tree.a2, { contact: { ...FULL_CONTACT, email: "" } }, SYSTEM_ACTOR);
    const lines = await monitorOverview(database, [tree.a1, tree.a2], "2024-03-08", calendar);
    expect(lines.map((l) => [l.agencyName, l.breaches, l.breachedRules])).toEqual([
      ["甲市公安局", 1, ["W-2"]],
      ["甲市财政局", 2, ["W-2", "G-12"]],
    ]);
  });
});
