import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestTree } from "../agencies/agency.test-support.ts";
import { createTestDatabase, type TestDatabase } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { CHROMIUM, expectAxeClean, phoneContext } from "../web/page-accessibility.test-support.ts";
import { catalogFixture, draftInput, publishItem } from "./publication.test-support.ts";

// Runs where a Chromium is installed (the development image and CI); elsewhere there is no browser to drive.
describe.skipIf(!existsSync(CHROMIUM))("public catalog pages in a real browser", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  let tree: TestTree;
  let columnId: number;
  let itemId: number;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM });
    database = await createTestDatabase("sqlite");
    app = await buildServer({ logLevel: false, database });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    ({ tree, columnId } = await catalogFixture(database));
    const body =
      "<h2>一、总体情况</h2><p>本周全市共接报警情 1024 起，同比下降 5.2%。</p><table><thead><tr><th>类别</th><th>起数</th></tr></thead><tbody><tr><td>刑事</td><td>12</td></tr></tbody></table>";
    itemId = (await publishItem(database, tree.a1, draftInput(columnId, "2022年第10期周警情播报", body))).id;
    for (let i = 0; i < 25; i++)
      await publishItem(database, tree.a1, draftInput(columnId, `第${i}期交通管理通告`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.dispose();
  });

  const pages = () => [
    `/agencies/${tree.a1}/disclosure/proactive`,
    `/agencies/${tree.a1}/disclosure/proactive/columns/${columnId}`,
    `/agencies/${tree.a1}/disclosure/proactive/categories/12`,
    `/agencies/${tree.a1}/disclosure/proactive/years/2022?page=2`,
    `/agencies/${tree.a1}/disclosure/proactive/items/${itemId}`,
    `/agencies/${tree.a1}/disclosure/proactive/search?q=${encodeURIComponent("警情")}`,
    `/agencies/${tree.a1}/disclosure/proactive/search?q=${encodeURIComponent("通")}`,
  ];

  it("axe finds no WCAG 2.1 AA violation on the catalog pages, at phone width", async () => {
    const context = await phoneContext(browser, base);
    try {
      const page = await context.newPage();
      for (const path of pages()) {
        const response = await page.goto(`${base}${path}`);
        expect(response?.status()).toBe(200);
        await expectAxeClean(page, path);
      }
    } finally {
      await context.close();
    }
  }, 90_000);

  it("searching with JavaScript off: fill the form, submit, follow the result to the item page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/agencies/${tree.a1}/disclosure/proactive`);
      await page.getByLabel("全文检索").fill("警情");
      await page.getByRole("button", { name: "检索" }).click();
      await expect.poll(() => page.url()).toContain("/search?q=");
      await page.getByRole("link", { name: "2022年第10期周警情播报" }).click();
      expect(await page.locator("h1").textContent()).toBe("2022年第10期周警情播报");
      expect(await page.locator("th", { hasText: "索引号" }).count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 60_000);
});
