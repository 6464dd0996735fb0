import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { PageCache, pageCacheBytesFromEnv, pageTag, strongEtag } from "./page-cache.ts";
import { etagMatches, installPageCache, PAGE_CACHE_HEADER } from "./page-cache-hooks.ts";

const page = (text: string) => ({
  body: Buffer.from(text),
  headers: { "content-type": "text/html; charset=utf-8" },
});

describe("the page cache (issue #10.2)", () => {
  it("keeps pages within its bound in bytes, the least recently used leaving first", () => {
    const cache = new PageCache(3_000);
    const kb = "x".repeat(1_000);
    cache.put("/a", page(kb), [], cache.ticket());
    cache.put("/b", page(kb), [], cache.ticket());
    expect(cache.get("/a")).toBeDefined(); // /a is now more recent than /b
    cache.put("/c", page(kb), [], cache.ticket());
    expect([cache.get("/a"), cache.get("/b"), cache.get("/c")].map(Boolean)).toEqual([true, false, true]);
    expect(cache.bytes).toBeLessThanOrEqual(3_000);
    expect(cache.put("/huge", page("y".repeat(5_000)), [], cache.ticket())).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it("drops by tag: an agency's change drops its pages and the cross-agency ones; a platform-wide one every agency's", () => {
    const cache = new PageCache(1_000_000);
    const t = cache.ticket();
    cache.put("/a1/item", page("1"), [pageTag("publication", 1), pageTag("agency", 1)], t);
    cache.put("/a2/item", page("2"), [pageTag("publication", 2)], t);
    cache.put("/", page("home"), [pageTag("agency", null)], t);
    cache.drop({ agencyId: 1, entityType: "publication" });
    expect([cache.get("/a1/item"), cache.get("/a2/item"), cache.get("/")].map(Boolean)).toEqual([
      false,
      true,
      true,
    ]);
    cache.drop({ agencyId: 2, entityType: "agency" });
    expect(cache.get("/")).toBeUndefined();
    expect(cache.get("/a2/item")).toBeDefined();
    cache.drop({ agencyId: null, entityType: "publication" });
    expect(cache.get("/a2/item")).toBeUndefined();
  });

  it("does not keep a page rendered while a change of what it shows was committed, nor after a reset", () => {
    const cache = new PageCache(1_000_000);
    const before = cache.ticket();
    cache.drop({ agencyId: 1, entityType: "publication" });
    expect(cache.put("/a1", page("old"), [pageTag("publication", 1)], before)).toBeUndefined();
    expect(cache.put("/a2", page("other"), [pageTag("publication", 2)], before)).toBeDefined();
    const ticket = cache.ticket();
    cache.hear({ kind: "reset" });
    expect(cache.size).toBe(0);
    expect(cache.put("/a2", page("other"), [pageTag("publication", 2)], ticket)).toBeUndefined();
    expect(cache.put("/a2", page("other"), [pageTag("publication", 2)], cache.ticket())).toBeDefined();
  });

  it("neither serves nor keeps while changes are not all heard (the LISTEN connection down)", () => {
    let live = false;
    const cache = new PageCache(1_000_000, () => live);
    expect(cache.put("/", page("x"), [], cache.ticket())).toBeUndefined();
    live = true;
    expect(cache.put("/", page("x"), [], cache.ticket())?.etag).toBe(strongEtag(Buffer.from("x")));
  });

  it("compares If-None-Match weakly, lists and * included", () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('W/"a"', '"a"')).toBe(true);
    expect(etagMatches('"b", "a"', '"a"')).toBe(true);
    expect(etagMatches("*", '"a"')).toBe(true);
    expect(etagMatches('"b"', '"a"')).toBe(false);
    expect(etagMatches(undefined, '"a"')).toBe(false);
  });

  it("takes its bound from GONGKAI_PAGE_CACHE_MB (default 64 MB, 0 is off)", () => {
    expect(pageCacheBytesFromEnv({})).toBe(64 * 1024 * 1024);
    expect(pageCacheBytesFromEnv({ GONGKAI_PAGE_CACHE_MB: "0" })).toBe(0);
    expect(pageCacheBytesFromEnv({ GONGKAI_PAGE_CACHE_MB: "8" })).toBe(8 * 1024 * 1024);
    expect(pageCacheBytesFromEnv({ GONGKAI_PAGE_CACHE_MB: "-1" })).toBe(64 * 1024 * 1024);
  });
});

describe("the page cache's route hooks (issue #10.2)", () => {
  let app: FastifyInstance;
  afterEach(async () => {
    await app.close();
  });

  /** A server with pages that count their renderings. */
  async function server(personal = false) {
    app = Fastify();
    const cache = new PageCache(1_000_000);
    installPageCache(app, cache, {
      personal: (request) => personal && request.headers["x-signed-in"] === "1",
    });
    const rendered = { count: 0 };
    const shows = ["publication"];
    app.get("/agencies/:id/page", { config: { pageCache: { shows, query: ["page"] } } }, async (request) => {
      rendered.count += 1;
      return `page ${JSON.stringify(request.query)} #${rendered.count}`;
    });
    app.get("/agencies/:id/cookie", { config: { pageCache: { shows } } }, async (_request, reply) => {
      rendered.count += 1;
      return reply.header("set-cookie", "a=b").send(`cookie #${rendered.count}`);
    });
    app.get("/agencies/:id/missing", { config: { pageCache: { shows } } }, async (_request, reply) => {
      rendered.count += 1;
      return reply.code(404).send(`missing #${rendered.count}`);
    });
    app.post("/agencies/:id/page", { config: { pageCache: { shows } } }, async () => "posted");
    await app.ready();
    return { cache, rendered };
  }
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers });

  it("renders a page once, keyed by the query parameters it reads and nothing else", async () => {
    const { rendered } = await server();
    const first = await get("/agencies/1/page?page=2");
    expect((await get("/agencies/1/page?page=2&utm=x")).body).toBe(first.body);
    expect((await get("/agencies/1/page?page=3")).body).not.toBe(first.body);
    expect(rendered.count).toBe(2);
  });

  it("never keeps an answer that sets a cookie, a non-200 answer or a signed-in visitor's page; POST is not cached", async () => {
    const { cache, rendered } = await server(true);
    await get("/agencies/1/cookie");
    expect((await get("/agencies/1/cookie")).body).toBe("cookie #2");
    await get("/agencies/1/missing");
    expect((await get("/agencies/1/missing")).body).toBe("missing #4");
    await get("/agencies/1/page", { "x-signed-in": "1" });
    expect(
      (await get("/agencies/1/page", { "x-signed-in": "1" })).headers[PAGE_CACHE_HEADER],
    ).toBeUndefined();
    expect(rendered.count).toBe(6);
    expect(cache.size).toBe(0);
    const posted = await app.inject({ method: "POST", url: "/agencies/1/page" });
    expect(posted.headers[PAGE_CACHE_HEADER]).toBeUndefined();
  });

  it("a committed change of what the page shows makes the next request render it anew", async () => {
    const { cache, rendered } = await server();
    await get("/agencies/1/page");
    await get("/agencies/1/page");
    cache.hear({ kind: "change", change: { agencyId: 1, entityType: "publication" } });
    expect((await get("/agencies/1/page")).headers[PAGE_CACHE_HEADER]).toBe("miss");
    expect(rendered.count).toBe(2);
  });
});
