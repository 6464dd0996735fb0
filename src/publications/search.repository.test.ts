import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { catalogFixture } from "./publication.test-support.ts";
import { indexItem, SEARCH_COUNT_CAP, searchIndex } from "./search.repository.ts";
import { searchQueryOf, searchTermsOf } from "./segmenter.ts";

/** Item i's title: 村 in most, 防汛 in every 20th, 梨杏乡 in every 300th, a plain title otherwise. */
function titleOf(i: number): string {
  if (i % 300 === 0) return `梨杏乡防汛工作通报${i}`;
  if (i % 20 === 0) return `关于做好防汛工作的通知${i}`;
  if (i % 7 === 0) return `行政许可事项清单${i}`;
  return `示范村环境整治情况${i}`;
}

describe.each(testDialects())("search index on %s", (dialect) => {
  let database: TestDatabase;
  let a1: number;
  let a2: number;
  const items = 1300;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    const { tree, columnId } = await catalogFixture(database);
    a1 = tree.a1;
    a2 = tree.a2;
    const at = "2022-03-01T00:00:00.000Z";
    for (let id = 1; id <= items + 10; id++) {
      // The last 10 items belong to another agency and all match 村: never counted for A1.
      const agencyId = id > items ? a2 : a1;
      const title = id > items ? `另一机关村务公开${id}` : titleOf(id);
      await sql`insert into publications (id, agency_id, column_id, status, title, summary, publisher, formed_on, published_on, body_html, validity, created_at, updated_at)
        values (${id}, ${agencyId}, ${columnId}, 'published', ${title}, '', '示范', '2022-03-01', '2022-03-01', '<p></p>', '有效', ${at}, ${at})`.execute(
        database.db,
      );
      await indexItem(database.db, dialect, { id, agencyId }, searchTermsOf(title));
    }
  });
  afterEach(async () => {
    await database.dispose();
  });

  /** A1's matching ids, newest first, computed from the titles. */
  const expected = (word: string) =>
    Array.from({ length: items }, (_, k) => items - k).filter((i) => titleOf(i).includes(word));
  const search = async (word: string, page: number) => {
    const query = searchQueryOf(word);
    if (!query) throw new Error(word);
    return searchIndex(database.db, dialect, a1, query, { page, pageSize: 20 });
  };

  it("a term matching more than the cap: count stops at cap + 1, pages stay newest first", async () => {
    const all = expected("村");
    expect(all.length).toBeGreaterThan(SEARCH_COUNT_CAP + 1);
    const first = await search("村", 1);
    expect(first.total).toBe(SEARCH_COUNT_CAP + 1);
    expect(first.ids).toEqual(all.slice(0, 20));
    expect((await search("村", 3)).ids).toEqual(all.slice(40, 60));
    expect((await search("村", 51)).ids).toEqual(all.slice(1000, 1020));
  });

  it("a term matching a few per cent and a rare one: exact count and order", async () => {
    const flood = expected("防汛");
    const first = await search("防汛", 1);
    expect(first.total).toBe(flood.length);
    expect(first.ids).toEqual(flood.slice(0, 20));
    expect((await search("防汛", 4)).ids).toEqual(flood.slice(60, 80));
    const rare = expected("梨杏乡");
    const found = await search("梨杏乡", 1);
    expect(found).toEqual({ ids: rare, total: rare.length });
    expect((await search("火车", 1)).total).toBe(0);
  });
});
