import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { bundledCalendar } from "../calendar/bundled-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { formatDate, parseDate } from "../core/calendar/calendar-date.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { multipartForm } from "../web/multipart-form.test-support.ts";
import { LEDGER_COLUMNS } from "./ledger-columns.ts";
import { ledgerWorkbook } from "./ledger-xlsx.ts";
import { EXE_BYTES, PDF_BYTES, RESIDENT_ID, requestCounts } from "./request.test-support.ts";

const HAN = /[\u4e00-\u9fff]/;

/** The date `days` calendar days before today (Asia/Shanghai). */
function daysAgo(days: number): string {
  return formatDate(parseDate(shanghaiDate()) - days);
}

/** The latest receipt date whose 20-working-day period ends 2 working days after today. */
function receivedForDueSoon(): string {
  const calendar = bundledCalendar();
  const today = shanghaiDate();
  for (let k = 1; k < 90; k++)
    if (calendar.workdaysBetween(daysAgo(k), today).count === 18) return daysAgo(k);
  throw new Error("no such date");
}

describe.each(testDialects())("request API on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tree: TestTree;
  let officer: TestSession;
  let head: TestSession;
  let supervisor: TestSession;
  let stranger: TestSession;
  let officerId: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    tree = await createTestTree(database);
    officerId = await insertTestUser(database, "officer", [{ agencyId: tree.a1, role: "case_officer" }]);
    await insertTestUser(database, "head", [{ agencyId: tree.a1, role: "office_head" }]);
    await insertTestUser(database, "supervisor", [{ agencyId: tree.a, role: "supervisor" }]);
    await insertTestUser(database, "stranger", [{ agencyId: tree.a2, role: "case_officer" }]);
    await insertTestUser(database, "root-admin", [{ agencyId: tree.a, role: "system_admin" }]);
    await insertTestUser(database, "dept-admin", [{ agencyId: tree.a1, role: "system_admin" }]);
    officer = await signIn(app, "officer");
    head = await signIn(app, "head");
    supervisor = await signIn(app, "supervisor");
    stranger = await signIn(app, "stranger");
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const intake = (receivedOn: string, over: Record<string, unknown> = {}, session = officer) =>
    app.inject({
      method: "POST",
      url: "/api/requests",
      headers: session.headers,
      payload: {
        agencyId: tree.a1,
        channel: "in_person",
        receivedOn,
        applicant: {
          kind: "naturalPerson",
          name: "张三",
          idType: "resident_id",
          idNumber: RESIDENT_ID,
          phone: "0999-1234567",
        },
        description: "2024 年道路维修项目的招标文件",
        provisionForm: "electronic",
        deliveryMethod: "online",
        ...over,
      },
    });
  const act = (id: number, action: string, payload: object, session = officer) =>
    app.inject({
      method: "POST",
      url: `/api/requests/${id}/actions/${action}`,
      headers: session.headers,
      payload,
    });
  const get = (url: string, session = officer) =>
    app.inject({ method: "GET", url, headers: { cookie: session.cookie } });

  it("POST /api/requests registers a case and answers RequestCase (201)", async () => {
    const res = await intake("2025-03-03");
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      agencyId: tree.a1,
      agencyName: "甲市公安局",
      channel: "in_person",
      receiptRule: "R-31-1",
      receivedOn: "2025-03-03",
      status: "received",
      statusName: "已收到",
      dueOn: "2025-03-31",
      applicant: { kind: "naturalPerson", name: "张三", idNumber: RESIDENT_ID },
      fee: null,
      pendingExtension: null,
      attachments: [],
      letters: [],
    });
    expect(c.trackingNo).toMatch(/^YSQ2025\d{4}\d{5}$/);
    expect(c.deadline).toMatchObject({ due: "2025-03-31", provisional: false, risk: "overdue" });
    expect(c.deadline.steps.map((s: { rule: string }) => s.rule)).toContain("R-33-1");
    expect(c.allowedActions).toContain("request_supplement");
    expect(c.events).toMatchObject([
      { seq: 1, type: "received", typeName: "收到申请", occurredOn: "2025-03-03" },
    ]);
  });

  it("R-33-0 answered on the spot at intake", async () => {
    const res = await intake(shanghaiDate(), { onTheSpot: { outcome: "O-1" } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: "closed",
      outcome: "O-1",
      outcomeName: "予以公开",
      allowedActions: [],
    });
  });

  it("permissions: another agency's case is 404, read-only roles may look but not act, lists are scoped", async () => {
    const id = (await intake("2025-03-04")).json().id as number;
    expect((await get(`/api/requests/${id}`, stranger)).statusCode).toBe(404);
    expect((await act(id, "withdraw", { date: "2025-03-05", reason: "撤回" }, stranger)).statusCode).toBe(
      404,
    );
    expect((await intake("2025-03-04", {}, stranger)).statusCode).toBe(404);
    const seen = await get(`/api/requests/${id}`, supervisor);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().allowedActions).toEqual([]);
    expect((await act(id, "withdraw", { date: "2025-03-05", reason: "撤回" }, supervisor)).statusCode).toBe(
      403,
    );
    expect((await get("/api/requests", stranger)).json()).toMatchObject({ items: [], total: 0 });
    expect((await get(`/api/requests?agencyId=${tree.a1}`, stranger)).statusCode).toBe(404);
    const listed = (await get("/api/requests?pageSize=200", supervisor)).json();
    expect(listed.items.map((i: { id: number }) => i.id)).toContain(id);
    expect((await app.inject({ method: "GET", url: "/api/requests" })).statusCode).toBe(401);
  });

  it("bad input is refused with a Chinese message and changes nothing", async () => {
    const id = (await intake("2025-03-03")).json().id as number;
    expect(
      (await act(id, "request_supplement", { date: "2025-03-05", supplementBy: "2025-03-20", items: "文号" }))
        .statusCode,
    ).toBe(200);
    expect((await act(id, "receive_supplement", { date: "2025-03-10" })).statusCode).toBe(200);
    const before = await requestCounts(database);
    const refusals: [string, object, number, string][] = [
      [
        "request_supplement",
        { date: "2025-03-11", supplementBy: "2025-03-25", items: "再补" },
        422,
        "SUPPLEMENT_TWICE",
      ],
      ["close", { date: "2025-03-09", outcome: "O-1", reason: "" }, 422, "DATE_OUT_OF_ORDER"],
      ["close", { date: "2025-03-12", outcome: "O-3.4", reason: "" }, 422, "OUTCOME_REASON_REQUIRED"],
      ["close", { date: "2025-03-12", outcome: "O-8", reason: "x" }, 422, "OUTCOME_UNKNOWN"],
      ["close", { date: "2025-03-12", outcome: "O-1", reason: "", extra: 1 }, 400, "UNKNOWN_FIELD"],
      ["close", { date: 20250312, outcome: "O-1", reason: "" }, 400, "INVALID_INPUT"],
      ["consult", { date: "2025-03-12", party: "third-party", consultee: "" }, 400, "INVALID_INPUT"],
      ["confirm", { date: "2025-03-12" }, 409, "CONFIRM_NOT_NEEDED"],
    ];
    for (const [action, body, status, code] of refusals) {
      const res = await act(id, action, body);
      expect([action, res.statusCode, res.json().code]).toEqual([action, status, code]);
      expect(res.json().message).toMatch(HAN);
    }
    expect((await act(id, "propose_extension", { workdays: 10, reason: "材料多" })).statusCode).toBe(200);
    // Restarted 2025-03-10 → due 2025-04-08 (清明 04-04 off); approval on 2025-04-09 is too late (R-33-3).
    const late = await act(
      id,
      "approve_extension",
      { approvedOn: "2025-04-09", notifiedOn: "2025-04-09" },
      head,
    );
    expect([late.statusCode, late.json().code]).toEqual([422, "EXTENSION_LATE"]);
    expect(
      (await act(id, "approve_extension", { approvedOn: "2025-04-08", notifiedOn: "2025-04-08" })).statusCode,
    ).toBe(403);
    expect((await requestCounts(database)).events).toBe(before.events + 1);
    expect((await act(id, "frobnicate", { date: "2025-03-12" })).statusCode).toBe(404);
    const forged = await app.inject({
      method: "POST",
      url: `/api/requests/${id}/actions/withdraw`,
      headers: { cookie: officer.cookie },
      payload: { date: "2025-03-12", reason: "x" },
    });
    expect(forged.statusCode).toBe(403);
  });

  it("a case through the API: extension approved by the head, closed; then nothing more", async () => {
    const id = (await intake("2025-03-03")).json().id as number;
    expect((await act(id, "assign", { caseOfficerId: officerId })).json().caseOfficerName).toBe(
      "officer 的姓名",
    );
    expect(
      (await act(id, "consult", { date: "2025-03-05", party: "agency", consultee: "甲市财政局" })).json()
        .status,
    ).toBe("consulting");
    expect(
      (await act(id, "consultation_answered", { date: "2025-03-07", consultationId: "C1" })).json().status,
    ).toBe("in_progress");
    const proposed = (await act(id, "propose_extension", { workdays: 20, reason: "需调取档案" })).json();
    expect(proposed.pendingExtension).toMatchObject({
      workdays: 20,
      reason: "需调取档案",
      proposedByName: "officer 的姓名",
    });
    expect(proposed.allowedActions).not.toContain("approve_extension");
    const extended = (
      await act(id, "approve_extension", { approvedOn: "2025-03-20", notifiedOn: "2025-03-20" }, head)
    ).json();
    expect([extended.extended, extended.pendingExtension]).toEqual([true, null]);
    const closed = await act(id, "close", {
      date: "2025-04-10",
      outcome: "O-4.1",
      reason: "本机关不掌握",
      responsibleAgency: "甲市住建局",
    });
    expect(closed.json()).toMatchObject({
      status: "closed",
      outcome: "O-4.1",
      closedOn: "2025-04-10",
      allowedActions: [],
    });
    const again = await act(id, "withdraw", { date: "2025-04-11", reason: "x" });
    expect([again.statusCode, again.json().code]).toEqual([409, "CASE_CLOSED"]);
  });

  it("attachments: a real PDF is stored and downloadable; a disguised file is refused", async () => {
    const id = (await intake("2025-03-03")).json().id as number;
    const upload = (fileName: string, bytes: Uint8Array, type: string) => {
      const form = multipartForm([
        { name: "kind", value: "identity" },
        { name: "file", fileName, bytes, type },
      ]);
      return app.inject({
        method: "POST",
        url: `/api/requests/${id}/attachments`,
        headers: { ...officer.headers, ...form.headers },
        payload: form.payload,
      });
    };
    const ok = await upload("id.pdf", PDF_BYTES, "application/pdf");
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      kind: "identity",
      fileName: "id.pdf",
      mediaType: "application/pdf",
      size: PDF_BYTES.length,
    });
    const bad = await upload("id.pdf", EXE_BYTES, "application/pdf");
    expect([bad.statusCode, bad.json().code]).toEqual([415, "ATTACHMENT_DISGUISED"]);
    const file = await get(`/api/requests/${id}/attachments/${ok.json().id}`);
    expect([file.statusCode, file.headers["content-type"], file.rawPayload.length]).toEqual([
      200,
      "application/pdf",
      PDF_BYTES.length,
    ]);
    expect((await get(`/api/requests/${id}/attachments/${ok.json().id}`, stranger)).statusCode).toBe(404);
    expect((await get(`/api/requests/${id}`)).json().attachments).toHaveLength(1);
  });

  it("worklist: risk against today, status, text, own cases, paging", async () => {
    const overdue = (await intake(daysAgo(90), { description: "逾期案件" })).json().id as number;
    const soon = (await intake(receivedForDueSoon(), { description: "临期案件" })).json();
    const fresh = (await intake(shanghaiDate(), { description: "新收案件" })).json().id as number;
    expect(soon.deadline.risk).toBe("due_soon");
    expect(soon.deadline.workdaysLeft).toBe(2);
    const ids = async (query: string) =>
      (await get(`/api/requests?pageSize=200&${query}`)).json().items.map((i: { id: number }) => i.id);
    expect(await ids("risk=overdue")).toContain(overdue);
    expect(await ids("risk=overdue")).not.toContain(fresh);
    expect(await ids("risk=due_soon")).toEqual([soon.id]);
    expect(await ids(`q=${encodeURIComponent("临期")}`)).toEqual([soon.id]);
    expect(await ids("status=closed")).not.toContain(fresh);
    await act(fresh, "assign", { caseOfficerId: officerId });
    expect(await ids("officer=me")).toContain(fresh);
    const page = (await get("/api/requests?pageSize=1&page=2")).json();
    expect([page.items.length, page.page, page.pageSize]).toEqual([1, 2, 1]);
    expect(page.total).toBeGreaterThan(3);
    expect((await get("/api/requests?risk=soon")).statusCode).toBe(400);
  });

  it("table 三 from the cases with drill-down, and the dashboard", async () => {
    const a = (await intake("2023-12-20")).json().id as number; // open on 1 Jan 2024 → 二
    await act(a, "close", { date: "2024-01-10", outcome: "O-2", reason: "部分公开" });
    const b = (await intake("2024-05-06")).json().id as number; // received and still open → 一 and 四
    const t = await get(`/api/requests/table?agencyId=${tree.a1}&year=2024`);
    expect(t.statusCode).toBe(200);
    const body = t.json();
    expect(body.table.carriedOver[0]).toBe(1);
    expect(body.table.partial[0]).toBe(1);
    expect(body.cases.carriedOver[0]).toEqual([a]);
    expect(body.cases.carriedForward[6]).toEqual([b]);
    expect(body.table.new[6]).toBe(1);
    const drill = (await get("/api/requests?table=2024:carriedOver:0")).json();
    expect(drill.items.map((i: { id: number }) => i.id)).toEqual([a]);
    const dash = (await get(`/api/requests/dashboard?agencyId=${tree.a1}&year=2024`)).json();
    expect(dash).toMatchObject({
      received: 1,
      closed: 1,
      byMonth: [{ month: 1, outcome: "O-2", outcomeName: "部分公开", count: 1 }],
    });
    expect(dash.byStatus.closed).toBe(1);
    expect((await get(`/api/requests/table?agencyId=${tree.a1}&year=2024`, stranger)).statusCode).toBe(404);
  });

  it("GET/PUT /api/calendar/:year: a top-level system administrator enters a year; others are refused", async () => {
    const root = await signIn(app, "root-admin");
    const dept = await signIn(app, "dept-admin");
    const put = (session: TestSession, payload: object) =>
      app.inject({ method: "PUT", url: "/api/calendar/2031", headers: session.headers, payload });
    expect((await get("/api/calendar/2031")).statusCode).toBe(404);
    expect((await put(officer, { holidays: ["2031-01-01"], workdays: [] })).statusCode).toBe(403);
    expect((await put(dept, { holidays: ["2031-01-01"], workdays: [] })).statusCode).toBe(403);
    expect((await put(root, { holidays: ["2031-01-01"], workdays: [], note: 1 })).json().code).toBe(
      "UNKNOWN_FIELD",
    );
    const bad = await put(root, { holidays: ["2031-01-01"], workdays: ["2031-01-06"] });
    expect([bad.statusCode, bad.json().code]).toEqual([422, "WORKDAY_NOT_WEEKEND"]);
    const ok = await put(root, { holidays: ["2031-01-01"], workdays: [], source: "gov.cn-2031" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      year: 2031,
      holidays: ["2031-01-01"],
      source: "gov.cn-2031",
      enteredBy: "root-admin 的姓名",
      moved: [],
    });
    expect((await get("/api/calendar/2031")).json()).toMatchObject({ year: 2031, holidays: ["2031-01-01"] });
    expect((await get("/api/calendar/2024")).json().holidays).toContain("2024-10-01");
  });

  it("ledger: template download, an import refused row by row, the export", async () => {
    const template = await get("/api/requests/ledger-template.xlsx");
    expect([template.statusCode, template.headers["content-type"]]).toEqual([
      200,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]);
    const bad = await ledgerWorkbook([
      LEDGER_COLUMNS.map((c) => (c.key === "receivedOn" ? "2024-02-30" : "")),
    ]);
    const form = (session: TestSession) => {
      const f = multipartForm([
        { name: "agencyId", value: String(tree.a1) },
        { name: "file", fileName: "台账.xlsx", bytes: bad },
      ]);
      return app.inject({
        method: "POST",
        url: "/api/requests/ledger",
        headers: { ...session.headers, ...f.headers },
        payload: f.payload,
      });
    };
    const refused = await form(officer);
    expect([refused.statusCode, refused.json().code]).toEqual([422, "LEDGER_REJECTED"]);
    expect(refused.json().rejected[0].row).toBe(2);
    expect((await form(stranger)).statusCode).toBe(404);
    const exported = await get(`/api/requests/ledger.xlsx?agencyId=${tree.a1}&year=2025`);
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});
