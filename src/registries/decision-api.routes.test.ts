import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../db/test-databases.ts";
import { multipartForm } from "../web/multipart-form.test-support.ts";
import {
  countRows,
  decisionCsv,
  decisionXlsx,
  licenceRow,
  penaltyRow,
  type RegistryTestEnv,
  startRegistryTestEnv,
} from "./registry.test-support.ts";

describe.each(testDialects())("decision API on %s", (dialect) => {
  let env: RegistryTestEnv;

  beforeAll(async () => {
    env = await startRegistryTestEnv(dialect);
  });
  afterAll(async () => {
    await env.close();
  });

  /** Uploads a decision file to A1 as the session. */
  const upload = (bytes: Uint8Array, fileName: string, session = env.manager, agencyId = env.tree.a1) => {
    const form = multipartForm([{ name: "file", fileName, bytes }]);
    return env.app.inject({
      method: "POST",
      url: `/api/registries/decisions/import?agencyId=${agencyId}`,
      headers: { ...session.headers, ...form.headers },
      payload: form.payload,
    });
  };

  it("imports an XLSX file, all rows, with one trail entry; the summary counts them by kind", async () => {
    const trailBefore = await countRows(env.database, "trail");
    const file = await decisionXlsx([licenceRow(1), licenceRow(2), penaltyRow(1)]);
    const res = await upload(file, "决定.xlsx");
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().imported).toBe(3);
    expect(await countRows(env.database, "trail")).toBe(trailBefore + 1);
    const list = await env.app.inject({
      method: "GET",
      url: `/api/registries/decisions?agencyId=${env.tree.a1}&year=2022`,
      headers: { cookie: env.viewer.cookie },
    });
    expect(list.json().total).toBe(3);
    expect(list.json().items.map((d: { decidedOn: string }) => d.decidedOn)).toEqual([
      "2022-03-02",
      "2022-03-01",
      "2022-03-01",
    ]);
    const summary = await env.app.inject({
      method: "GET",
      url: `/api/registries/summary?agencyId=${env.tree.a1}&year=2022`,
      headers: { cookie: env.viewer.cookie },
    });
    expect(summary.json().proactive).toMatchObject({ licensing: 2, penalty: 1, enforcement: 0 });
    expect(summary.json().records.licensing).toHaveLength(2);
  });

  it("imports CSV in GBK and in UTF-8 with BOM", async () => {
    expect((await upload(decisionCsv([licenceRow(10)], "gbk"), "gbk.csv")).statusCode).toBe(201);
    const utf8 = await upload(decisionCsv([licenceRow(11), penaltyRow(11)], "utf-8"), "utf8.csv");
    expect(utf8.statusCode, utf8.body).toBe(201);
    const stored = await env.database.db
      .selectFrom("decisions")
      .select(["party_name", "doc_no"])
      .where("doc_no", "=", "示公许〔2022〕10号")
      .executeTakeFirstOrThrow();
    expect(stored.party_name).toBe("甲市第10化工有限公司");
  });

  it("refuses a file with bad rows as a whole, with Chinese reasons and row numbers; nothing is imported", async () => {
    const before = {
      decisions: await countRows(env.database, "decisions"),
      trail: await countRows(env.database, "trail"),
    };
    const rows = [
      licenceRow(20),
      { ...penaltyRow(21), decidedOn: "2022-13-01" },
      licenceRow(20),
      licenceRow(22),
    ];
    const res = await upload(decisionCsv(rows), "bad.csv");
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("IMPORT_REJECTED");
    const messages = res.json().problems.map((p: { message: string }) => p.message);
    expect(messages).toEqual([
      "第 3 行「决定日期」：“2022-13-01”不是有效日期，应为 YYYY-MM-DD",
      "第 4 行「决定书文号」：“示公许〔2022〕20号”与第 2 行重复",
    ]);
    expect(await countRows(env.database, "decisions")).toBe(before.decisions);
    expect(await countRows(env.database, "trail")).toBe(before.trail);
  });

  it("refuses 文号 already in the register (duplicates) and imports nothing of the file", async () => {
    const before = await countRows(env.database, "decisions");
    const res = await upload(decisionCsv([licenceRow(30), licenceRow(1)]), "dup.csv");
    expect(res.statusCode).toBe(422);
    expect(res.json().problems[0].message).toBe(
      "第 3 行「决定书文号」：“示公许〔2022〕1号”已在登记簿中，不能重复导入",
    );
    expect(await countRows(env.database, "decisions")).toBe(before);
  });

  it("refuses unreadable files, missing files, and callers without registry.manage", async () => {
    const corrupt = await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "x.xlsx");
    expect(corrupt.statusCode).toBe(422);
    expect(corrupt.json().code).toBe("UNREADABLE_IMPORT");
    const form = multipartForm([{ name: "other", value: "x" }]);
    const none = await env.app.inject({
      method: "POST",
      url: `/api/registries/decisions/import?agencyId=${env.tree.a1}`,
      headers: { ...env.manager.headers, ...form.headers },
      payload: form.payload,
    });
    expect(none.json().code).toBe("NO_FILE");
    expect((await upload(decisionCsv([licenceRow(40)]), "a.csv", env.viewer)).statusCode).toBe(403);
    expect((await upload(decisionCsv([licenceRow(40)]), "a.csv", env.outsider)).statusCode).toBe(404);
  });

  it("serves the template as XLSX (header row and 填写说明) and CSV; the empty template imports nothing", async () => {
    const xlsx = await env.app.inject({
      method: "GET",
      url: "/api/registries/decisions/template.xlsx",
      headers: { cookie: env.viewer.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["行政决定", "填写说明"]);
    expect(workbook.worksheets[0]?.getRow(1).getCell(2).value).toBe("决定书文号");
    const csv = await env.app.inject({
      method: "GET",
      url: "/api/registries/decisions/template.csv",
      headers: { cookie: env.viewer.cookie },
    });
    expect(csv.body.startsWith("\uFEFF决定类别,决定书文号")).toBe(true);
    const empty = await upload(new Uint8Array(xlsx.rawPayload), "模板.xlsx");
    expect(empty.json().problems[0].message).toBe("文件中没有数据行");
    const anonymous = await env.app.inject({ method: "GET", url: "/api/registries/decisions/template.csv" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("enters one decision by JSON; bad input is a 4xx with a Chinese message and changes nothing", async () => {
    const body = {
      agencyId: env.tree.a1,
      kind: "enforcement",
      docNo: "示公强〔2022〕1号",
      matter: "查封场所",
      content: "查封",
      decidedOn: "2022-05-05",
      authority: "甲市公安局",
      partyKind: "legalPerson",
      partyName: "甲市某某商贸有限公司",
      partyCreditCode: licenceRow(50).partyCreditCode,
    };
    const post = (payload: unknown) =>
      env.app.inject({
        method: "POST",
        url: "/api/registries/decisions",
        headers: env.manager.headers,
        payload: payload as object,
      });
    const created = await post(body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kindName: "行政强制", s1: { status: "notApplicable" } });
    const before = await countRows(env.database, "decisions");
    const duplicate = await post(body);
    expect([duplicate.statusCode, duplicate.json().code]).toEqual([409, "DUPLICATE_DOC_NO"]);
    const badCode = await post({ ...body, docNo: "x1", partyCreditCode: "123" });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().message).toMatch("统一社会信用代码");
    expect((await post({ ...body, docNo: "x2", extra: 1 })).json().code).toBe("UNKNOWN_FIELD");
    expect((await post({ ...body, docNo: "x3", decidedOn: 20220505 })).json().code).toBe("INVALID_INPUT");
    const noCsrf = await env.app.inject({
      method: "POST",
      url: "/api/registries/decisions",
      headers: { cookie: env.manager.cookie },
      payload: { ...body, docNo: "x4" },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await countRows(env.database, "decisions")).toBe(before);
  });

  it("S-1 lists licensing and penalty decisions not published within 7 working days, and those due soon", async () => {
    const ids = await env.database.db
      .selectFrom("decisions")
      .select(["id", "doc_no"])
      .where("doc_no", "in", ["示公许〔2022〕1号", "示公许〔2022〕2号"])
      .orderBy("doc_no")
      .execute();
    // 2022-03-01 + 7 working days = 2022-03-10.
    const publish = (id: number, publishedOn: string) =>
      env.app.inject({
        method: "PATCH",
        url: `/api/registries/decisions/${id}`,
        headers: env.manager.headers,
        payload: { publishedOn },
      });
    expect((await publish(ids[0]?.id as number, "2022-03-10")).json().s1.status).toBe("onTime");
    expect((await publish(ids[1]?.id as number, "2022-03-11")).json().s1.status).toBe("late");
    const s1 = await env.app.inject({
      method: "GET",
      url: `/api/registries/decisions/s1?agencyId=${env.tree.a1}&asOf=2022-03-09`,
      headers: { cookie: env.viewer.cookie },
    });
    expect(s1.statusCode).toBe(200);
    const byDoc = Object.fromEntries(
      s1.json().items.map((d: { docNo: string; status: string }) => [d.docNo, d.status]),
    );
    expect(byDoc["示公许〔2022〕2号"]).toBe("late");
    expect(byDoc["示公许〔2022〕1号"]).toBeUndefined();
    expect(byDoc["示公决字〔2022〕1号"]).toBe("dueSoon");
    const later = await env.app.inject({
      method: "GET",
      url: `/api/registries/decisions/s1?agencyId=${env.tree.a1}&asOf=2022-04-01`,
      headers: { cookie: env.viewer.cookie },
    });
    expect(later.json().items.find((d: { docNo: string }) => d.docNo === "示公决字〔2022〕1号").status).toBe(
      "overdue",
    );
    const badPatch = await publish(ids[0]?.id as number, "2022-02-01");
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().message).toMatch("公示日期");
  });
});
