import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAgency, insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { installationSecret } from "../db/installation-secret.repository.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { issueFormToken } from "../web/form-token.ts";

const XSS = "<script>alert(1)</script>";
const XSS_BODY = `<img src=x onerror=alert(1)> ${XSS}`;

describe.each(testDialects())("message board on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let agencyId: number;
  let otherAgencyId: number;
  let officer: TestSession;
  let outsider: TestSession;
  let serial = 0;

  /** A token rendered ten seconds ago (a person's filling time). */
  const token = async () =>
    issueFormToken(await installationSecret(database.db), "message-board", new Date(Date.now() - 10_000));

  /** Posts the public form from an address. */
  const post = async (fields: Record<string, string>, ip = "203.0.113.5") => {
    serial += 1;
    const form = {
      kind: "consultation",
      title: "户籍迁移需要哪些材料",
      body: "请问从外省迁入户籍需要准备哪些材料？",
      authorName: "张三",
      contactPhone: "13800000000",
      contactEmail: "",
      publishConsent: "yes",
      website: "",
      key: `form-key-${serial}-abcdef`,
      _token: await token(),
      ...fields,
    };
    return app.inject({
      method: "POST",
      url: `/agencies/${agencyId}/messages`,
      payload: new URLSearchParams(form).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      remoteAddress: ip,
    });
  };

  const count = async () =>
    Number(
      (
        await database.db
          .selectFrom("messages")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    agencyId = await insertAgency(database, "示范市公安局", null);
    otherAgencyId = await insertAgency(database, "示范市财政局", null);
    await insertTestUser(database, "officer", [{ agencyId, role: "case_officer" }]);
    await insertTestUser(database, "outsider", [{ agencyId: otherAgencyId, role: "office_head" }]);
    officer = await signIn(app, "officer");
    outsider = await signIn(app, "outsider");
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it("renders the form without scripts, with a token, a hidden key and a honeypot", async () => {
    const res = await app.inject({ url: `/agencies/${agencyId}/messages/new` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("<script");
    expect(res.body).toContain('name="_token"');
    expect(res.body).toContain('name="key"');
    expect(res.body).toContain('name="website"');
  });

  it("takes a message once even when the form is posted twice, and records it in the trail", async () => {
    const before = await count();
    const first = await post({ key: "same-key-123456" });
    const second = await post({ key: "same-key-123456" });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("留言已提交");
    expect(second.statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
    const trail = await database.db
      .selectFrom("trail")
      .selectAll()
      .where("action", "=", "message.submit")
      .execute();
    expect(trail.length).toBe(1);
    expect(trail[0]?.after_json).not.toContain("13800000000");
  });

  it("refuses bad fields, a stale or forged token, a bot-fast post and a filled honeypot, storing nothing", async () => {
    const before = await count();
    const bad = await post({ title: "", body: "短", contactEmail: "not-an-email" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("请填写标题");
    expect(bad.body).toContain("留言内容太短");
    expect(bad.body).toContain("电子邮箱格式不正确");
    const forged = await post({ _token: "1.abc.def" });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain("页面已过期");
    const fast = issueFormToken(await installationSecret(database.db), "message-board", new Date());
    expect((await post({ _token: fast })).statusCode).toBe(400);
    expect((await post({ website: "http://spam.example" })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it("limits a flood from one address to 5 messages an hour and refuses the same text twice", async () => {
    const ip = "198.51.100.7";
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await post({ body: `第 ${i} 条不同的咨询内容，请答复`, title: `咨询 ${i}` }, ip)).statusCode,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const other = "198.51.100.8";
    expect((await post({ body: "同样的内容发两遍看看" }, other)).statusCode).toBe(200);
    const again = await post({ body: "同样的内容发两遍看看" }, other);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("请勿重复提交");
  });

  it("lets staff of the agency reply and publish; the public sees the reply with the name masked, escaped", async () => {
    const res = await post(
      { title: XSS, body: `${XSS_BODY} 请问办理时间？`, authorName: "李四" },
      "192.0.2.44",
    );
    expect(res.statusCode).toBe(200);
    const list = await app.inject({
      url: `/api/messages?agencyId=${agencyId}&status=pending`,
      headers: officer.headers,
    });
    expect(list.statusCode).toBe(200);
    const item = (list.json() as { items: { id: number; title: string; contactPhone: string }[] }).items.find(
      (m) => m.title === XSS,
    );
    expect(item).toBeDefined();
    const id = item?.id ?? 0;
    // Another agency's staff cannot see or answer it.
    expect((await app.inject({ url: `/api/messages/${id}`, headers: outsider.headers })).statusCode).toBe(
      404,
    );
    const outsiderList = await app.inject({ url: "/api/messages", headers: outsider.headers });
    expect((outsiderList.json() as { total: number }).total).toBe(0);
    const replied = await app.inject({
      method: "POST",
      url: `/api/messages/${id}/reply`,
      headers: officer.headers,
      payload: { body: "工作日 9:00—17:00 可到户政大厅办理。", department: "户政管理科", publish: true },
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.json()).toMatchObject({ status: "replied", published: true });
    const again = await app.inject({
      method: "POST",
      url: `/api/messages/${id}/reply`,
      headers: officer.headers,
      payload: { body: "再答一次", department: "户政管理科", publish: true },
    });
    expect(again.statusCode).toBe(409);
    const page = await app.inject({ url: `/agencies/${agencyId}/messages/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("户政管理科");
    expect(page.body).toContain("李*");
    expect(page.body).not.toContain("李四");
    expect(page.body).not.toContain("13800000000");
    expect(page.body).not.toContain("<script>alert");
    expect(page.body).toContain("&lt;script&gt;");
    expect(page.body).not.toContain("<img src=x");
    const board = await app.inject({ url: `/agencies/${agencyId}/messages` });
    expect(board.body).toContain(`/agencies/${agencyId}/messages/${id}`);
  });

  it("never shows an unpublished or pending message publicly, and refuses unknown fields and CSRF-less calls", async () => {
    await post({ title: "未答复的留言", body: "这条留言还没有答复" }, "192.0.2.50");
    const pending = await database.db
      .selectFrom("messages")
      .select("id")
      .where("title", "=", "未答复的留言")
      .executeTakeFirstOrThrow();
    expect((await app.inject({ url: `/agencies/${agencyId}/messages/${pending.id}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/agencies/${otherAgencyId}/messages/${pending.id}` })).statusCode).toBe(
      404,
    );
    const unknown = await app.inject({
      method: "POST",
      url: `/api/messages/${pending.id}/reject`,
      headers: officer.headers,
      payload: { reason: "广告", extra: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe("UNKNOWN_FIELD");
    const noCsrf = await app.inject({
      method: "POST",
      url: `/api/messages/${pending.id}/reject`,
      headers: { cookie: officer.cookie },
      payload: { reason: "广告" },
    });
    expect(noCsrf.statusCode).toBe(403);
    const row = await database.db
      .selectFrom("messages")
      .select("status")
      .where("id", "=", pending.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("pending");
  });

  it("W-7 summary counts the year's messages and replies; the reply limit is the office head's setting", async () => {
    const year = new Date().getUTCFullYear();
    const summary = await app.inject({
      url: `/api/messages/summary?agencyId=${agencyId}&year=${year}`,
      headers: officer.headers,
    });
    expect(summary.statusCode).toBe(200);
    const body = summary.json() as {
      replied: number;
      received: number;
      w7: { level: string };
      replyWorkdays: number;
    };
    expect(body.replied).toBe(1);
    expect(body.received).toBeGreaterThanOrEqual(8);
    expect(body.w7.level).toBe("ok");
    expect(body.replyWorkdays).toBe(10);
    const denied = await app.inject({
      method: "PUT",
      url: "/api/messages/settings",
      headers: officer.headers,
      payload: { agencyId, replyWorkdays: 5 },
    });
    expect(denied.statusCode).toBe(403);
  });
});
