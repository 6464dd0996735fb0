import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchQuery } from "../core/publication/search-terms.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { catalogFixture } from "./publication.test-support.ts";
import { indexItem, SEARCH_COUNT_CAP, SEARCH_WALK_WINDOW, searchIndex } from "./search.repository.ts";
import { searchQueryOf, searchTermsOf } from "./segmenter.ts";

/** Words of the titles and how often a title holds each: dense, moderate, sparse and rare ones. */
const VOCABULARY: readonly (readonly [string, number])[] = [
  ["示范村", 0.6],
  ["环境整治", 0.3],
  ["防汛抗旱", 0.08],
  ["公务员考试", 0.04],
  ["食品安全", 0.02],
  ["烟花爆竹", 0.006],
  ["梨杏乡", 0.002],
];

/** Query texts: the words, their characters and pairs, across words, and text found nowhere. */
const QUERIES = [
  ...VOCABULARY.map(([w]) => w),
  "村",
  "示范",
  "环境",
  "整治",
  "防汛",
  "抗旱",
  "考试",
  "食品",
  "爆竹",
  "杏乡",
  "乡",
  "示范村 防汛",
  "环境 食品安全",
  "村环境",
  "火车站",
  "2022",
];

/** A deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether an item with these index terms matches the query: every word as itself or by all its pairs. */
function matches(terms: ReadonlySet<string>, query: SearchQuery): boolean {
  return query.words.every(
    (w) => terms.has(w.term) || (w.pairs.length > 0 && w.pairs.every((p) => terms.has(p))),
  );
}

describe.each(testDialects())("search equals the plain computation on random catalogs (%s)", (dialect) => {
  let database: TestDatabase;
  /** Per agency, its items newest first with their index terms. */
  const catalogs = new Map<number, { id: number; terms: Set<string> }[]>();
  const LARGE = 2 * SEARCH_WALK_WINDOW + 700;
  const SMALL = 300;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const { tree, columnId } = await catalogFixture(database);
    const next = random(dialect === "sqlite" ? 11 : 12);
    const at = "2022-03-01T00:00:00.000Z";
    // The small agency's items are interleaved with the large one's.
    const owners: number[] = [];
    for (let id = 1, small = 0; id <= LARGE + SMALL; id++) {
      const inSmall = id % 9 === 0 && small < SMALL;
      if (inSmall) small += 1;
      owners.push(inSmall ? tree.a2 : tree.a1);
    }
    // The oldest row of the large agency's walk window holds every word: a count that took it twice would show.
    const windowOldest = owners.flatMap((a, k) => (a === tree.a1 ? [k + 1] : [])).reverse()[
      SEARCH_WALK_WINDOW - 1
    ];
    await database.db.transaction().execute(async (trx) => {
      for (let id = 1; id <= LARGE + SMALL; id++) {
        const agencyId = owners[id - 1] as number;
        const words = VOCABULARY.filter(([, p]) => next() < p || id === windowOldest).map(([w]) => w);
        const title = `${words.join("，")}情况${id}`;
        await sql`insert into publications (id, agency_id, column_id, status, title, summary, publisher, formed_on, published_on, body_html, validity, created_at, updated_at)
          values (${id}, ${agencyId}, ${columnId}, 'published', ${title}, '', '示范', '2022-03-01', '2022-03-01', '<p></p>', '有效', ${at}, ${at})`.execute(
          trx,
        );
        const terms = searchTermsOf(title);
        await indexItem(trx, dialect, { id, agencyId }, terms);
        const list = catalogs.get(agencyId) ?? [];
        list.unshift({ id, terms: new Set(terms.split(" ")) });
        catalogs.set(agencyId, list);
      }
    });
    if (dialect === "postgres") await sql`analyze publication_search`.execute(database.db);
  }, 120_000);
  afterAll(async () => {
    await database.dispose();
  });

  it("every query, agency and page: the same ids newest first and the same count, capped at cap + 1", async () => {
    const agencies = [...catalogs.keys()];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...QUERIES),
        fc.constantFrom(...agencies),
        fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 })),
        async (text, agencyId, page) => {
          const query = searchQueryOf(text);
          if (!query) throw new Error(text);
          const all = (catalogs.get(agencyId) ?? [])
            .filter((item) => matches(item.terms, query))
            .map((i) => i.id);
          const found = await searchIndex(database.db, dialect, agencyId, query, { page, pageSize: 20 });
          expect(found).toEqual({
            ids: all.slice((page - 1) * 20, page * 20),
            total: Math.min(all.length, SEARCH_COUNT_CAP + 1),
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
