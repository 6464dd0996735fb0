import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "@playwright/test";
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
import { TINY_PNG } from "./tracking-public.test-support.ts";

/** The page passes axe and fits the phone's width. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  await expectAxeClean(page, label);
  await expectFitsPhone(page, label);
}

// Runs where a Chromium is installed (the development image and CI); elsewhere there is no browser to drive.
describe.skipIf(!existsSync(CHROMIUM))("public request pages in a real browser", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  let identityFile: string;

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    await runFirstRun(database, () => {});
    app = await buildServer({ logLevel: false, database });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: CHROMIUM });
    identityFile = join(mkdtempSync(join(tmpdir(), "gongkai-id-")), "身份证.png");
    writeFileSync(identityFile, TINY_PNG);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.dispose();
  });

  it.each(["normal", "large"])(
    "form, errors, confirmation, look-up and status pass axe (%s text, phone width)",
    async (size) => {
      const context = await phoneContext(browser, base, size);
      try {
        const page = await context.newPage();
        await page.goto(`${base}/agencies/2/disclosure/apply`);
        await expectAccessible(page, "form");
        await page.getByRole("button", { name: "提交申请" }).click();
        expect(await page.locator("#error-summary").isVisible()).toBe(true);
        await expectAccessible(page, "form with errors");

        await page.getByLabel("自然人（公民个人）").check();
        await page.getByLabel("姓名").fill("王五");
        await page.getByLabel("身份证件类型").selectOption("resident_id");
        await page.getByLabel("身份证件号码").fill("11010519491231002X");
        await page.getByLabel("联系电话").fill("13900139000");
        await page.getByLabel("所需信息的描述").fill("2024年本机关政府信息公开工作年度报告的统计口径说明");
        await page.getByLabel("电子", { exact: true }).check();
        await page.getByLabel("在线查看").check();
        await page.getByLabel("上传身份证明").setInputFiles(identityFile);
        await page.getByRole("button", { name: "提交申请" }).click();
        await expectAccessible(page, "confirmation");
        const trackingNo = (await page.locator("#tracking-no").textContent()) ?? "";
        const code = (await page.locator("#verification-code").textContent()) ?? "";
        expect(code).toMatch(/^\d{6}$/);

        await page.getByRole("link", { name: "查询办理进度" }).click();
        await expectAccessible(page, "look-up");
        await page.getByLabel("查询号").fill(trackingNo);
        await page.getByLabel("验证码").fill(code);
        await page.getByRole("button", { name: "查询" }).click();
        expect(await page.locator("h1").textContent()).toBe("办理进度");
        await expectAccessible(page, "status");
      } finally {
        await context.close();
      }
    },
    120_000,
  );

  it("files a request with the keyboard alone and JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/agencies/3/disclosure/apply`);
      const keyboard = page.keyboard;
      // From the first applicant-kind radio, arrows choose within the group and Tab moves on.
      await page.locator("#applicantKind").focus();
      await keyboard.press("ArrowDown");
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
        "commercial",
      );
      await keyboard.press("ArrowUp");
      await keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("personName");
      await keyboard.type("赵六");
      await keyboard.press("Tab");
      await keyboard.press("ArrowDown");
      await keyboard.press("Tab");
      await keyboard.type("11010519491231002X");
      await page.locator("#phone").focus();
      await keyboard.type("13700137000");
      await page.locator("#description").focus();
      await keyboard.type("本机关2024年道路养护资金的使用情况");
      await page.locator("#provisionForm").focus();
      await keyboard.press("Space");
      await page.locator("#deliveryMethod").focus();
      await keyboard.press("ArrowDown");
      await keyboard.press("Space");
      await page.locator("#identityDocument").setInputFiles(identityFile);
      await page.locator("#identityDocument").focus();
      await keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("提交申请");
      await keyboard.press("Enter");
      await page.waitForSelector("#tracking-no");
      expect(await page.locator("h1").textContent()).toBe("申请已提交");
      const row = await database.db
        .selectFrom("requests")
        .select(["applicant_name", "provision_form", "delivery_method"])
        .where("applicant_name", "=", "赵六")
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ applicant_name: "赵六", provision_form: "paper", delivery_method: "pickup" });
    } finally {
      await context.close();
    }
  });
});
