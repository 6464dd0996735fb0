import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestUser, signIn } from "../auth/auth.test-support.ts";
import { testDialects } from "../db/test-databases.ts";
import { multipartForm } from "../web/multipart-form.test-support.ts";
import { countRows, type RegistryTestEnv, startRegistryTestEnv } from "./registry.test-support.ts";

describe.each(testDialects())("registries API on %s", (dialect) => {
  let env: RegistryTestEnv;

  beforeAll(async () => {
    env = await startRegistryTestEnv(dialect);
  });
  afterAll(async () => {
    await env.close();
  });

  const post = (url: string, payload: object, session = env.manager) =>
    env.app.inject({ method: "POST", url, headers: session.headers, payload });
  const get = (url: string, session = env.viewer) =>
    env.app.inject({ method: "GET", url, headers: { cookie: session.cookie } });

  it("the sample's table 二: 规章 0/0/0, 行政规范性文件 0/0/1, 1014.5589 万元, 120 person-times", async () => {
    const a1 = env.tree.a1;
    const rule = await post("/api/registries/regulations", {
      agencyId: a1,
      kind: "normativeDocument",
      title: "甲市公安局政府信息公开工作规定",
      docNo: "甲公规〔2020〕1号",
      issuedOn: "2020-06-01",
      validity: "valid",
    });
    expect(rule.statusCode, rule.body).toBe(201);
    expect(rule.json()).toMatchObject({
      kindName: "行政规范性文件",
      validityName: "有效",
      abolishedOn: null,
    });
    for (const amountYuan of ["3000000.10", "2000000.20", "5145588.70"]) {
      const fee = await post("/api/registries/fees", {
        agencyId: a1,
        year: 2022,
        itemName: "机动车号牌工本费",
        amountYuan,
      });
      expect(fee.statusCode, fee.body).toBe(201);
    }
    await post("/api/registries/fees", { agencyId: a1, year: 2021, itemName: "往年", amountYuan: "1.00" });
    for (const [heldOn, personTimes] of [
      ["2022-04-01", 70],
      ["2022-11-01", 50],
      ["2021-12-31", 9],
    ] as const) {
      const t = await post("/api/registries/trainings", {
        agencyId: a1,
        heldOn,
        topic: "政务公开培训",
        personTimes,
      });
      expect(t.statusCode, t.body).toBe(201);
    }
    const interpretation = await post("/api/registries/interpretations", {
      agencyId: a1,
      title: "《甲市公安局政府信息公开工作规定》解读",
      publishedOn: "2022-06-02",
      policyTitle: "甲市公安局政府信息公开工作规定",
      policyDocNo: "甲公规〔2020〕1号",
    });
    expect(interpretation.json()).toMatchObject({ policyPublicationId: null, form: "" });
    const summary = await get(`/api/registries/summary?agencyId=${a1}&year=2022`);
    expect(summary.statusCode).toBe(200);
    expect(summary.json().proactive).toEqual({
      regulations: { issued: 0, abolished: 0, valid: 0 },
      normativeDocuments: { issued: 0, abolished: 0, valid: 1 },
      licensing: 0,
      penalty: 0,
      enforcement: 0,
      fees: "1014.5589",
    });
    expect(summary.json().records["normativeDocuments.valid"]).toEqual([rule.json().id]);
    expect(summary.json().records.fees).toHaveLength(3);
    expect(summary.json().training).toMatchObject({ sessions: 2, personTimes: 120 });
    expect(summary.json().interpretations.count).toBe(1);
    const fees = await get(`/api/registries/fees?agencyId=${a1}&year=2022`);
    expect(fees.json()).toMatchObject({ totalYuan: "10145589.00", totalWanYuan: "1014.5589" });
    // Another agency's registers are its own: A2 (a sibling department) has nothing.
    await insertTestUser(env.database, "a2-head", [{ agencyId: env.tree.a2, role: "office_head" }]);
    const a2 = await get(
      `/api/registries/summary?agencyId=${env.tree.a2}&year=2022`,
      await signIn(env.app, "a2-head"),
    );
    expect(a2.json().proactive).toMatchObject({ normativeDocuments: { valid: 0 }, fees: "0.0000" });
    expect(a2.json().training.personTimes).toBe(0);
  });

  it("changes a register entry with before and after in the trail; C-8 counts follow the abolition", async () => {
    const created = await post("/api/registries/regulations", {
      agencyId: env.tree.a1,
      kind: "regulation",
      title: "甲市某规章",
      docNo: "甲市政府令第1号",
      issuedOn: "2019-01-01",
      validity: "valid",
    });
    const trailBefore = await countRows(env.database, "trail");
    const patched = await env.app.inject({
      method: "PATCH",
      url: `/api/registries/regulations/${created.json().id}`,
      headers: env.manager.headers,
      payload: { validity: "abolished", abolishedOn: "2022-08-01" },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().validityName).toBe("废止");
    expect(await countRows(env.database, "trail")).toBe(trailBefore + 1);
    const entry = await env.database.db
      .selectFrom("trail")
      .selectAll()
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe("registry.regulation.update");
    expect(JSON.parse(entry.before_json ?? "{}").validity).toBe("valid");
    const summary = await get(`/api/registries/summary?agencyId=${env.tree.a1}&year=2022`);
    expect(summary.json().proactive.regulations).toEqual({ issued: 0, abolished: 1, valid: 0 });
  });

  it("refuses bad register input with a Chinese message and changes nothing", async () => {
    const before = {
      regulations: await countRows(env.database, "regulations"),
      fees: await countRows(env.database, "fees"),
    };
    const base = {
      agencyId: env.tree.a1,
      kind: "regulation",
      title: "甲市某规章",
      docNo: "甲市政府令第2号",
      issuedOn: "2022-01-01",
      validity: "valid",
    };
    const cases: [object, number, string][] = [
      [{ ...base, docNo: "甲市政府令第1号" }, 409, "DUPLICATE_DOC_NO"],
      [{ ...base, issuedOn: "2022-02-30" }, 400, "INVALID_RECORD"],
      [{ ...base, abolishedOn: "2021-01-01", validity: "abolished" }, 400, "INVALID_RECORD"],
      [{ ...base, abolishedOn: "2023-01-01" }, 400, "INVALID_RECORD"],
      [{ ...base, validity: "gone" }, 400, "INVALID_INPUT"],
      [{ ...base, note: "x" }, 400, "UNKNOWN_FIELD"],
    ];
    for (const [payload, status, code] of cases) {
      const res = await post("/api/registries/regulations", payload);
      expect([res.statusCode, res.json().code], JSON.stringify(payload)).toEqual([status, code]);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const amountYuan of ["-1", "1.234", "1,000", "abc"]) {
      const res = await post("/api/registries/fees", {
        agencyId: env.tree.a1,
        year: 2022,
        itemName: "x",
        amountYuan,
      });
      expect([res.statusCode, res.json().code]).toEqual([400, "INVALID_RECORD"]);
    }
    const training = await post("/api/registries/trainings", {
      agencyId: env.tree.a1,
      heldOn: "2022-01-01",
      topic: "x",
      personTimes: -1,
    });
    expect(training.statusCode).toBe(400);
    expect(await countRows(env.database, "regulations")).toBe(before.regulations);
    expect(await countRows(env.database, "fees")).toBe(before.fees);
  });

  it("checks permissions: viewers read but do not write; other agencies' registers are 404", async () => {
    const payload = { agencyId: env.tree.a1, year: 2022, itemName: "x", amountYuan: "1" };
    expect((await post("/api/registries/fees", payload, env.viewer)).statusCode).toBe(403);
    expect((await post("/api/registries/fees", payload, env.outsider)).statusCode).toBe(404);
    expect(
      (await get(`/api/registries/summary?agencyId=${env.tree.a1}&year=2022`, env.outsider)).statusCode,
    ).toBe(404);
    expect((await get(`/api/registries/regulations?agencyId=${env.tree.a1}`, env.outsider)).statusCode).toBe(
      404,
    );
    const own = await get(`/api/registries/regulations?agencyId=${env.tree.a1}`);
    const id = own.json().items[0].id;
    expect((await get(`/api/registries/regulations/${id}`, env.outsider)).statusCode).toBe(404);
    const patch = await env.app.inject({
      method: "PATCH",
      url: `/api/registries/regulations/${id}`,
      headers: env.viewer.headers,
      payload: { title: "改" },
    });
    expect(patch.statusCode).toBe(403);
    expect(
      (await env.app.inject({ method: "GET", url: `/api/registries/fees?agencyId=${env.tree.a1}` }))
        .statusCode,
    ).toBe(401);
  });

  it("imports the register from CSV (GBK) all or nothing, with row-numbered reasons; serves its template", async () => {
    const header = "类别,文件名称,文号,制发日期,废止（失效）日期,有效性";
    const upload = (text: string) => {
      const form = multipartForm([{ name: "file", fileName: "r.csv", bytes: iconv.encode(text, "gbk") }]);
      return env.app.inject({
        method: "POST",
        url: `/api/registries/regulations/import?agencyId=${env.tree.a1}`,
        headers: { ...env.manager.headers, ...form.headers },
        payload: form.payload,
      });
    };
    const before = await countRows(env.database, "regulations");
    const bad = await upload(
      `${header}\r\n规章,某办法,甲市政府令第9号,2021/5/1,,有效\r\n规章,某办法,甲市政府令第1号,2021-05-01,,有效\r\n`,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().problems.map((p: { message: string }) => p.message)).toEqual([
      "第 3 行「文号」：“甲市政府令第1号”已在登记簿中，不能重复导入",
    ]);
    expect(await countRows(env.database, "regulations")).toBe(before);
    const good = await upload(`${header}\r\n规章,某办法,甲市政府令第9号,2021/5/1,,有效\r\n`);
    expect(good.statusCode, good.body).toBe(201);
    expect(await countRows(env.database, "regulations")).toBe(before + 1);
    const template = await get("/api/registries/regulations/template.csv");
    expect(template.body.startsWith(`\uFEFF${header}`)).toBe(true);
    expect((await get("/api/registries/regulations/template.xlsx")).statusCode).toBe(200);
  });

  it("switches the S-2 [M] setting with a trail entry and says the rule is unconfirmed", async () => {
    const before = await get(`/api/registries/settings?agencyId=${env.tree.a1}`);
    expect(before.json()).toMatchObject({ s2DisplayPeriods: false });
    expect(before.json().s2Note).toMatch("尚待核实");
    const put = await env.app.inject({
      method: "PUT",
      url: "/api/registries/settings",
      headers: env.manager.headers,
      payload: { agencyId: env.tree.a1, s2DisplayPeriods: true },
    });
    expect(put.json().s2DisplayPeriods).toBe(true);
    expect((await get(`/api/registries/settings?agencyId=${env.tree.a1}`)).json().s2DisplayPeriods).toBe(
      true,
    );
    const entry = await env.database.db
      .selectFrom("trail")
      .selectAll()
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe("registry.settings.update");
  });
});
