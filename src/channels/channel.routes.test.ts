import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestTree } from "../agencies/agency.test-support.ts";
import { insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { catalogFixture, draftInput, publishItem } from "../publications/publication.test-support.ts";
import { buildServer } from "../server/build-server.ts";
import { multipartForm } from "../web/multipart-form.test-support.ts";

describe.each(testDialects())("channel API on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tree: TestTree;
  let officer: TestSession;
  let outsider: TestSession;
  let wechat: number;
  let itemId: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    const fixture = await catalogFixture(database);
    tree = fixture.tree;
    itemId = (await publishItem(database, tree.a1, draftInput(fixture.columnId, "周警情播报"), "2022-03-10"))
      .id;
    await insertTestUser(database, "officer", [{ agencyId: tree.a1, role: "information_officer" }]);
    await insertTestUser(database, "outsider", [{ agencyId: tree.b, role: "information_officer" }]);
    officer = await signIn(app, "officer");
    outsider = await signIn(app, "outsider");
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const post = (session: TestSession, url: string, payload: object) =>
    app.inject({ method: "POST", url, headers: session.headers, payload });
  const upload = (name: string, bytes: Uint8Array) => {
    const form = multipartForm([{ name: "file", fileName: name, bytes }]);
    return app.inject({
      method: "POST",
      url: `/api/channels/posts/import?agencyId=${tree.a1}`,
      headers: { ...officer.headers, ...form.headers },
      payload: form.payload,
    });
  };
  const counts = async () =>
    (
      await app.inject({
        method: "GET",
        url: `/api/channels/counts?agencyId=${tree.a1}&year=2022`,
        headers: officer.headers,
      })
    )
      .json()
      .counts.map((c: { name: string; posts: number }) => [c.name, c.posts]);

  it("registers new-media accounts; the portal channel is there already; names are unique", async () => {
    const res = await post(officer, "/api/channels", {
      agencyId: tree.a1,
      kind: "wechat",
      name: "平安示范",
      account: "pingan",
    });
    expect(res.statusCode).toBe(201);
    wechat = res.json().id;
    expect(
      (await post(officer, "/api/channels", { agencyId: tree.a1, kind: "weibo", name: "平安示范" })).json()
        .code,
    ).toBe("DUPLICATE_CHANNEL");
    expect(
      (await post(officer, "/api/channels", { agencyId: tree.a1, kind: "portal", name: "门户" })).statusCode,
    ).toBe(400);
    expect(
      (await post(outsider, "/api/channels", { agencyId: tree.a1, kind: "weibo", name: "越权" })).statusCode,
    ).toBe(404);
    const list = await app.inject({
      method: "GET",
      url: `/api/channels?agencyId=${tree.a1}`,
      headers: officer.headers,
    });
    expect(list.json().channels.map((c: { kind: string }) => c.kind)).toEqual(["portal", "wechat"]);
  });

  it("N-2 records whether an account's 留言/评论/私信 function works and the day it was checked", async () => {
    const patch = (payload: object) =>
      app.inject({ method: "PATCH", url: `/api/channels/${wechat}`, headers: officer.headers, payload });
    expect((await patch({})).statusCode).toBe(400);
    const off = await patch({ interactive: false, interactiveCheckedOn: "2022-04-01" });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ interactive: false, interactiveCheckedOn: "2022-04-01" });
    const renamed = await patch({ account: "pingan2" });
    expect(renamed.json()).toMatchObject({ interactive: false, interactiveCheckedOn: "2022-04-01" });
    expect((await patch({ interactiveCheckedOn: "2022-02-30" })).json().code).toBe("INVALID_DATE");
    expect((await patch({ interactiveCheckedOn: "2999-01-01" })).json().code).toBe("INVALID_DATE");
    const on = await patch({ interactive: true, account: "pingan" });
    expect(on.json().interactive).toBe(true);
    expect(on.json().interactiveCheckedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(on.json().interactiveCheckedOn > "2022-04-01").toBe(true);
  });

  it("a post entered with its URL and time, linked to the item it carried, is counted in its year", async () => {
    const res = await post(officer, "/api/channels/posts", {
      agencyId: tree.a1,
      posts: [
        {
          channelId: wechat,
          url: "https://mp.weixin.qq.com/s/abc",
          postedAt: "2022-03-10 20:30",
          publicationId: itemId,
        },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().posts[0]).toMatchObject({
      postedAt: "2022-03-10T12:30:00.000Z",
      postedOn: "2022-03-10",
      source: "entered",
    });
    expect(await counts()).toEqual([
      ["政府信息公开专栏", 1],
      ["平安示范", 1],
    ]);
  });

  it("a CSV import with a bad row imports nothing and lists every bad row", async () => {
    const csv = [
      "渠道,标题,链接,发布时间",
      "平安示范,第一条,https://mp.weixin.qq.com/s/1,2022-04-01 09:00",
      "未登记的号,第二条,https://x.example/2,2022-04-02 09:00",
      "平安示范,第三条,ftp://bad,2022-13-01",
      '平安示范,"含,逗号",https://mp.weixin.qq.com/s/abc,2022-04-03 09:00',
    ].join("\r\n");
    const res = await upload("posts.csv", new TextEncoder().encode(csv));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("IMPORT_INVALID");
    expect(res.json().rows.map((r: { row: number }) => r.row)).toEqual([3, 4, 5]);
    expect(await counts()).toEqual([
      ["政府信息公开专栏", 1],
      ["平安示范", 1],
    ]);
  });

  it("an XLSX import of valid rows is recorded in one go", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("发布记录");
    sheet.addRow(["渠道", "标题", "链接", "发布时间"]);
    for (let i = 1; i <= 5; i++)
      sheet.addRow(["平安示范", `第${i}条`, `https://mp.weixin.qq.com/s/x${i}`, `2022-05-0${i} 10:00`]);
    sheet.addRow(["平安示范", "跨年", "https://mp.weixin.qq.com/s/y", "2023-01-01 10:00"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await upload("posts.xlsx", bytes);
    expect([res.statusCode, res.json()]).toEqual([201, { imported: 6 }]);
    expect(await counts()).toEqual([
      ["政府信息公开专栏", 1],
      ["平安示范", 6],
    ]);
    expect((await upload("posts.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).json().code).toBe(
      "UNREADABLE_IMPORT",
    );
  });
});
