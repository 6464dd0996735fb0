import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAgencyProfile } from "../agencies/agency.service.ts";
import { type TestTree, validCreditCode } from "../agencies/agency.test-support.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { findMessage } from "../messages/message.repository.ts";
import { actOnMessage, submitMessage } from "../messages/message.service.ts";
import { actOnPublication } from "../publications/publication.service.ts";
import { actor, catalogFixture, draftInput, publishItem } from "../publications/publication.test-support.ts";
import { changeDecision, createDecision, type DecisionInput } from "../registries/decision.service.ts";
import { publishReport } from "../reports/report.service.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { PAGE_CACHE_HEADER } from "../web/page-cache-hooks.ts";
import { buildServer } from "./build-server.ts";

describe.each(testDialects())("the public pages' cache on %s (issue #10.2)", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tree: TestTree;
  let columnId: number;
  let itemId: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    ({ tree, columnId } = await catalogFixture(database));
    itemId = (await publishItem(database, tree.a1, draftInput(columnId, "2022年第10期周警情播报"))).id;
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers: { accept: "text/html", ...headers } });
  const catalog = (agencyId: number, rest = "") => `/agencies/${agencyId}/disclosure/proactive${rest}`;
  /** Fetches a page twice and expects the second answer from the cache, with the same bytes. */
  const cached = async (url: string) => {
    const first = await get(url);
    expect(first.statusCode, first.body).toBe(200);
    const second = await get(url);
    expect(second.headers[PAGE_CACHE_HEADER], url).toBe("hit");
    expect(second.body).toBe(first.body);
    return second;
  };
  /** The next answer of a page, which must have been rendered anew (its cached copy dropped). */
  const fresh = async (url: string) => {
    const res = await get(url);
    expect(res.headers[PAGE_CACHE_HEADER], url).toBe("miss");
    return res;
  };

  it("answers a kept page with the same bytes and a strong ETag, and 304 Not Modified to If-None-Match; HEAD too", async () => {
    const url = catalog(tree.a1, `/items/${itemId}`);
    const hit = await cached(url);
    const etag = String(hit.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const notModified = await get(url, { "if-none-match": `W/"other", ${etag}` });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe("");
    expect(notModified.headers.etag).toBe(etag);
    expect((await get(url, { "if-none-match": '"other"' })).statusCode).toBe(200);
    const head = await app.inject({ method: "HEAD", url });
    expect(head.statusCode).toBe(200);
    expect(head.headers[PAGE_CACHE_HEADER]).toBe("hit");
    expect(head.headers.etag).toBe(etag);
    expect(head.body).toBe("");
    // A HEAD before any GET never leaves an empty page behind.
    const year = catalog(tree.a1, "/years/2022");
    expect((await app.inject({ method: "HEAD", url: year })).body).toBe("");
    expect((await get(year)).body).toContain("2022年第10期周警情播报");
    expect((await get(year)).body).toContain("2022年第10期周警情播报");
    // The security headers go with a kept page as with a rendered one.
    expect(hit.headers["content-security-policy"]).toContain("script-src 'none'");
    expect(hit.headers["content-type"]).toBe("text/html; charset=utf-8");
  });

  it("keeps the 大字模式 page apart from the standard one (by ?size= or the cookie)", async () => {
    const url = catalog(tree.a1, `/items/${itemId}`);
    const normal = await cached(url);
    const large = await get(`${url}?size=large`);
    expect(large.headers[PAGE_CACHE_HEADER]).toBe("miss");
    expect(large.body).toContain('<html lang="zh-CN" class="large">');
    const byCookie = await get(url, { cookie: "gk_text_size=large" });
    expect(byCookie.headers[PAGE_CACHE_HEADER]).toBe("hit");
    expect(byCookie.body).toBe(large.body);
    expect(normal.body).not.toContain('class="large"');
    // A visitor carrying a session cookie neither gets nor fills the cache.
    const signedIn = await get(url, { cookie: "gk_session=x; gk_text_size=large" });
    expect(signedIn.headers[PAGE_CACHE_HEADER]).toBeUndefined();
    expect(signedIn.body).toBe(large.body);
    // A query parameter the page does not read is not part of the key.
    expect((await get(`${url}?utm=x`)).headers[PAGE_CACHE_HEADER]).toBe("hit");
  });

  it("never keeps a page with a signed form token (message form, request form) nor the search results", async () => {
    for (const url of [
      `/agencies/${tree.a1}/messages/new`,
      `/agencies/${tree.a1}/disclosure/apply`,
      catalog(tree.a1, "/search?q=警情"),
    ]) {
      const first = await get(url);
      const second = await get(url);
      expect(first.statusCode, url).toBe(200);
      expect(second.headers[PAGE_CACHE_HEADER], url).toBeUndefined();
    }
    const form = await get(`/agencies/${tree.a1}/messages/new`);
    const again = await get(`/agencies/${tree.a1}/messages/new`);
    expect(form.body).toContain('name="_token"');
    expect(again.body).not.toBe(form.body);
  });

  it("publishing and withdrawing an item drop its agency's catalog pages and feed, not another agency's", async () => {
    const pages = [
      catalog(tree.a1),
      catalog(tree.a1, `/columns/${columnId}`),
      catalog(tree.a1, `/columns/${columnId}/feed.atom`),
      catalog(tree.a1, "/years/2022"),
    ];
    for (const url of pages) await cached(url);
    // The first view of A2's catalog creates its root columns (a change of A2's columns while it renders):
    // that rendering is not kept; the next one is.
    await get(catalog(tree.a2));
    await cached(catalog(tree.a2));
    const second = await publishItem(database, tree.a1, draftInput(columnId, "关于春节期间烟花爆竹的通告"));
    for (const url of pages) expect((await fresh(url)).body, url).toContain("烟花爆竹");
    expect((await get(catalog(tree.a2))).headers[PAGE_CACHE_HEADER]).toBe("hit");
    const itemUrl = catalog(tree.a1, `/items/${second.id}`);
    await cached(itemUrl);
    await actOnPublication(
      database,
      second.id,
      { type: "withdraw", opinion: "已失效" },
      actor("office_head"),
    );
    expect((await fresh(itemUrl)).statusCode).toBe(404);
    expect((await fresh(catalog(tree.a1, `/columns/${columnId}`))).body).not.toContain("烟花爆竹");
  });

  it("an agency's profile change drops its pages and the portal home", async () => {
    await cached("/");
    await cached(`/agencies/${tree.a2}/disclosure/guide`);
    await cached(catalog(tree.a2));
    await cached(`/agencies/${tree.a1}/disclosure/guide`);
    await updateAgencyProfile(database, tree.a2, { name: "甲市财政和国资局" }, SYSTEM_ACTOR);
    expect((await fresh("/")).body).toContain("甲市财政和国资局");
    expect((await fresh(`/agencies/${tree.a2}/disclosure/guide`)).body).toContain("甲市财政和国资局");
    expect((await fresh(catalog(tree.a2))).body).toContain("甲市财政和国资局");
    expect((await get(`/agencies/${tree.a1}/disclosure/guide`)).headers[PAGE_CACHE_HEADER]).toBe("hit");
  });

  it("a decision published drops the decision pages", async () => {
    const list = `/agencies/${tree.a1}/disclosure/decisions`;
    const licence: DecisionInput = {
      kind: "licensing",
      docNo: "示公许〔2022〕1号",
      matter: "剧毒化学品购买许可",
      content: "准予许可",
      decidedOn: "2022-03-01",
      authority: "甲市公安局",
      authorityCreditCode: "",
      partyKind: "legalPerson",
      partyName: "甲市第1化工有限公司",
      partyCreditCode: validCreditCode(5001),
      legalRepresentative: "王五",
      idType: "",
      idNumber: "",
    };
    const decision = await createDecision(database, tree.a1, licence, actor("registry_officer"));
    expect((await cached(list)).body).not.toContain("示公许〔2022〕1号");
    await changeDecision(database, decision, { publishedOn: "2022-03-02" }, actor("registry_officer"));
    expect((await fresh(list)).body).toContain("示公许〔2022〕1号");
    await cached(`${list}/${decision.id}`);
  });

  it("a message answered and published drops the board's pages", async () => {
    const board = `/agencies/${tree.a1}/messages`;
    const posted = await submitMessage(
      database,
      {
        agencyId: tree.a1,
        kind: "consultation",
        title: "户籍迁移咨询",
        body: "请问户籍迁移需要哪些材料？",
        authorName: "张先生",
        contactPhone: "",
        contactEmail: "",
        publishConsent: true,
        idempotencyKey: `key-${dialect}`,
      },
      { ip: "203.0.113.9", now: new Date() },
    );
    expect((await cached(board)).body).not.toContain("户籍迁移咨询");
    const row = await findMessage(database.db, posted.id);
    if (!row) throw new Error("message not stored");
    const reply = {
      type: "reply",
      body: "请携带户口簿。",
      department: "户政科",
      repliedOn: shanghaiDate(),
    } as const;
    await actOnMessage(database, row, { ...reply, publish: true }, actor("board_officer"), new Date());
    expect((await fresh(board)).body).toContain("户籍迁移咨询");
    await cached(`${board}/${posted.id}`);
  });

  it("a report published drops the annual-report column", async () => {
    const column = `/agencies/${tree.b1}/disclosure/annual-reports`;
    expect((await cached(column)).body).not.toContain("/annual-reports/2022");
    await publishReport(database, tree.b1, 2022, { note: "", today: "2023-01-20" }, actor("office_head"));
    expect((await fresh(column)).body).toContain("/annual-reports/2022");
    await cached(`${column}/2022`);
  });
});
