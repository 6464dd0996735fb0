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

/** One page of matching item ids (newest first) and the number of matches, counted up to the cap + 1. */
export async function searchIndex(
  db: Kysely<Schema>,
  dialect: Dialect,
  agencyId: number,
  query: SearchQuery,
  page: { page: number; pageSize: number },
): Promise<{ ids: number[]; total: number }> {
  const offset = (page.page - 1) * page.pageSize;
  if (dialect === "postgres") {
    const q = tsqueryText(query);
    const rows = await sql<{ id: number }>`select publication_id as id from publication_search
      where agency_id = ${agencyId} and vector @@ to_tsquery('simple', ${q})
      order by publication_id desc limit ${page.pageSize} offset ${offset}`.execute(db);
    const count = await sql<{ n: number }>`select count(*)::int as n from (select 1 from publication_search
      where agency_id = ${agencyId} and vector @@ to_tsquery('simple', ${q}) limit ${SEARCH_COUNT_CAP + 1}) m`.execute(
      db,
    );
    return { ids: rows.rows.map((r) => Number(r.id)), total: Number(count.rows[0]?.n ?? 0) };
  }
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
