import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAgencyProfile } from "../agencies/agency.service.ts";
import { createTestTree, FULL_CONTACT, type TestTree } from "../agencies/agency.test-support.ts";
import { insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { MONITOR_RULES, recordMonitors } from "./monitor.service.ts";

describe.each(testDialects())("monitor API on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tree: TestTree;
  let head: TestSession;
  let supervisor: TestSession;
  let caseOfficer: TestSession;
  let outsider: TestSession;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    tree = await createTestTree(database);
    await insertTestUser(database, "a1-head", [{ agencyId: tree.a1, role: "office_head" }]);
    await insertTestUser(database, "a-supervisor", [{ agencyId: tree.a, role: "supervisor" }]);
    await insertTestUser(database, "a1-case", [{ agencyId: tree.a1, role: "case_officer" }]);
    await insertTestUser(database, "b-officer", [{ agencyId: tree.b, role: "information_officer" }]);
    head = await signIn(app, "a1-head");
    supervisor = await signIn(app, "a-supervisor");
    caseOfficer = await signIn(app, "a1-case");
    outsider = await signIn(app, "b-officer");
    await updateAgencyProfile(database, tree.a2, { contact: { ...FULL_CONTACT, fax: "" } }, SYSTEM_ACTOR);
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const get = (session: TestSession | null, url: string) =>
    app.inject({ method: "GET", url, headers: session ? { cookie: session.cookie } : {} });

  it("answers an agency's verdicts today, in rule order, with the agency's name and the records' kind", async () => {
    const res = await get(head, `/api/monitors?agencyId=${tree.a1}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ agencyId: tree.a1, agencyName: "甲市公安局", day: shanghaiDate() });
    expect(body.monitors.map((m: { rule: string }) => m.rule)).toEqual([...MONITOR_RULES]);
    expect(body.monitors[0]).toMatchObject({
      rule: "W-2",
      level: "breach",
      threshold: 14,
      recordKind: "publication",
    });
    expect(body.monitors[9]).toMatchObject({ rule: "G-12", level: "ok", recordKind: "contactField" });
  });

  it("monitor.view for the agency is needed: 401 signed out, 403 for a case officer, 404 outside reach", async () => {
    expect((await get(null, `/api/monitors?agencyId=${tree.a1}`)).statusCode).toBe(401);
    const forbidden = await get(caseOfficer, `/api/monitors?agencyId=${tree.a1}`);
    expect([forbidden.statusCode, forbidden.json().code]).toEqual([403, "FORBIDDEN"]);
    expect((await get(caseOfficer, `/api/monitors/history?agencyId=${tree.a1}`)).statusCode).toBe(403);
    expect((await get(outsider, `/api/monitors?agencyId=${tree.a1}`)).statusCode).toBe(404);
    expect((await get(head, `/api/monitors?agencyId=${tree.a2}`)).statusCode).toBe(404);
    expect((await get(supervisor, `/api/monitors?agencyId=${tree.a2}`)).statusCode).toBe(200);
  });

  it("refuses a bad query with 400, a code and a Chinese message", async () => {
    for (const query of ["agencyId=abc", "", `agencyId=${tree.a1}&x=1`]) {
      const res = await get(head, `/api/monitors?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toMatch(/^(INVALID_INPUT|UNKNOWN_FIELD)$/);
      expect(res.json().message).toMatch(/提交的内容/);
    }
    for (const query of ["rule=X-9", "days=0", "days=400"]) {
      const res = await get(head, `/api/monitors/history?agencyId=${tree.a1}&${query}`);
      expect([res.statusCode, res.json().code], query).toEqual([400, "INVALID_INPUT"]);
    }
    expect((await get(supervisor, "/api/monitors/overview?year=2024")).json().code).toBe("UNKNOWN_FIELD");
  });

  it("answers the stored days of the last 30 days, of one rule or all", async () => {
    const today = shanghaiDate();
    await recordMonitors(database, today);
    await recordMonitors(database, "2000-01-01");
    const all = (await get(head, `/api/monitors/history?agencyId=${tree.a1}`)).json();
    expect(all).toMatchObject({ agencyId: tree.a1, to: today, rules: [...MONITOR_RULES] });
    expect(all.days).toHaveLength(11);
    expect(all.days.every((d: { day: string }) => d.day === today)).toBe(true);
    const g12 = (await get(supervisor, `/api/monitors/history?agencyId=${tree.a2}&rule=G-12&days=7`)).json();
    expect(g12.days.map((d: { level: string; items: string[] }) => [d.level, d.items])).toEqual([
      ["breach", ["传真号码"]],
    ]);
  });

  it("the overview lists every agency in reach with its breaches and warnings today", async () => {
    const lines = (await get(supervisor, "/api/monitors/overview")).json().agencies;
    expect(
      lines.map((l: { agencyName: string; breachedRules: string[] }) => [l.agencyName, l.breachedRules]),
    ).toEqual([
      ["甲市人民政府", ["W-2"]],
      ["甲市公安局", ["W-2"]],
      ["甲市财政局", ["W-2", "G-12"]],
    ]);
    const own = (await get(head, "/api/monitors/overview")).json().agencies;
    expect(own.map((l: { agencyId: number }) => l.agencyId)).toEqual([tree.a1]);
    expect((await get(caseOfficer, "/api/monitors/overview")).json().agencies).toEqual([]);
    expect((await get(null, "/api/monitors/overview")).statusCode).toBe(401);
  });

  it("is described in the OpenAPI document", async () => {
    const paths = Object.keys((await get(null, "/api/openapi.json")).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(["/api/monitors", "/api/monitors/history", "/api/monitors/overview"]),
    );
  });
});
