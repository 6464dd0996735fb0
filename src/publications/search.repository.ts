/**
 * SQL of the full-text index over published items: FTS5 on SQLite (rowid = item id), a GIN-indexed
 * 'simple' tsvector on PostgreSQL. Both hold the same pre-segmented terms (words, Han characters and
 * character pairs, see src/core/publication/search-terms.ts); only published items are ever in it.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { fts5Match, type SearchQuery, tsqueryText } from "../core/publication/search-terms.ts";
import type { Dialect } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";

/** Counting stops here: "more than 1000" is all a results page says beyond it. */
export const SEARCH_COUNT_CAP = 1000;

/** Puts an item's terms into the index (replacing what it had). */
export async function indexItem(
  trx: Transaction<Schema> | Kysely<Schema>,
  dialect: Dialect,
  item: { id: number; agencyId: number },
  terms: string,
): Promise<void> {
  await unindexItem(trx, dialect, item.id);
  if (dialect === "postgres") {
    await sql`insert into publication_search (publication_id, agency_id, terms) values (${item.id}, ${item.agencyId}, ${terms})`.execute(
      trx,
    );
  } else {
    await sql`insert into publication_search (rowid, terms, agency_id) values (${item.id}, ${terms}, ${item.agencyId})`.execute(
      trx,
    );
  }
}

/** Takes an item out of the index. */
export async function unindexItem(
  trx: Transaction<Schema> | Kysely<Schema>,
  dialect: Dialect,
  id: number,
): Promise<void> {
  if (dialect === "postgres")
    await sql`delete from publication_search where publication_id = ${id}`.execute(trx);
  else await sql`delete from publication_search where rowid = ${id}`.execute(trx);
}

/**
 * Rows of one agency the PostgreSQL search reads newest first (through the (agency_id, publication_id) btree,
 * testing `@@` on each) before it gives up on walking for the GIN bitmap: a term matching at least a page in
 * this window is frequent, and walking is then far cheaper than a bitmap of all its matches.
 */
export const SEARCH_WALK_WINDOW = 1000;

/**
 * Share of walked rows matching above which the capped count walks on too (≤ cap / share rows to read), below
 * which it takes the GIN bitmap. Measured at 5 M items (bench/catalog-search.bench.ts): at 2 % walking took
 * 364 ms against the bitmap's 83 ms; at 6 % walking 71 ms against the bitmap's 297 ms (vectors are TOASTed:
 * ~5 µs a walked row; the bitmap decodes every posting of the query's terms).
 */
const WALK_COUNT_DENSITY = 0.04;

/** One page of matching item ids (newest first) and the number of matches, counted up to the cap + 1. */
export async function searchIndex(
  db: Kysely<Schema>,
  dialect: Dialect,
  agencyId: number,
  query: SearchQuery,
  page: { page: number; pageSize: number },
): Promise<{ ids: number[]; total: number }> {
  const offset = (page.page - 1) * page.pageSize;
  if (dialect === "postgres") return searchPostgres(db, agencyId, tsqueryText(query), page.pageSize, offset);
  const match = fts5Match(query);
  const rows = await sql<{ id: number }>`select rowid as id from publication_search
    where publication_search match ${match} and agency_id = ${agencyId}
    order by rowid desc limit ${page.pageSize} offset ${offset}`.execute(db);
  const count = await sql<{ n: number }>`select count(*) as n from (select 1 from publication_search
    where publication_search match ${match} and agency_id = ${agencyId} limit ${SEARCH_COUNT_CAP + 1})`.execute(
    db,
  );
  return { ids: rows.rows.map((r) => Number(r.id)), total: Number(count.rows[0]?.n ?? 0) };
}

/**
 * PostgreSQL: first read the agency's newest SEARCH_WALK_WINDOW rows, each with whether it matches. An agency
 * with no more rows than that is answered there and then. If the window holds the page, the page is exact (no
 * older row can come before them) and the count is the window's matches plus the older ones: none to count
 * when the window already holds cap + 1, walking on when matches are dense, else the GIN bitmap (which stops
 * after the rows still needed). A rarer term takes the GIN bitmap once for page and count together: the newest
 * cap + 1 matches (or the page's end, if further), sorted. The planner's own choice is not used: its estimates
 * for ANDed/ORed lexemes are off by 10–30× either way, picking a full-table walk for rare terms.
 */
async function searchPostgres(
  db: Kysely<Schema>,
  agencyId: number,
  q: string,
  pageSize: number,
  offset: number,
): Promise<{ ids: number[]; total: number }> {
  const need = offset + pageSize;
  const cap = SEARCH_COUNT_CAP + 1;
  return db.transaction().execute(async (trx) => {
    // JIT compiling costs more than these short queries; a bitmap of a frequent term must stay exact.
    await sql`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`.execute(trx);
    const window = await sql<{ id: number; hit: boolean }>`select publication_id as id,
        vector @@ to_tsquery('simple', ${q}) as hit
      from publication_search where agency_id = ${agencyId}
      order by agency_id desc, publication_id desc limit ${SEARCH_WALK_WINDOW}`.execute(trx);
    const hits = window.rows.filter((r) => r.hit).map((r) => Number(r.id));
    if (window.rows.length < SEARCH_WALK_WINDOW) {
      return { ids: hits.slice(offset, need), total: Math.min(hits.length, cap) };
    }
    if (hits.length >= need) {
      const ids = hits.slice(offset, need);
      if (hits.length >= cap) return { ids, total: cap };
      const oldest = Number(window.rows[window.rows.length - 1]?.id);
      const dense = hits.length / SEARCH_WALK_WINDOW >= WALK_COUNT_DENSITY;
      const older = cap - hits.length;
      const more = dense
        ? await walkCount(trx, agencyId, q, oldest, older)
        : await bitmapCount(trx, agencyId, q, oldest, older);
      return { ids, total: hits.length + more };
    }
    await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`.execute(
      trx,
    );
    const rows = await sql<{ id: number }>`select publication_id as id from publication_search
      where agency_id = ${agencyId} and vector @@ to_tsquery('simple', ${q})
      order by publication_id desc limit ${Math.max(cap, need)}`.execute(trx);
    const ids = rows.rows.map((r) => Number(r.id));
    return { ids: ids.slice(offset, need), total: Math.min(ids.length, cap) };
  });
}

/** Matches older than `before`, counted up to `cap` by walking the agency's rows newest first (frequent term). */
async function walkCount(
  trx: Transaction<Schema>,
  agencyId: number,
  q: string,
  before: number,
  cap: number,
): Promise<number> {
  await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`.execute(
    trx,
  );
  const count = await sql<{ n: number }>`select count(*)::int as n from (select 1 from publication_search
    where agency_id = ${agencyId} and publication_id < ${before} and vector @@ to_tsquery('simple', ${q})
    order by agency_id desc, publication_id desc limit ${cap}) m`.execute(trx);
  return Number(count.rows[0]?.n ?? 0);
}

/** Matches older than `before`, counted up to `cap` through the GIN bitmap (for a rarer term). */
async function bitmapCount(
  trx: Transaction<Schema>,
  agencyId: number,
  q: string,
  before: number,
  cap: number,
): Promise<number> {
  await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`.execute(
    trx,
  );
  const count = await sql<{ n: number }>`select count(*)::int as n from (select 1 from publication_search
    where agency_id = ${agencyId} and publication_id < ${before} and vector @@ to_tsquery('simple', ${q})
    limit ${cap}) m`.execute(trx);
  return Number(count.rows[0]?.n ?? 0);
}
