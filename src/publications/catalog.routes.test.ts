import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestTree } from "../agencies/agency.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { createPublication } from "./publication.service.ts";
import { actor, catalogFixture, draftInput, publishItem } from "./publication.test-support.ts";

describe.each(testDialects())("public catalog on %s (no JavaScript)", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tree: TestTree;
  let columnId: number;
  let itemId: number;
  let draftId: number;
  let withdrawnHidden: number;
  const base = () => `/agencies/${tree.a1}/disclosure/proactive`;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    ({ tree, columnId } = await catalogFixture(database));
    const body = '<p>本周全市共接报<strong>警情</strong> 1024 起。</p><script>alert("x")</script>';
    itemId = (
      await publishItem(database, tree.a1, draftInput(columnId, "2022年第10期周警情播报", body), "2022-03-10")
    ).id;
    await publishItem(
      database,
      tree.a1,
      draftInput(columnId, "关于春节期间烟花爆竹燃放管理的通告"),
      "2023-01-10",
    );
    draftId = (
      await createPublication(
        database,
        tree.a1,
        draftInput(columnId, "尚未审查的警情草稿"),
        actor("information_officer"),
      )
    ).id;
    withdrawnHidden = draftId;
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const get = (url: string) => app.inject({ method: "GET", url });

  it("the 法定主动公开内容 page is the catalog: search form, columns, 条例第二十条 items and years, latest items", async () => {
    const res = await get(base());
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain(`<form class="panel" action="${base()}/search" method="get">`);
    expect(html).toContain(`href="${base()}/columns/${columnId}"`);
    expect(html).toContain(`href="${base()}/categories/12"`);
    expect(html).toContain(`href="${base()}/years/2022"`);
    expect(html).toContain("2022年第10期周警情播报");
    expect(html).not.toContain("尚未审查的警情草稿");
    expect(html).not.toContain("<script");
  });

  it("the item page shows the metadata table and the sanitised body; a draft is 404", async () => {
    const res = await get(`${base()}/items/${itemId}`);
    expect(res.statusCode).toBe(200);
    for (const label of [
      "索引号",
      "主题分类",
      "发布机构",
      "成文日期",
      "发布日期",
      "文号",
      "体裁",
      "有效性",
      "条例第二十条类别",
      "内容概述",
    ]) {
      expect(res.body).toContain(`<th scope="row">${label}</th>`);
    }
    expect(res.body).toMatch(/[0-9A-Z]{18}\/2022-00001/);
    expect(res.body).toContain("<strong>警情</strong>");
    expect(res.body).not.toContain("alert(");
    expect((await get(`${base()}/items/${draftId}`)).statusCode).toBe(404);
    expect((await get(`/agencies/${tree.a2}/disclosure/proactive/items/${itemId}`)).statusCode).toBe(404);
    expect((await get(`${base()}/items/abc`)).statusCode).toBe(404);
  });

  it.each([
    ["周警情播报", true],
    ["警情", true],
    ["警", true],
    ["草稿", false],
    ["爆竹", false],
  ])("search %s finds the 周警情播报 item: %s; results highlighted, drafts never found", async (q, found) => {
    const res = await get(`${base()}/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body.includes(`href="${base()}/items/${itemId}"`)).toBe(found);
    expect(res.body).not.toContain(`items/${withdrawnHidden}"`);
    if (found) expect(res.body).toContain("<mark>");
  });

  it("lists by column, by item and by year are paginated and filtered", async () => {
    const column = await get(`${base()}/columns/${columnId}`);
    expect(column.body).toContain("2022年第10期周警情播报");
    expect(column.body).toContain(`${base()}/columns/${columnId}/feed.atom`);
    const year = await get(`${base()}/years/2023`);
    expect(year.body).toContain("烟花爆竹");
    expect(year.body).not.toContain("周警情播报</a>");
    expect((await get(`${base()}/categories/12`)).body).toContain("周警情播报");
    expect((await get(`${base()}/categories/16`)).statusCode).toBe(404);
    expect((await get(`${base()}/columns/999999`)).statusCode).toBe(404);
  });

  it("the Atom feed of a column lists its published items", async () => {
    const res = await get(`${base()}/columns/${columnId}/feed.atom`);
    expect(res.headers["content-type"]).toContain("application/atom+xml");
    expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(res.body).toContain("<title>2022年第10期周警情播报</title>");
    expect(res.body).not.toContain("尚未审查的警情草稿");
  });
});
