import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertAgency, insertTestUser } from "../auth/auth.test-support.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { applyRequestAction } from "./request-action.service.ts";
import { trackRequest } from "./request-tracking.service.ts";
import {
  credentialsOf,
  lookUp,
  openForm,
  PERSON_FIELDS,
  postApply,
  TINY_PNG,
} from "./tracking-public.test-support.ts";

/** Checks every public page passes: Chinese, landmarks, one h1, no script, no inline handlers. */
function expectPlainPage(html: string): void {
  expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/);
  expect(html).toContain('<main id="main">');
  expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
}

describe.each(testDialects())("public request pages on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let agencyId: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    agencyId = await insertAgency(database, "甲市交通运输局", null, "department");
    app = await buildServer({ logLevel: false, database });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  beforeEach(async () => {
    await database.db.deleteFrom("tracking_attempts").execute();
    await database.db.deleteFrom("form_posts").execute();
  });

  const requestRows = () => database.db.selectFrom("requests").selectAll().execute();

  it("renders the Art. 29 form without scripts: both applicant groups, guidance, upload, hidden key", async () => {
    const form = await openForm(app, `/agencies/${agencyId}/disclosure/apply`);
    expect(form.status).toBe(200);
    expectPlainPage(form.html);
    expect(form.html).toMatch(/enctype="multipart\/form-data"/i);
    expect(form.html.match(/name="applicantKind"/g)).toHaveLength(6);
    for (const text of [
      "自然人填写",
      "法人或其他组织填写",
      "名称、文号",
      "信息处理费",
      "20个工作日",
      "在线查看",
    ]) {
      expect(form.html).toContain(text);
    }
    for (const name of [
      "personName",
      "idType",
      "idNumber",
      "orgName",
      "orgCreditCode",
      "orgRepresentative",
    ]) {
      expect(form.html).toContain(`<label for="${name}">`);
    }
    expect(form.html).toContain('type="file"');
    expect(form.formKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(form.formToken).toMatch(/^\d+\.[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{43}$/);
    expect(form.cookie).toMatch(/^gk_form=[A-Za-z0-9_-]{24}$/);
    const res = await app.inject({ method: "GET", url: `/agencies/${agencyId}/disclosure/apply` });
    expect(String(res.headers["set-cookie"])).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/);
    expect((await app.inject({ method: "GET", url: "/agencies/99999/disclosure/apply" })).statusCode).toBe(
      404,
    );
  });

  it("re-renders the form with the values kept and each message at its field; nothing is stored", async () => {
    const form = await openForm(app, `/agencies/${agencyId}/disclosure/apply`);
    const res = await postApply(app, agencyId, form, {
      ...PERSON_FIELDS,
      personName: "",
      postcode: "1000",
      email: "",
      description: "<b>2023年</b>预算",
    });
    expect(res.statusCode).toBe(400);
    expectPlainPage(res.body);
    expect(res.body).toContain('id="personName-error"');
    expect(res.body).toContain('id="postcode-error"');
    expect(res.body).toContain("选择电子邮件获取时，请填写电子邮箱");
    expect(res.body).toMatch(
      /aria-invalid="true"[^>]*aria-describedby="postcode-error"|aria-describedby="postcode-hint postcode-error"/,
    );
    expect(res.body).toContain('href="#personName"');
    // Values are kept (escaped), and the same idempotency key stays in the form.
    expect(res.body).toContain("&lt;b&gt;2023年&lt;/b&gt;预算");
    expect(res.body).toContain('value="13800138000"');
    expect(res.body).toContain(`name="formKey" value="${form.formKey}"`);
    expect(await requestRows()).toHaveLength(0);
  });

  it("checks an organisation's credit code and an identity document before anything is stored", async () => {
    const form = await openForm(app, `/agencies/${agencyId}/disclosure/apply`);
    const fields = {
      ...PERSON_FIELDS,
      applicantKind: "commercial",
      orgName: "甲市某某科技有限公司",
      orgCreditCode: "91110000MA0000000X",
      orgRepresentative: "李四",
    };
    const res = await postApply(app, agencyId, form, fields, []);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="orgCreditCode-error"');
    expect(res.body).toContain('id="identityDocument-error"');
    expect(res.body).not.toContain('id="personName-error"');
    expect(await requestRows()).toHaveLength(0);
  });

  it("refuses a disguised or oversized identity document at its field, keeping the values; nothing is stored", async () => {
    const form = await openForm(app, `/agencies/${agencyId}/disclosure/apply`);
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);
    const disguised = await postApply(app, agencyId, form, PERSON_FIELDS, [
      { fileName: "身份证.png", bytes: exe, type: "image/png" },
    ]);
    expect(disguised.statusCode).toBe(415);
    expect(disguised.body).toContain('id="identityDocument-error"');
    expect(disguised.body).toContain('value="张三"');
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    huge.set(TINY_PNG);
    const oversized = await postApply(app, agencyId, form, PERSON_FIELDS, [
      { fileName: "身份证.png", bytes: huge, type: "image/png" },
    ]);
    expect(oversized.statusCode).toBe(400);
    expect(oversized.body).toContain("每个文件不能超过 10 MB");
    expect(await requestRows()).toHaveLength(0);
    expect(await database.db.selectFrom("request_attachments").selectAll().execute()).toHaveLength(0);
  });

  it("refuses a post without the form's cookie, with a forged token or from another site", async () => {
    const form = await openForm(app, `/agencies/${agencyId}/disclosure/apply`);
    const noCookie = await postApply(app, agencyId, { ...form, cookie: "" }, PERSON_FIELDS);
    expect(noCookie.statusCode).toBe(403);
    expect(noCookie.body).toContain("Cookie");
    // An attacker's own valid token does not work with the victim's cookie.
    const other = await openForm(app, `/agencies/${agencyId}/disclosure/apply`);
    const swapped = await postApply(app, agencyId, { ...form, formToken: other.formToken }, PERSON_FIELDS);
    expect(swapped.statusCode).toBe(403);
    const crossSite = await postApply(app, agencyId, form, PERSON_FIELDS, undefined, {
      origin: "https://evil.example",
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.body).toContain("不能从其他网站提交");
    expect(await requestRows()).toHaveLength(0);
  });

  it("R-31-4 a valid post creates one online request and shows its tracking number and 6-digit code", async () => {
    const form = await openForm(app, `/agencies/${agencyId}/disclosure/apply`);
    const res = await postApply(app, agencyId, form, PERSON_FIELDS);
    expect(res.statusCode).toBe(200);
    expectPlainPage(res.body);
    expect(res.headers["cache-control"]).toBe("no-store");
    const { trackingNo, code } = credentialsOf(res.body);
    expect(trackingNo).toMatch(/^YSQ\d{13}$/);
    expect(code).toMatch(/^\d{6}$/);
    expect(res.body).toContain("请妥善保存");
    expect(res.body).toContain('href="/requests/status"');
    const rows = await requestRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      agency_id: agencyId,
      tracking_no: trackingNo,
      channel: "online",
      applicant_kind: "naturalPerson",
      applicant_name: "张三",
      email: "zhangsan@example.cn",
    });
    expect(rows[0]?.verify_hash).not.toContain(code);
    const files = await database.db.selectFrom("request_attachments").selectAll().execute();
    expect(files.map((f) => [f.request_id, f.size])).toEqual([[rows[0]?.id, TINY_PNG.length]]);

    // Posting the same form again (back button, double click) shows the same request: one row.
    const again = await postApply(app, agencyId, form, PERSON_FIELDS);
    expect(again.statusCode).toBe(200);
    expect(credentialsOf(again.body)).toEqual({ trackingNo, code });
    expect(again.body).toContain("没有重复提交");
    expect(await requestRows()).toHaveLength(1);
    // The same form key from another browser (another cookie) cannot replay it to learn the code.
    const stranger = await openForm(app, `/agencies/${agencyId}/disclosure/apply`);
    const replay = await postApply(app, agencyId, { ...stranger, formKey: form.formKey }, PERSON_FIELDS);
    expect(credentialsOf(replay.body).trackingNo).not.toBe(trackingNo);

    // The status page shows the request's steps and due date, with the right code only.
    const status = await lookUp(app, trackingNo, code);
    expect(status.statusCode).toBe(200);
    expectPlainPage(status.body);
    expect(status.headers["cache-control"]).toBe("no-store");
    const view = await trackRequest(database, trackingNo, code);
    expect(view).not.toBeNull();
    expect(status.body).toContain(trackingNo);
    expect(status.body).toContain("甲市交通运输局");
    for (const step of view?.steps ?? []) {
      expect(status.body).toContain(step.date);
      expect(status.body).toContain(step.text);
    }
    expect(status.body).toContain("已在线提交，待工作机构确认");
    // Full-width digits and spaces typed on a phone are understood.
    const wide = code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect((await lookUp(app, ` ${trackingNo.toLowerCase()} `, wide)).statusCode).toBe(200);

    const wrong = await lookUp(app, trackingNo, code === "000000" ? "111111" : "000000");
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain("查询号或验证码不正确");
    expect(wrong.body).not.toContain("甲市交通运输局");
    expect(wrong.body).not.toContain("张三");
  });

  it("R-31-4 shows an online request as not yet received until the office confirms it, then its due date", async () => {
    const form = await openForm(app, `/agencies/${agencyId}/disclosure/apply`);
    const { trackingNo, code } = credentialsOf((await postApply(app, agencyId, form, PERSON_FIELDS)).body);
    const before = await lookUp(app, trackingNo, code);
    expect(before.body).toContain("待工作机构确认");
    expect(before.body).toContain("以双方确认之日为收到申请之日");
    expect(before.body).toContain("确认收到申请后，自收到申请之日起20个工作日内答复");

    const officerId = await insertTestUser(database, `officer${dialect}`, [
      { agencyId, role: "case_officer" },
    ]);
    const row = await database.db
      .selectFrom("requests")
      .select("id")
      .where("tracking_no", "=", trackingNo)
      .executeTakeFirstOrThrow();
    const now = new Date();
    await applyRequestAction(
      database,
      row.id,
      { action: "confirm", date: shanghaiDate(now) },
      { userId: officerId, name: "承办人", role: "case_officer", ip: "127.0.0.1" },
      { handle: true, approveExtension: false },
      now,
    );
    const after = await lookUp(app, trackingNo, code);
    const view = await trackRequest(database, trackingNo, code);
    expect(view?.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(after.body).not.toContain("待工作机构确认");
    expect(after.body).toContain(`<dd>${view?.receivedOn}</dd>`);
    expect(after.body).toContain(view?.due ?? "—");
    expect(after.body).toContain(view?.statusName ?? "—");
    expect(after.body).toContain("工作机构与申请人确认申请");
    expect(after.body.includes("暂定")).toBe(view?.provisional);
  });

  it("throttles 10 wrong codes per address and per tracking number with a 429 page, across restarts", async () => {
    const form = await openForm(app, `/agencies/${agencyId}/disclosure/apply`);
    const { trackingNo, code } = credentialsOf((await postApply(app, agencyId, form, PERSON_FIELDS)).body);
    const wrongCode = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 10; i += 1) {
      expect((await lookUp(app, trackingNo, wrongCode, "192.0.2.10")).statusCode).toBe(404);
    }
    const blocked = await lookUp(app, trackingNo, code, "192.0.2.10");
    expect(blocked.statusCode).toBe(429);
    expectPlainPage(blocked.body);
    expect(blocked.body).toContain("15分钟后再试");
    expect(blocked.body).not.toContain("甲市交通运输局");
    // The tracking number itself is protected from other addresses too.
    expect((await lookUp(app, trackingNo, code, "198.51.100.7")).statusCode).toBe(429);
    // A restarted server reads the same attempts from the database.
    const restarted = await buildServer({ logLevel: false, database });
    try {
      expect((await lookUp(restarted, trackingNo, code, "192.0.2.10")).statusCode).toBe(429);
    } finally {
      await restarted.close();
    }
    // Guessing other tracking numbers from the same address is blocked as well.
    expect((await lookUp(app, "YSQ2026000100077", "123456", "192.0.2.10")).statusCode).toBe(429);
  });

  it("lets issued letters be downloaded only through the signed link of a successful look-up", async () => {
    const form = await openForm(app, `/agencies/${agencyId}/disclosure/apply`);
    const { trackingNo, code } = credentialsOf((await postApply(app, agencyId, form, PERSON_FIELDS)).body);
    const request = await database.db
      .selectFrom("requests")
      .select("id")
      .where("tracking_no", "=", trackingNo)
      .executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const letter = await database.db
      .insertInto("letters")
      .values({
        request_id: request.id,
        kind: "reply",
        status: "issued",
        title: "政府信息公开申请答复书",
        body: "经审查，您申请的信息予以公开。",
        issued_at: at,
        issued_by: null,
        docx: Uint8Array.from(Buffer.from("PK\u0003\u0004docx-bytes")),
        pdf: Uint8Array.from(Buffer.from("%PDF-1.7 pdf-bytes")),
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // A consultation letter to a third party concerns someone else: never listed to the applicant.
    await database.db
      .insertInto("letters")
      .values({
        request_id: request.id,
        kind: "third_party_consultation",
        status: "issued",
        title: "第三方意见征询函（致某公司）",
        body: "……",
        issued_at: at,
        issued_by: null,
        docx: Uint8Array.from(Buffer.from("PK\u0003\u0004docx-bytes")),
        pdf: Uint8Array.from(Buffer.from("%PDF-1.7 pdf-bytes")),
        created_at: at,
        updated_at: at,
      })
      .execute();
    const status = await lookUp(app, trackingNo, code);
    expect(status.body).toContain("政府信息公开申请答复书");
    expect(status.body).not.toContain("第三方意见征询函");
    const links = [...status.body.matchAll(/href="(\/requests\/status\/letters\/[^"]+)"/g)].map(
      (m) => m[1] ?? "",
    );
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).not.toContain(String(code));
    const pdf = await app.inject({ method: "GET", url: links.find((l) => l.includes(".pdf.")) ?? "" });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(String(pdf.headers["content-disposition"])).toMatch(/^attachment/);
    // A guessed, altered or unsigned URL gives nothing.
    for (const url of [
      `/requests/status/letters/${request.id}.${letter.id}.pdf.9999999999999.${"A".repeat(43)}`,
      (links[0] ?? "").replace(`.${letter.id}.`, `.${letter.id + 1}.`),
      `/requests/status/letters/${request.id}`,
    ]) {
      const res = await app.inject({ method: "GET", url, headers: { accept: "text/html" } });
      expect([403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain("%PDF");
    }
  });
});
