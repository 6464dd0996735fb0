import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../db/test-databases.ts";
import {
  countRows,
  type RegistryTestEnv,
  startRegistryTestEnv,
} from "../registries/registry.test-support.ts";

describe.each(testDialects())("litigation API on %s", (dialect) => {
  let env: RegistryTestEnv;
  let requestInA1: number;
  let requestInA2: number;

  /** Inserts a disclosure request row directly (the request module is not under test here). */
  const insertRequest = async (agencyId: number, n: number) => {
    const at = new Date().toISOString();
    const row = await env.database.db
      .insertInto("requests")
      .values({
        agency_id: agencyId,
        tracking_no: `YSQ2022${String(agencyId).padStart(4, "0")}${String(n).padStart(5, "0")}`,
        verify_hash: "x",
        idempotency_key: null,
        channel: "in_person",
        receipt_rule: "R-31-1",
        received_on: "2022-03-01",
        confirmed_by: null,
        confirmed_at: null,
        applicant_kind: "naturalPerson",
        applicant_name: "申请人",
        org_credit_code: "",
        org_representative: "",
        id_type: "",
        id_number: "",
        phone: "",
        address: "",
        postcode: "",
        email: "",
        description: "某信息",
        provision_form: "",
        delivery_method: "",
        status: "closed",
        extended: 0,
        outcome: null,
        closed_on: null,
        due_on: null,
        due_provisional: 0,
        calendar_version: "",
        case_officer_id: null,
        created_at: at,
        updated_at: at,
      } as never)
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };

  beforeAll(async () => {
    env = await startRegistryTestEnv(dialect);
    requestInA1 = await insertRequest(env.tree.a1, 1);
    requestInA2 = await insertRequest(env.tree.a2, 2);
  });
  afterAll(async () => {
    await env.close();
  });

  const post = (payload: object, session = env.manager) =>
    env.app.inject({ method: "POST", url: "/api/litigation", headers: session.headers, payload });
  const table = (year: number) =>
    env.app.inject({
      method: "GET",
      url: `/api/litigation/table?agencyId=${env.tree.a1}&year=${year}`,
      headers: { cookie: env.viewer.cookie },
    });

  it("no case: table 四 is fifteen zeros, as in the sample", async () => {
    const res = await table(2022);
    expect(res.statusCode).toBe(200);
    for (const group of Object.values(res.json().review)) {
      expect(group).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    }
    expect(res.json().convention).toMatch("平台约定");
  });

  it("[P] cases linked to a request fill table 四 with drill-down; an open case counts as 尚未审结 until decided", async () => {
    const created = await post({
      agencyId: env.tree.a1,
      kind: "reconsideration",
      requestId: requestInA1,
      caseNo: "甲政复〔2022〕5号",
      filedOn: "2022-11-20",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      kindName: "行政复议",
      resultName: "尚未审结",
      requestId: requestInA1,
    });
    const direct = await post({
      agencyId: env.tree.a1,
      kind: "litigationDirect",
      filedOn: "2022-02-01",
      decidedOn: "2022-07-01",
      result: "upheld",
    });
    expect(direct.statusCode).toBe(201);
    const y2022 = (await table(2022)).json();
    expect(y2022.review.reconsideration).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(y2022.cases.reconsideration.pending).toEqual([created.json().id]);
    expect(y2022.review.litigationDirect).toEqual({
      upheld: 1,
      corrected: 0,
      other: 0,
      pending: 0,
      total: 1,
    });
    const decided = await env.app.inject({
      method: "PATCH",
      url: `/api/litigation/${created.json().id}`,
      headers: env.manager.headers,
      payload: { decidedOn: "2023-01-10", result: "corrected" },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await table(2022)).json().review.reconsideration.pending).toBe(1);
    expect((await table(2023)).json().review.reconsideration).toEqual({
      upheld: 0,
      corrected: 1,
      other: 0,
      pending: 0,
      total: 1,
    });
    const list = await env.app.inject({
      method: "GET",
      url: `/api/litigation?agencyId=${env.tree.a1}&year=2023`,
      headers: { cookie: env.viewer.cookie },
    });
    expect(list.json().items.map((c: { id: number }) => c.id)).toEqual([created.json().id]);
    const entry = await env.database.db
      .selectFrom("trail")
      .selectAll()
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe("litigation.case.update");
  });

  it("refuses bad cases with a Chinese message and changes nothing", async () => {
    const before = {
      cases: await countRows(env.database, "review_cases"),
      trail: await countRows(env.database, "trail"),
    };
    const base = { agencyId: env.tree.a1, kind: "reconsideration", filedOn: "2022-05-01" };
    const cases: [object, number, string][] = [
      [{ ...base, decidedOn: "2022-04-01", result: "upheld" }, 400, "INVALID_RECORD"],
      [{ ...base, result: "upheld" }, 400, "INVALID_RECORD"],
      [{ ...base, decidedOn: "2022-06-01" }, 400, "INVALID_RECORD"],
      [{ ...base, filedOn: "2022-02-30" }, 400, "INVALID_RECORD"],
      [{ ...base, requestId: requestInA2 }, 400, "UNKNOWN_REQUEST"],
      [{ ...base, requestId: 999999 }, 400, "UNKNOWN_REQUEST"],
      [{ ...base, kind: "appeal" }, 400, "INVALID_INPUT"],
      [{ ...base, court: "x" }, 400, "UNKNOWN_FIELD"],
    ];
    for (const [payload, status, code] of cases) {
      const res = await post(payload);
      expect([res.statusCode, res.json().code], JSON.stringify(payload)).toEqual([status, code]);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await post(base, env.viewer)).statusCode).toBe(403);
    expect((await post(base, env.outsider)).statusCode).toBe(404);
    expect(await countRows(env.database, "review_cases")).toBe(before.cases);
    expect(await countRows(env.database, "trail")).toBe(before.trail);
  });
});
