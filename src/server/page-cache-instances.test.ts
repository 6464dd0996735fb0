import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestTree } from "../agencies/agency.test-support.ts";
import { changeHubOf } from "../db/committed-changes.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { createTestDatabase, type TestDatabase, testPostgresUrl } from "../db/test-databases.ts";
import { catalogFixture, draftInput, publishItem } from "../publications/publication.test-support.ts";
import { PAGE_CACHE_HEADER } from "../web/page-cache-hooks.ts";
import { buildServer } from "./build-server.ts";

/** Polls (every 20 ms, up to 10 s) until `check` resolves true; fails otherwise. */
async function eventually(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(await check()).toBe(true);
}

// Two instances on one PostgreSQL database: the invalidation travels by LISTEN/NOTIFY (issue #10.2).
describe.skipIf(!testPostgresUrl())("the page cache across two instances on PostgreSQL", () => {
  let databaseA: TestDatabase;
  let databaseB: Database;
  let appA: FastifyInstance;
  let appB: FastifyInstance;
  let tree: TestTree;
  let columnId: number;
  let list: string;

  beforeAll(async () => {
    databaseA = await createTestDatabase("postgres");
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(databaseA.db);
    const url = new URL(testPostgresUrl() ?? "");
    url.pathname = `/${rows[0]?.name ?? ""}`;
    databaseB = await openDatabase({ url: url.toString() });
    appA = await buildServer({ logLevel: false, database: databaseA });
    appB = await buildServer({ logLevel: false, database: databaseB });
    await Promise.all([appA.ready(), appB.ready()]);
    ({ tree, columnId } = await catalogFixture(databaseA));
    await publishItem(databaseA, tree.a1, draftInput(columnId, "2022年第10期周警情播报"));
    list = `/agencies/${tree.a1}/disclosure/proactive/columns/${columnId}`;
    await eventually(() => changeHubOf(databaseB.db).live);
  });

  afterAll(async () => {
    await appB.close();
    await databaseB.close();
    await appA.close();
    await databaseA.dispose();
  });

  const onB = (url: string) => appB.inject({ method: "GET", url, headers: { accept: "text/html" } });
  /** Gets the page on B until it comes from B's cache. */
  const cachedOnB = (url: string) =>
    eventually(async () => (await onB(url)).headers[PAGE_CACHE_HEADER] === "hit");

  it("a page cached on B shows what was published through A as soon as the notification arrives", async () => {
    await cachedOnB(list);
    expect((await onB(list)).body).not.toContain("烟花爆竹");
    await publishItem(databaseA, tree.a1, draftInput(columnId, "关于春节期间烟花爆竹燃放管理的通告"));
    await eventually(async () => (await onB(list)).body.includes("烟花爆竹"));
  });

  it("B forgets every page when its listening connection drops, and caches again once it listens again", async () => {
    await cachedOnB(list);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query like 'LISTEN%'`.execute(databaseA.db);
    await eventually(() => !changeHubOf(databaseB.db).live);
    // Not listening: nothing served from the cache nor kept (a change now would go unheard).
    expect((await onB(list)).headers[PAGE_CACHE_HEADER]).toBeUndefined();
    await eventually(() => changeHubOf(databaseB.db).live);
    expect((await onB(list)).headers[PAGE_CACHE_HEADER]).toBe("miss");
    await cachedOnB(list);
    await publishItem(databaseA, tree.a1, draftInput(columnId, "关于开展禁毒宣传月活动的通知"));
    await eventually(async () => (await onB(list)).body.includes("禁毒宣传月"));
  });
});
