import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { addMonths } from "../core/calendar/calendar-date.ts";
import { testDialects } from "../db/test-databases.ts";
import { multipartForm } from "../web/multipart-form.test-support.ts";
import { presentPublicDecision } from "./decision.presenter.ts";
import { findDecision } from "./decision.repository.ts";
import {
  decisionCsv,
  licenceRow,
  penaltyRow,
  type RegistryTestEnv,
  startRegistryTestEnv,
} from "./registry.test-support.ts";

describe.each(testDialects())("public decision pages on %s", (dialect) => {
  let env: RegistryTestEnv;
  const today = shanghaiDate();
  const person = penaltyRow(1, "2022-03-02");
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    env = await startRegistryTestEnv(dialect);
    const oldPenalty = { ...penaltyRow(2, "2022-01-04"), publishedOn: "2022-01-05", partyName: "李四" };
    const rows = [
      { ...person, publishedOn: "2022-03-03" },
      oldPenalty,
      { ...licenceRow(1), publishedOn: "2022-03-02" },
      { ...licenceRow(2), docNo: "未公示〔2022〕1号" },
      { ...penaltyRow(3, addMonths(today, -2)), publishedOn: addMonths(today, -2), partyName: "赵六" },
    ];
    const form = multipartForm([{ name: "file", fileName: "d.csv", bytes: decisionCsv(rows) }]);
    const res = await env.app.inject({
      method: "POST",
      url: `/api/registries/decisions/import?agencyId=${env.tree.a1}`,
      headers: { ...env.manager.headers, ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const stored = await env.database.db.selectFrom("decisions").select(["id", "doc_no"]).execute();
    for (const d of stored) ids[d.doc_no] = d.id;
  });
  afterAll(async () => {
    await env.close();
  });

  const page = (url: string) => env.app.inject({ method: "GET", url, headers: { accept: "text/html" } });

  it("the public presenter masks natural persons' names (张**) and never shows identity numbers (个人信息保护法)", async () => {
    const decision = await findDecision(env.database.db, ids[person.docNo as string] as number);
    const view = presentPublicDecision(decision as NonNullable<typeof decision>);
    expect(view.partyName).toBe("张**");
    expect(view.content).toBe("张**殴打他人，罚款 500 元");
    const json = JSON.stringify(view);
    expect(json).not.toContain("张三丰");
    expect(json).not.toContain(person.idNumber as string);
    expect(json).not.toContain("身份证");
    const licence = await findDecision(env.database.db, ids[licenceRow(1).docNo as string] as number);
    const licenceView = presentPublicDecision(licence as NonNullable<typeof licence>);
    expect(licenceView.partyName).toBe("甲市第1化工有限公司");
    expect(JSON.stringify(licenceView)).not.toContain("王五");
  });

  it("lists the published decisions server-rendered, masked, filterable by kind and year without JavaScript", async () => {
    const res = await page(`/agencies/${env.tree.a1}/disclosure/decisions`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("张**");
    expect(res.body).not.toContain("张三丰");
    expect(res.body).not.toContain(person.idNumber as string);
    expect(res.body).not.toContain("未公示〔2022〕1号");
    expect(res.body).toContain("共 4 项");
    expect(res.body).not.toContain("<script");
    const filtered = await page(`/agencies/${env.tree.a1}/disclosure/decisions?kind=licensing&year=2022`);
    expect(filtered.body).toContain("共 1 项");
    expect(filtered.body).toContain("示公许〔2022〕1号");
    const junk = await page(`/agencies/${env.tree.a1}/disclosure/decisions?kind=x&year=abc&page=-1`);
    expect(junk.statusCode).toBe(200);
  });

  it("shows one published decision; unpublished, other agencies' and unknown ones are 404", async () => {
    const res = await page(`/agencies/${env.tree.a1}/disclosure/decisions/${ids[person.docNo as string]}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("张**");
    expect(res.body).not.toContain("张三丰");
    expect(res.body).not.toContain(person.idNumber as string);
    expect(
      (await page(`/agencies/${env.tree.a1}/disclosure/decisions/${ids["未公示〔2022〕1号"]}`)).statusCode,
    ).toBe(404);
    expect(
      (await page(`/agencies/${env.tree.a2}/disclosure/decisions/${ids[person.docNo as string]}`)).statusCode,
    ).toBe(404);
    expect((await page(`/agencies/${env.tree.a1}/disclosure/decisions/999999`)).statusCode).toBe(404);
    expect((await page("/agencies/abc/disclosure/decisions")).statusCode).toBe(404);
  });

  it("S-2 [M] with the setting on takes penalties past one year down, keeps recent ones and licences", async () => {
    const put = await env.app.inject({
      method: "PUT",
      url: "/api/registries/settings",
      headers: env.manager.headers,
      payload: { agencyId: env.tree.a1, s2DisplayPeriods: true },
    });
    expect(put.statusCode).toBe(200);
    const res = await page(`/agencies/${env.tree.a1}/disclosure/decisions`);
    expect(res.body).toContain("共 2 项");
    expect(res.body).toContain("赵*");
    expect(res.body).not.toContain("李*");
    expect(res.body).toContain("尚待核实");
    expect(
      (await page(`/agencies/${env.tree.a1}/disclosure/decisions/${ids[person.docNo as string]}`)).statusCode,
    ).toBe(404);
  });
});
