import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartForm } from "../web/multipart-form.test-support.ts";
import {
  CHROMIUM,
  expectAxeClean,
  expectFitsPhone,
  phoneContext,
} from "../web/page-accessibility.test-support.ts";
import {
  decisionCsv,
  licenceRow,
  penaltyRow,
  type RegistryTestEnv,
  startRegistryTestEnv,
} from "./registry.test-support.ts";

// Runs where a Chromium is installed (the development image and CI); elsewhere there is no browser to drive.
describe.skipIf(!existsSync(CHROMIUM))("public decision pages in a real browser", () => {
  let env: RegistryTestEnv;
  let base: string;
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  let paths: string[];

  beforeAll(async () => {
    env = await startRegistryTestEnv("sqlite");
    const rows = Array.from({ length: 25 }, (_, i) =>
      i % 2 === 0
        ? { ...licenceRow(i), publishedOn: "2022-03-05" }
        : { ...penaltyRow(i), publishedOn: "2022-03-05" },
    );
    const form = multipartForm([{ name: "file", fileName: "d.csv", bytes: decisionCsv(rows) }]);
    const res = await env.app.inject({
      method: "POST",
      url: `/api/registries/decisions/import?agencyId=${env.tree.a1}`,
      headers: { ...env.manager.headers, ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const first = (res.json() as { ids: number[] }).ids[1];
    const list = `/agencies/${env.tree.a1}/disclosure/decisions`;
    paths = [list, `${list}?kind=penalty&year=2022&page=2`, `${list}/${first}`];
    base = await env.app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it.each(["normal", "large"])(
    "axe finds no WCAG 2.1 AA violation on the decision pages (%s text, phone width)",
    async (size) => {
      const context = await phoneContext(browser, base, size);
      try {
        const page = await context.newPage();
        for (const path of paths) {
          const response = await page.goto(`${base}${path}`);
          expect(response?.status()).toBe(200);
          await expectAxeClean(page, path);
          await expectFitsPhone(page, path);
        }
      } finally {
        await context.close();
      }
    },
    90_000,
  );

  it("filters and pages with JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}${paths[0]}`);
      await page.selectOption("#kind", "penalty");
      await page.fill("#year", "2022");
      await Promise.all([page.waitForURL(/kind=penalty/), page.click("button[type=submit]")]);
      expect(await page.textContent(".summary")).toBe("共 12 项");
      expect(await page.locator("tbody tr").count()).toBe(12);
      expect(await page.content()).not.toContain("张三丰");
    } finally {
      await context.close();
    }
  });
});
