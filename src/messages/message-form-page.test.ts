import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAgency } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { CHROMIUM, expectAxeClean, phoneContext } from "../web/page-accessibility.test-support.ts";

/** The opening tag of the element with the given id in the page. */
function tagOf(html: string, id: string): string {
  const match = new RegExp(`<(?:input|textarea)[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no field ${id}`);
  return match[0];
}

describe.each(testDialects())("the message board's form through the kit's controls on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let agencyId: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    agencyId = await insertAgency(database, "示范市公安局", null);
  });

  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it("declares the board's limits to the browser: maxlength on every field, required on the three it needs", async () => {
    const res = await app.inject({ method: "GET", url: `/agencies/${agencyId}/messages/new` });
    expect(res.statusCode).toBe(200);
    const expected: Record<string, { maxlength: string; required: boolean }> = {
      title: { maxlength: "50", required: true },
      body: { maxlength: "2000", required: true },
      authorName: { maxlength: "50", required: true },
      contactPhone: { maxlength: "30", required: false },
      contactEmail: { maxlength: "100", required: false },
    };
    for (const [id, { maxlength, required }] of Object.entries(expected)) {
      const tag = tagOf(res.body, id);
      expect(new RegExp(`\\bmaxlength="${maxlength}"`, "i").test(tag), id).toBe(true);
      expect(/\brequired=""/.test(tag), id).toBe(required);
      expect(tag, id).toContain(`aria-describedby="${id}-hint"`);
    }
  });

  it("ties each refused field's message to its field and marks it invalid", async () => {
    const res = await app.inject({
      method: "POST",
      url: `/agencies/${agencyId}/messages`,
      payload: new URLSearchParams({ kind: "consultation", title: "", body: "", authorName: "" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
    });
    expect(res.statusCode).toBe(400);
    for (const id of ["title", "body", "authorName"]) {
      const tag = tagOf(res.body, id);
      expect(tag, id).toContain('aria-invalid="true"');
      expect(tag, id).toContain(`aria-describedby="${id}-hint ${id}-error"`);
      expect(res.body).toContain(`id="${id}-error"`);
    }
    expect(tagOf(res.body, "contactPhone")).not.toContain("aria-invalid");
  });
});

// Runs where a Chromium is installed (the development image and CI); elsewhere there is no browser to drive.
describe.skipIf(!existsSync(CHROMIUM))("the message board's form in a real browser", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  let agencyId: number;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM });
    database = await createTestDatabase("sqlite");
    app = await buildServer({ logLevel: false, database });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    agencyId = await insertAgency(database, "示范市公安局", null);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.dispose();
  });

  it("axe finds no WCAG 2.1 AA violation on the form, empty and after a refused post, at phone width", async () => {
    const context = await phoneContext(browser, base);
    try {
      const page = await context.newPage();
      const response = await page.goto(`${base}/agencies/${agencyId}/messages/new`);
      expect(response?.status()).toBe(200);
      await expectAxeClean(page, "board form");
      await page.getByRole("button", { name: "提交留言" }).click();
      await page.waitForSelector("#form-error");
      await expectAxeClean(page, "board form with errors");
    } finally {
      await context.close();
    }
  });
});
