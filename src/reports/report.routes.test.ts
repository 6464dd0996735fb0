import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgency } from "../agencies/agency.service.ts";
import { validCreditCode } from "../agencies/agency.test-support.ts";
import { insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { importDecisions } from "../registries/decision.service.ts";
import { createFee, createTraining } from "../registries/ledger.service.ts";
import { decisionCsv, licenceRow, penaltyRow } from "../registries/registry.test-support.ts";
import { RESIDENT_ID } from "../requests/request.test-support.ts";
import { buildServer } from "../server/build-server.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";

describe.each(testDialects())("annual reports on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let governmentId: number;
  let bureauId: number;
  let head: TestSession;
  let supervisor: TestSession;
  let outsider: TestSession;

  const get = (url: string, session?: TestSession) =>
    app.inject({ method: "GET", url, headers: session ? { cookie: session.cookie } : {} });
  const send = (method: "POST" | "PUT", url: string, payload: object, session = head) =>
    app.inject({ method, url, headers: session.headers, payload });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    const contact = {
      officeName: "办公室",
      address: "人民路1号",
      hours: "工作日",
      phone: "1",
      fax: "2",
      email: "a@b.cn",
      website: "w",
    };
    governmentId = (
      await createAgency(
        database,
        { parentId: null, name: "甲市人民政府", kind: "government", creditCode: validCreditCode(1), contact },
        SYSTEM_ACTOR,
      )
    ).id;
    bureauId = (
      await createAgency(
        database,
        {
          parentId: governmentId,
          name: "甲市公安局",
          kind: "department",
          creditCode: validCreditCode(2),
          contact,
        },
        SYSTEM_ACTOR,
      )
    ).id;
    const other = (
      await createAgency(
        database,
        { parentId: null, name: "乙市人民政府", kind: "government", creditCode: validCreditCode(3) },
        SYSTEM_ACTOR,
      )
    ).id;
    await insertTestUser(database, "head", [
      { agencyId: bureauId, role: "office_head" },
      { agencyId: bureauId, role: "information_officer" },
    ]);
    await insertTestUser(database, "watcher", [{ agencyId: governmentId, role: "supervisor" }]);
    await insertTestUser(database, "stranger", [{ agencyId: other, role: "office_head" }]);
    head = await signIn(app, "head");
    supervisor = await signIn(app, "watcher");
    outsider = await signIn(app, "stranger");
    // 2022's records: 2 licensing and 3 penalty decisions, fees, training, and three requests (one carried forward).
    const rows = [licenceRow(1), licenceRow(2), penaltyRow(1), penaltyRow(2), penaltyRow(3)];
    await importDecisions(database, bureauId, { name: "决定.csv", bytes: decisionCsv(rows) }, SYSTEM_ACTOR);
    await createFee(
      database,
      bureauId,
      {
        year: 2022,
        itemName: "居民身份证工本费",
        basis: "价费字〔2003〕",
        amountYuan: "10145589.00",
        note: "",
      },
      SYSTEM_ACTOR,
    );
    await createTraining(
      database,
      bureauId,
      { heldOn: "2022-06-01", topic: "政务公开业务培训", personTimes: 120 },
      SYSTEM_ACTOR,
    );
    const intake = async (receivedOn: string) => {
      const res = await send("POST", "/api/requests", {
        agencyId: bureauId,
        channel: "in_person",
        receivedOn,
        applicant: {
          kind: "naturalPerson",
          name: "张三",
          idType: "resident_id",
          idNumber: RESIDENT_ID,
          phone: "0999-1234567",
        },
        description: "本局 2021 年内部考勤制度",
        provisionForm: "electronic",
        deliveryMethod: "online",
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: number }).id;
    };
    for (const day of ["2022-03-01", "2022-05-10"]) {
      const id = await intake(day);
      const closed = await send("POST", `/api/requests/${id}/actions/close`, {
        date: day.replace(/-(\d\d)$/, (_, d) => `-${String(Number(d) + 5).padStart(2, "0")}`),
        outcome: "O-3.5",
        reason: "属于内部事务信息",
      });
      expect(closed.statusCode, closed.body).toBe(200);
    }
    await intake("2022-12-26");
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it("assembles the year's tables from the records, with the records behind each cell, and drafts the prose", async () => {
    const res = await get(`/api/reports/${bureauId}/2022`, head);
    expect(res.statusCode, res.body).toBe(200);
    const built = res.json();
    expect(built.report.proactive).toMatchObject({
      licensing: 2,
      penalty: 3,
      enforcement: 0,
      fees: "1014.5589",
    });
    expect(built.report.applications.new[6]).toBe(3);
    expect(built.report.applications["denied.internalAffairs"][0]).toBe(2);
    expect(built.report.applications.carriedForward[6]).toBe(1);
    expect(built.report.review.reconsideration.total).toBe(0);
    expect(built.records.cells["applications.new.6"].ids).toHaveLength(3);
    expect(built.records.cells["proactive.penalty"]).toMatchObject({ kind: "decision" });
    expect(built.records.cells["proactive.penalty"].ids).toHaveLength(3);
    const one = built.report.sections.find((s: { no: string }) => s.no === "一").text as string;
    expect(one).toContain("新收政府信息公开申请3件");
    expect(one).toContain("结转下年度继续办理1件");
    expect(one).toContain("行政许可决定2件");
    expect(one).toContain("120人次");
    expect(built.edited).toEqual({ 一: false, 五: false, 六: false });
    expect(built.findings).toEqual([]);
    // The next year carries the open case over (C-7 by construction).
    const next = (await get(`/api/reports/${bureauId}/2023`, head)).json();
    expect(next.report.applications.carriedOver[6]).toBe(1);
  });

  it("C-9 runs on edited prose; publishing is refused while an error stands and nothing is stored", async () => {
    const built = (await get(`/api/reports/${bureauId}/2022`, head)).json();
    const one = (built.report.sections[0].text as string).replace(
      "新收政府信息公开申请3件",
      "新收政府信息公开申请4件",
    );
    const edited = await send("PUT", `/api/reports/${bureauId}/2022/prose`, { 一: one });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().edited.一).toBe(true);
    expect(edited.json().findings.map((f: { rule: string }) => f.rule)).toEqual(["C-9"]);
    const refused = await send("POST", `/api/reports/${bureauId}/2022/publish`, { note: "" });
    expect([refused.statusCode, refused.json().code]).toEqual([409, "REPORT_HAS_ERRORS"]);
    expect((await get(`/agencies/${bureauId}/disclosure/annual-reports/2022`)).statusCode).toBe(404);
    const reset = await send("PUT", `/api/reports/${bureauId}/2022/prose`, { 一: null });
    expect(reset.json().findings).toEqual([]);
  });

  it("publishes a frozen version with its files; a correction needs a note and becomes version 2", async () => {
    const published = await send("POST", `/api/reports/${bureauId}/2022/publish`, { note: "" });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().version).toBe(1);
    const list = await get(`/agencies/${bureauId}/disclosure/annual-reports`);
    expect(list.body).toContain(`/agencies/${bureauId}/disclosure/annual-reports/2022`);
    const page = await get(`/agencies/${bureauId}/disclosure/annual-reports/2022`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("一、总体情况");
    expect(page.body).toContain("1014.5589");
    expect(page.body).not.toContain("<script");
    for (const type of ["docx", "pdf", "xlsx"]) {
      const file = await get(`/agencies/${bureauId}/disclosure/annual-reports/2022/v1.${type}`);
      expect(file.statusCode, type).toBe(200);
      expect(file.rawPayload.length).toBeGreaterThan(1000);
      expect(file.headers["content-disposition"]).toContain("filename*=UTF-8''");
    }
    const pdf = await get(`/agencies/${bureauId}/disclosure/annual-reports/2022/v1.pdf`);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    // A record added later changes the live report, not the published version.
    await createTraining(
      database,
      bureauId,
      { heldOn: "2022-11-01", topic: "保密审查培训", personTimes: 30 },
      SYSTEM_ACTOR,
    );
    const live = await get(`/api/reports/${bureauId}/2022`, head);
    expect(live.json().report.sections[0].text, live.body.slice(0, 400)).toContain("150人次");
    const frozen = await get(`/agencies/${bureauId}/disclosure/annual-reports/2022/v1.json`);
    expect(frozen.body).toContain("120人次");
    const noNote = await send("POST", `/api/reports/${bureauId}/2022/publish`, { note: " " });
    expect([noNote.statusCode, noNote.json().code]).toEqual([400, "REPORT_NOTE_REQUIRED"]);
    const corrected = await send("POST", `/api/reports/${bureauId}/2022/publish`, {
      note: "补录 11 月保密审查培训 30 人次",
    });
    expect(corrected.json().version).toBe(2);
    const history = await get(`/agencies/${bureauId}/disclosure/annual-reports/2022`);
    expect(history.body).toContain("版本记录");
    expect(history.body).toContain("补录 11 月保密审查培训 30 人次");
    const old = await get(`/agencies/${bureauId}/disclosure/annual-reports/2022?version=1`);
    expect(old.body).toContain("已被更正的旧版本");
  });

  it("lets a supervisor see every report below it with findings and an aggregate; others see nothing of it", async () => {
    const overview = await get("/api/reports/overview?year=2022", supervisor);
    expect(overview.statusCode).toBe(200);
    const body = overview.json();
    expect(body.agencies.map((a: { agencyName: string }) => a.agencyName).sort()).toEqual([
      "甲市人民政府",
      "甲市公安局",
    ]);
    const bureau = body.agencies.find((a: { agencyId: number }) => a.agencyId === bureauId);
    expect(bureau.published).toMatchObject({ version: 2 });
    expect(body.aggregate).toMatchObject({ licensing: 2, penalty: 3, fees: "1014.5589" });
    expect(body.aggregate.applications.new[6]).toBe(3);
    expect((await get(`/api/reports/${bureauId}/2022`, outsider)).statusCode).toBe(404);
    const theirs = (await get("/api/reports/overview?year=2022", outsider)).json();
    expect(theirs.agencies.map((a: { agencyName: string }) => a.agencyName)).toEqual(["乙市人民政府"]);
    expect(theirs.aggregate.licensing).toBe(0);
    const denied = await send("PUT", `/api/reports/${bureauId}/2022/prose`, { 五: "x" }, supervisor);
    expect(denied.statusCode).toBe(403);
    const unknown = await send("PUT", `/api/reports/${bureauId}/2022/prose`, { 七: "x" });
    expect(unknown.json().code).toBe("UNKNOWN_FIELD");
  });
});
