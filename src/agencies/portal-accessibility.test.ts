import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { runFirstRun } from "../setup/first-run.ts";
import {
  CHROMIUM,
  expectAxeClean,
  expectFitsPhone,
  phoneContext,
} from "../web/page-accessibility.test-support.ts";

const PAGES = [
  "/",
  "/agencies/1/disclosure",
  "/agencies/2/disclosure/guide",
  "/agencies/1/disclosure/rules",
  "/agencies/1/disclosure/proactive",
  "/agencies/3/disclosure/annual-reports",
  "/agencies/999/disclosure",
  "/tools/report-audit",
];

// Runs where a Chromium is installed (the development image and CI); elsewhere there is no browser to drive.
describe.skipIf(!existsSync(CHROMIUM))("public pages in a real browser", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Awaited<ReturnType<typeof chromium.launch>>;

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    await runFirstRun(database, () => {});
    app = await buildServer({ logLevel: false, database });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.dispose();
  });

  it.each(["normal", "large"])(
    "axe finds no WCAG 2.1 AA violation on any page (%s text, phone width)",
    async (size) => {
      const context = await phoneContext(browser, base, size);
      try {
        const page = await context.newPage();
        for (const path of PAGES) {
          const response = await page.goto(`${base}${path}`);
          expect(response?.status()).toBe(path.includes("999") ? 404 : 200);
          await expectAxeClean(page, path);
          await expectFitsPhone(page, path);
        }
      } finally {
        await context.close();
      }
    },
    90_000,
  );

  it("reaches every link of the home page with the Tab key, skip link first, JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/`);
      const focused: string[] = [];
      for (let i = 0; i < 9; i += 1) {
        await page.keyboard.press("Tab");
        focused.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ""));
      }
      expect(focused).toEqual([
        "跳到正文",
        "公开 · 政府信息公开工作平台",
        "大字模式",
        "示范市人民政府",
        "示范市公安局",
        "示范市财政局",
        "政府信息公开工作年度报告体检",
        "首页",
        "年报体检工具",
      ]);
    } finally {
      await context.close();
    }
  });
});
