import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTree, rowCounts, type TestTree } from "../agencies/agency.test-support.ts";
import { insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import type { Role } from "../core/access/permissions.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { multipartForm } from "../web/multipart-form.test-support.ts";

const PDF = new Uint8Array([
  0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x25, 0x25, 0x45, 0x4f, 0x46,
]);

describe.each(testDialects())("catalog API on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tree: TestTree;
  let columnId: number;
  const as = new Map<string, TestSession>();

  const USERS: [string, "a" | "a1" | "b", Role][] = [
    ["officer", "a1", "information_officer"],
    ["secrecy", "a1", "secrecy_reviewer"],
    ["reviewer", "a1", "reviewer"],
    ["head", "a1", "office_head"],
    ["supervisor", "a", "supervisor"],
    ["outsider", "b", "information_officer"],
  ];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    tree = await createTestTree(database);
    for (const [name, where, role] of USERS) {
      await insertTestUser(database, name, [{ agencyId: tree[where], role }]);
      as.set(name, await signIn(app, name));
    }
    const columns = await call("officer", "GET", `/api/columns?agencyId=${tree.a1}`);
    expect(columns.statusCode).toBe(200);
    const roots = columns.json().columns as { id: number; name: string; rootKind: string }[];
    expect(roots.map((c) => c.name)).toEqual([
      "政府信息公开指南",
      "政府信息公开制度",
      "法定主动公开内容",
      "政府信息公开年报",
    ]);
    const proactive = roots.find((c) => c.rootKind === "proactive");
    const made = await call("officer", "POST", "/api/columns", {
      agencyId: tree.a1,
      parentId: proactive?.id,
      name: "周警情播报",
      categoryItem: "（十二）",
      cadence: "weekly",
    });
    expect(made.statusCode).toBe(201);
    columnId = made.json().id;
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  /** A call as one of the test users. */
  function call(
    user: string,
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    payload?: unknown,
  ) {
    const session = as.get(user) as TestSession;
    return app.inject({
      method,
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  /** A new draft's id. */
  async function draft(title: string, bodyHtml = "<p>本周全市共接报警情 1024 起。</p>"): Promise<number> {
    const res = await call("officer", "POST", "/api/publications", {
      agencyId: tree.a1,
      columnId,
      title,
      summary: "每周警情通报",
      formedOn: "2022-03-07",
      writtenOn: "2022-03-07",
      documentNo: "示公〔2022〕12号",
      topic: "公安\\警情",
      genre: "通报",
      categoryItem: "（十二）",
      bodyHtml,
      issueNo: 10,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  /** Runs a 先审后发 action as a user. */
  const act = (user: string, id: number, body: Record<string, unknown>) =>
    call(user, "POST", `/api/publications/${id}/actions`, body);

  it("先审后发 through the API: each step only by its role, publishing refused before the three reviews", async () => {
    const id = await draft("2022年第10期周警情播报");
    expect((await act("officer", id, { action: "publish" })).json().code).toBe("REVIEWS_INCOMPLETE");
    expect((await act("officer", id, { action: "submit" })).statusCode).toBe(200);
    // 审核人 may not take the 保密审查 step; the 保密审查员 may.
    expect((await act("reviewer", id, { action: "approve", opinion: "同意" })).statusCode).toBe(403);
    expect((await act("secrecy", id, { action: "approve", opinion: "不涉密" })).json().status).toBe("review");
    expect((await act("secrecy", id, { action: "approve" })).statusCode).toBe(403);
    expect((await act("reviewer", id, { action: "approve", opinion: "同意" })).json().status).toBe(
      "sign_off",
    );
    expect((await act("officer", id, { action: "publish" })).statusCode).toBe(409);
    expect((await act("reviewer", id, { action: "approve" })).statusCode).toBe(403);
    expect((await act("head", id, { action: "approve", opinion: "同意发布" })).json().status).toBe(
      "approved",
    );
    const published = await act("officer", id, { action: "publish", publishedOn: "2022-03-10" });
    expect(published.statusCode).toBe(200);
    const item = published.json();
    expect(item).toMatchObject({ status: "published", publishedOn: "2022-03-10", validity: "有效" });
    expect(item.indexNo).toMatch(/^[0-9A-Z]{18}\/2022-00001$/);
    expect(
      item.log.map((e: { type: string; actorName: string; opinion: string }) => [
        e.type,
        e.actorName,
        e.opinion,
      ]),
    ).toEqual([
      ["submit", "officer 的姓名", ""],
      ["approve", "secrecy 的姓名", "不涉密"],
      ["approve", "reviewer 的姓名", "同意"],
      ["approve", "head 的姓名", "同意发布"],
      ["publish", "officer 的姓名", ""],
    ]);
    expect(item.posts).toHaveLength(1);
    expect(item.r26).toMatchObject({ flag: "ok", elapsedWorkdays: 3 });
  });

  it("SOD-1 one person holding every role may not pass their own item (403, nothing changes) unless the agency turns 先审后发分人办理 off", async () => {
    await insertTestUser(database, "allroles", [
      { agencyId: tree.a1, role: "information_officer" },
      { agencyId: tree.a1, role: "secrecy_reviewer" },
      { agencyId: tree.a1, role: "reviewer" },
      { agencyId: tree.a1, role: "office_head" },
    ]);
    as.set("allroles", await signIn(app, "allroles"));
    const settings = (value: boolean) =>
      call("head", "PATCH", `/api/agencies/${tree.a1}`, { settings: { separateReviewDuties: value } });
    // In a column of its own, so that the other tests' column counts stay as they were.
    const column = await call("officer", "POST", "/api/columns", {
      agencyId: tree.a1,
      parentId: (await call("officer", "GET", `/api/columns?agencyId=${tree.a1}`))
        .json()
        .columns.find((c: { rootKind: string }) => c.rootKind === "proactive").id,
      name: "工作动态",
    });
    const made = await call("officer", "POST", "/api/publications", {
      agencyId: tree.a1,
      columnId: column.json().id,
      title: "一人包办",
      formedOn: "2022-03-01",
    });
    const id = made.json().id as number;
    expect((await act("allroles", id, { action: "submit" })).json().status).toBe("secrecy_review");
    const before = await rowCounts(database);
    const refused = await act("allroles", id, { action: "approve", opinion: "不涉密" });
    expect([refused.statusCode, refused.json()]).toEqual([
      403,
      { code: "SEPARATION_OF_DUTIES", message: "先审后发分人办理：您已提交该信息，不能再进行保密审查" },
    ]);
    expect(await rowCounts(database)).toEqual(before);
    expect((await call("allroles", "GET", `/api/publications/${id}`)).json()).toMatchObject({
      status: "secrecy_review",
      log: [{ type: "submit" }],
    });
    // A small office turns the setting off: the same person then takes every step.
    expect((await settings(false)).json().settings).toEqual({
      separateReviewDuties: false,
      letterSignOffByHead: true,
    });
    try {
      for (const opinion of ["不涉密", "同意", "同意发布"]) {
        expect((await act("allroles", id, { action: "approve", opinion })).statusCode).toBe(200);
      }
      const published = await act("allroles", id, { action: "publish", publishedOn: "2022-03-10" });
      expect(published.json().status).toBe("published");
    } finally {
      expect((await settings(true)).json().settings.separateReviewDuties).toBe(true);
    }
  });

  it("permissions: another agency's item is 404; a supervisor reads but may not edit", async () => {
    const id = await draft("权限检查");
    expect((await call("outsider", "GET", `/api/publications/${id}`)).statusCode).toBe(404);
    expect((await call("outsider", "PATCH", `/api/publications/${id}`, { title: "改" })).statusCode).toBe(
      404,
    );
    expect((await call("supervisor", "GET", `/api/publications/${id}`)).statusCode).toBe(200);
    expect((await call("supervisor", "PATCH", `/api/publications/${id}`, { title: "改" })).statusCode).toBe(
      403,
    );
    const list = await call("outsider", "GET", "/api/publications");
    expect(list.json()).toEqual({ publications: [], total: 0 });
    const mine = await call("supervisor", "GET", `/api/publications?agencyId=${tree.a1}&status=draft`);
    expect(mine.json().publications.some((p: { id: number }) => p.id === id)).toBe(true);
  });

  it("bad input is refused with a Chinese message and changes nothing", async () => {
    const before = await rowCounts(database);
    const base = { agencyId: tree.a1, columnId, title: "坏输入", formedOn: "2022-03-07" };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, extra: 1 }, "UNKNOWN_FIELD"],
      [{ ...base, formedOn: "2022-02-30" }, "INVALID_DATE"],
      [{ ...base, formedOn: "七月" }, "INVALID_INPUT"],
      [{ ...base, categoryItem: "（十六）" }, "INVALID_INPUT"],
      [{ ...base, title: "" }, "INVALID_INPUT"],
      [{ ...base, columnId: 999_999 }, "INVALID_COLUMN"],
    ];
    for (const [payload, code] of cases) {
      const res = await call("officer", "POST", "/api/publications", payload);
      expect([res.statusCode, res.json().code]).toEqual([400, code]);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await act("officer", 999_999, { action: "submit" })).statusCode).toBe(404);
    expect(await rowCounts(database)).toEqual(before);
  });

  it("XSS in a body is stripped on the way in and never reaches the public page", async () => {
    const id = await draft(
      "XSS 检查",
      '<p>正文<script>alert("x")</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">点我</a></p>',
    );
    const item = (await call("officer", "GET", `/api/publications/${id}`)).json();
    expect(item.bodyHtml).not.toMatch(/<script|onerror|javascript:/i);
    expect(item.bodyHtml).toContain("正文");
  });

  it("attachments: a PDF is accepted, a renamed executable is refused (415), nothing after submission", async () => {
    const id = await draft("附件检查");
    const upload = (fileName: string, bytes: Uint8Array) => {
      const form = multipartForm([{ name: "file", fileName, bytes }]);
      return app.inject({
        method: "POST",
        url: `/api/publications/${id}/attachments`,
        headers: { ...(as.get("officer") as TestSession).headers, ...form.headers },
        payload: form.payload,
      });
    };
    const ok = await upload("通报.pdf", PDF);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: "通报.pdf", mediaType: "application/pdf", size: PDF.length });
    const fake = await upload("通报.pdf", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]));
    expect([fake.statusCode, fake.json().code]).toEqual([415, "UNSUPPORTED_ATTACHMENT"]);
    const got = await call("officer", "GET", `/api/publications/${id}/attachments/${ok.json().id}`);
    expect(new Uint8Array(got.rawPayload)).toEqual(PDF);
    await act("officer", id, { action: "submit" });
    expect((await upload("二.pdf", PDF)).json().code).toBe("NOT_EDITABLE");
  });

  it("R-26-1 the list flags unpublished items past the 20-working-day limit", async () => {
    const old = await call("officer", "POST", "/api/publications", {
      agencyId: tree.a1,
      columnId,
      title: "早已形成尚未发布的信息",
      formedOn: "2021-01-04",
    });
    expect(old.json().r26).toMatchObject({ flag: "overdue", dueOn: "2021-02-01" });
    const res = await call("head", "GET", `/api/publications?agencyId=${tree.a1}&r26=overdue`);
    expect(res.json().publications.map((p: { id: number }) => p.id)).toContain(old.json().id);
    expect(res.json().publications.every((p: { status: string }) => p.status !== "published")).toBe(true);
    expect((await call("head", "GET", `/api/publications?r26=late`)).statusCode).toBe(400);
  });

  it("periodic column issues are counted per year against the weekly cadence", async () => {
    const res = await call("officer", "GET", `/api/columns/${columnId}/issues?year=2022`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2022, expectedPerYear: 52, lastPublishedOn: "2022-03-10" });
    expect(res.json().issues.map((i: { issueNo: number }) => i.issueNo)).toEqual([10]);
  });
});
