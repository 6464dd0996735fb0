import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createAgency } from "./agency.service.ts";
import { createTestTree, FULL_CONTACT, type TestTree, validCreditCode } from "./agency.test-support.ts";

const COLUMNS = ["guide", "rules", "proactive", "annual-reports"] as const;

/** Checks every public page must pass: one document in Chinese, landmarks, one h1, no script. */
function expectAccessiblePage(html: string): void {
  expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/);
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
  expect(html).toContain('<a class="skip-link" href="#main">');
  for (const landmark of ["<header", '<main id="main">', "<footer", "<nav"]) expect(html).toContain(landmark);
  expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
  expect(html).not.toMatch(/建设中|敬请期待|即将上线|coming soon/i);
  // Headings never skip a level (h1 → h2 → h3).
  const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
  levels.forEach((level, i) => {
    if (i > 0) expect(level - (levels[i - 1] ?? 1)).toBeLessThanOrEqual(1);
  });
}

describe.each(testDialects())("public 政府信息公开 pages on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tree: TestTree;
  let bare: number;
  let nasty: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    tree = await createTestTree(database);
    const make = (name: string, n: number, contact: Record<string, string>) =>
      createAgency(
        database,
        { parentId: tree.a, name, kind: "department", creditCode: validCreditCode(n), contact },
        SYSTEM_ACTOR,
      ).then((a) => a.id);
    bare = await make("甲市统计局", 301, { officeName: "甲市统计局办公室", phone: "0999-5555555" });
    nasty = await make("<script>alert('名称')</script>", 302, {
      officeName: "'; DROP TABLE agencies; --",
      address: '<img src=x onerror="alert(1)">',
      hours: "</dd></dl><h1>假标题</h1>",
      phone: "Robert'); DELETE FROM trail;--",
      fax: "&amp;",
      email: '"><script>alert(1)</script>@x.cn',
      website: "javascript:alert(1)",
    });
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const get = (url: string, cookie?: string) =>
    app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });

  it("home lists the governments with their departments, each linking to its column, and the audit tool", async () => {
    const res = await get("/");
    expect(res.statusCode).toBe(200);
    expectAccessiblePage(res.body);
    expect(res.body.indexOf("甲市人民政府")).toBeLessThan(res.body.indexOf("甲市公安局"));
    for (const id of Object.values(tree)) expect(res.body).toContain(`href="/agencies/${id}/disclosure"`);
    expect(res.body.match(/href="\/tools\/report-audit"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(res.body).toContain("&lt;script&gt;alert(&#x27;名称&#x27;)&lt;/script&gt;");
  });

  it("each column page exists, is marked current in the column navigation, and works in 大字模式", async () => {
    const index = await get(`/agencies/${tree.a1}/disclosure`);
    expect(index.statusCode).toBe(200);
    expectAccessiblePage(index.body);
    expect(index.body).toContain("<h1>甲市公安局政府信息公开</h1>");
    for (const column of COLUMNS) {
      const url = `/agencies/${tree.a1}/disclosure/${column}`;
      expect(index.body).toContain(`href="${url}"`);
      const res = await get(url, "gk_text_size=large");
      expect(res.statusCode).toBe(200);
      expectAccessiblePage(res.body);
      expect(res.body).toContain('<html lang="zh-CN" class="large"');
      expect(res.body).toContain(`<a href="${url}" aria-current="page">`);
      expect(res.body).toContain(`back=${encodeURIComponent(url)}`);
    }
  });

  it("G-12: the guide states categories, arrangement, how to obtain, and every contact field", async () => {
    const res = await get(`/agencies/${tree.a}/disclosure/guide`);
    expectAccessiblePage(res.body);
    const html = res.body;
    expect(html).toContain("<h1>甲市人民政府政府信息公开指南</h1>");
    for (const heading of [
      "公开的类别",
      "编排体系",
      "获取方式",
      "申请渠道",
      "申请内容",
      "答复期限",
      "收费",
    ]) {
      expect(html).toContain(heading);
    }
    expect(html).toContain("条例第二十条");
    expect(html).toContain("申请人的姓名或者名称、身份证明、联系方式");
    expect(html).toContain("收到申请之日按条例第三十一条确定");
    expect(html).toContain("自收到申请之日起20个工作日内予以答复");
    expect(html).toContain("延长的期限最长不超过20个工作日");
    expect(html).toContain("国办函〔2020〕109号");
    for (const value of Object.values(FULL_CONTACT)) expect(html).toContain(value);
    for (const label of [
      "机构名称",
      "办公地址",
      "办公时间",
      "联系电话",
      "传真号码",
      "电子邮箱",
      "互联网联系方式",
    ]) {
      expect(html).toContain(label);
    }
    expect(html).toContain('<a href="mailto:gk@jia.gov.cn">');
    expect(html).toContain('<a href="https://www.jia.gov.cn">');
    expect(html).not.toContain("未提供");
    expect(html).not.toContain('class="notice"');
  });

  it("G-12: a missing contact field is shown as 未提供 and listed under a notice", async () => {
    const html = (await get(`/agencies/${bare}/disclosure/guide`)).body;
    expect(html).toContain('class="notice"');
    const notice = html.slice(
      html.indexOf('class="notice"'),
      html.indexOf("</div>", html.indexOf('class="notice"')),
    );
    for (const label of ["办公地址", "办公时间", "传真号码", "电子邮箱", "互联网联系方式（网站）"]) {
      expect(notice).toContain(`<li>${label}</li>`);
    }
    expect(notice).not.toContain("<li>联系电话</li>");
    expect(html.match(/未提供/g)).toHaveLength(5);
  });

  it("renders injection strings escaped on the guide, never as markup or links", async () => {
    const html = (await get(`/agencies/${nasty}/disclosure/guide`)).body;
    expectAccessiblePage(html);
    expect(html).toContain("&lt;script&gt;alert(&#x27;名称&#x27;)&lt;/script&gt;政府信息公开指南");
    expect(html).toContain("&#x27;; DROP TABLE agencies; --");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("&lt;/dd&gt;&lt;/dl&gt;&lt;h1&gt;假标题&lt;/h1&gt;");
    expect(html).toContain("&amp;amp;");
    expect(html).toContain("<dd>javascript:alert(1)</dd>");
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toContain('href="mailto:&quot;');
  });

  it("the 制度, 法定主动公开内容 and 年报 pages show what exists today", async () => {
    const rules = (await get(`/agencies/${tree.a1}/disclosure/rules`)).body;
    expect(rules).toContain("国务院令第711号");
    const proactive = (await get(`/agencies/${tree.a1}/disclosure/proactive`)).body;
    expect(proactive).toContain("尚未在本平台发布法定主动公开内容");
    expect(proactive).toContain("（十五）");
    const reports = (await get(`/agencies/${tree.a1}/disclosure/annual-reports`)).body;
    expect(reports).toContain("尚未在本平台发布政府信息公开工作年度报告");
    expect(reports).toContain('href="/tools/report-audit"');
    expect(reports).toContain("1月31日");
    expect((await get(`/agencies/${tree.a}/disclosure/annual-reports`)).body).toContain("3月31日");
  });

  it("answers an unknown agency with a 404 page in Chinese", async () => {
    for (const url of [
      "/agencies/99999/disclosure",
      "/agencies/abc/disclosure/guide",
      "/agencies/0/disclosure/rules",
    ]) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.body).toContain("找不到该机关的政府信息公开专栏");
      expect(res.body).toContain('<html lang="zh-CN"');
    }
  });
});
