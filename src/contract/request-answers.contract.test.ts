import { FormatRegistry, type TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { REPORT_PLACEHOLDERS, SECTION_TEMPLATES } from "../core/report-draft/section-templates.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { listLetters } from "../letters/letter.service.ts";
import { computeTable4 } from "../litigation/table4.ts";
import { presentVerdict } from "../monitors/monitor.presenter.ts";
import { computeMonitors } from "../monitors/monitor.service.ts";
import { computeTable2 } from "../registries/table2.ts";
import { buildAgencyReport } from "../reports/report.service.ts";
import { getCalendarYear } from "../requests/calendar-admin.service.ts";
import { RESIDENT_ID } from "../requests/request.test-support.ts";
import { getRequestCase, listRequests } from "../requests/request-query.service.ts";
import { requestDashboard, requestTable } from "../requests/request-report.service.ts";
import { buildServer } from "../server/build-server.ts";
import { CalendarYear } from "./calendar.contract.ts";
import { LetterList } from "./letter.contract.ts";
import { ReviewCase, Table4Result } from "./litigation.contract.ts";
import { AgencyMonitors } from "./monitor.contract.ts";
import { Regulation, Table2Result } from "./registry.contract.ts";
import { BuiltReport } from "./report.contract.ts";
import { RequestCase, RequestDashboard, RequestPage, RequestTableAnswer } from "./request.contract.ts";

// An instant as the API writes it: ISO 8601 in UTC, as Date#toISOString gives it.
if (!FormatRegistry.Has("date-time"))
  FormatRegistry.Set("date-time", (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v));

/** A value as it travels as JSON. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The first place where `value` breaks `schema`, or undefined. */
const misfit = (schema: TSchema, value: unknown) => {
  const first = Value.Errors(schema, value).First();
  return first ? `${first.path}: ${first.message}` : undefined;
};

describe.each(testDialects())(
  "the request, letter, calendar, registry, litigation, report and monitor answers are the services' values, nothing dropped, on %s",
  (dialect) => {
    let database: TestDatabase;
    let app: FastifyInstance;
    let tree: TestTree;
    let head: TestSession;
    let caseId: number;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      app = await buildServer({ logLevel: false, database });
      await app.ready();
      tree = await createTestTree(database);
      await insertTestUser(database, "head", [{ agencyId: tree.a1, role: "office_head" }]);
      head = await signIn(app, "head");
      const created = await call("POST", "/api/requests", {
        agencyId: tree.a1,
        channel: "in_person",
        receivedOn: "2022-03-01",
        applicant: {
          kind: "naturalPerson",
          name: "张三",
          idType: "resident_id",
          idNumber: RESIDENT_ID,
          phone: "0999-1234567",
        },
        description: "2022 年道路维修项目的招标文件",
        provisionForm: "electronic",
        deliveryMethod: "online",
      });
      expect(created.statusCode, created.body).toBe(201);
      caseId = created.json().id;
      const letter = await call("POST", `/api/requests/${caseId}/letters`, { kind: "supplement_notice" });
      expect(letter.statusCode, letter.body).toBe(201);
      const closed = await call("POST", `/api/requests/${caseId}/actions/close`, {
        date: "2022-03-10",
        outcome: "O-1",
        reason: "予以公开",
      });
      expect(closed.statusCode, closed.body).toBe(200);
      const review = await call("POST", "/api/litigation", {
        agencyId: tree.a1,
        kind: "reconsideration",
        requestId: caseId,
        caseNo: "甲政复〔2022〕5号",
        filedOn: "2022-11-20",
      });
      expect(review.statusCode, review.body).toBe(201);
      expect(misfit(ReviewCase, review.json())).toBeUndefined();
      const regulation = await call("POST", "/api/registries/regulations", {
        agencyId: tree.a1,
        kind: "normativeDocument",
        title: "示范市道路维修管理办法",
        docNo: "示政规〔2022〕1号",
        issuedOn: "2022-04-01",
        validity: "valid",
      });
      expect(regulation.statusCode, regulation.body).toBe(201);
      expect(misfit(Regulation, regulation.json())).toBeUndefined();
    });

    afterAll(async () => {
      await app.close();
      await database.dispose();
    });

    /** A call as the office head of the agency. */
    function call(method: "GET" | "POST", url: string, payload?: object) {
      return app.inject({ method, url, headers: head.headers, ...(payload ? { payload } : {}) });
    }

    it("GET /api/requests/:id and the worklist: the case with its log and letter, every field kept", async () => {
      const res = await call("GET", `/api/requests/${caseId}`);
      expect(res.statusCode).toBe(200);
      const may = { handle: true, approveExtension: true };
      const expected = await getRequestCase(database, caseId, may, shanghaiDate());
      expect(expected.letters).toHaveLength(1);
      expect(expected.events.length).toBeGreaterThan(1);
      expect(res.json()).toEqual(asJson(expected));
      expect(misfit(RequestCase, res.json())).toBeUndefined();
      const list = await call("GET", `/api/requests?agencyId=${tree.a1}`);
      const page = { agencyIds: [tree.a1], page: 1, pageSize: 50 };
      expect(list.json()).toEqual(asJson(await listRequests(database, page, shanghaiDate())));
      expect(misfit(RequestPage, list.json())).toBeUndefined();
    });

    it("table 三, the dashboard and the letters of a case", async () => {
      const table = await call("GET", `/api/requests/table?agencyId=${tree.a1}&year=2022`);
      expect(table.json()).toEqual(asJson(await requestTable(database, tree.a1, 2022)));
      expect(misfit(RequestTableAnswer, table.json())).toBeUndefined();
      const dashboard = await call("GET", `/api/requests/dashboard?agencyId=${tree.a1}&year=2022`);
      const expected = await requestDashboard(database, tree.a1, 2022, shanghaiDate());
      expect(expected.byMonth).toHaveLength(1);
      expect(dashboard.json()).toEqual(asJson(expected));
      expect(misfit(RequestDashboard, dashboard.json())).toBeUndefined();
      const letters = await call("GET", `/api/requests/${caseId}/letters`);
      expect(letters.json()).toEqual(asJson({ letters: await listLetters(database, caseId) }));
      expect(misfit(LetterList, letters.json())).toBeUndefined();
    });

    it("GET /api/calendar/:year, table 二, table 四 and the monitors", async () => {
      const year = await call("GET", "/api/calendar/2022");
      expect(year.json()).toEqual(asJson(await getCalendarYear(database, 2022)));
      expect(misfit(CalendarYear, year.json())).toBeUndefined();
      const table2 = await call("GET", `/api/registries/summary?agencyId=${tree.a1}&year=2022`);
      const expected2 = await computeTable2(database, tree.a1, 2022);
      expect(Object.values(expected2.records).flat()).toHaveLength(2);
      expect(table2.json()).toEqual(asJson(expected2));
      expect(misfit(Table2Result, table2.json())).toBeUndefined();
      const table4 = await call("GET", `/api/litigation/table?agencyId=${tree.a1}&year=2022`);
      expect(table4.json()).toEqual(asJson(await computeTable4(database.db, tree.a1, 2022)));
      expect(misfit(Table4Result, table4.json())).toBeUndefined();
      const monitors = await call("GET", `/api/monitors?agencyId=${tree.a1}`);
      const day = shanghaiDate();
      const verdicts = await computeMonitors(database, tree.a1, day, await effectiveCalendar(database));
      expect(monitors.json().monitors).toEqual(asJson(verdicts.map(presentVerdict)));
      expect(misfit(AgencyMonitors, monitors.json())).toBeUndefined();
    });

    it("GET /api/reports/:agencyId/:year: the assembled report with its records, figures and templates", async () => {
      const res = await call("GET", `/api/reports/${tree.a1}/2022`);
      expect(res.statusCode).toBe(200);
      const built = await buildAgencyReport(database, tree.a1, 2022);
      const expected = { ...built, templates: SECTION_TEMPLATES, placeholders: REPORT_PLACEHOLDERS };
      expect(res.json()).toEqual(asJson(expected));
      expect(res.json().records.figures).toBeDefined();
      expect(misfit(BuiltReport, res.json())).toBeUndefined();
    });
  },
);
