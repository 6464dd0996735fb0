/**
 * Catalog full-text search over BENCH_CATALOG_ITEMS (default 1,000,000) published items: the platform's
 * search (jieba-segmented query, FTS5 on SQLite / GIN tsvector on PostgreSQL, a page of 20 newest first and
 * the count up to 1001) against a `LIKE '%…%'` scan doing the same page and count on the same rows.
 * Goal: p95 < 20 ms and ≥ 50× faster. PostgreSQL runs when GONGKAI_TEST_POSTGRES_URL (or the local
 * server) is reachable.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { type Database, migrate, openDatabase } from "../src/db/database.ts";
import { SEARCH_COUNT_CAP, searchIndex } from "../src/publications/search.repository.ts";
import { searchQueryOf, searchTermsOf } from "../src/publications/segmenter.ts";
import { type BenchResult, benchPostgresUrl, formatSeconds, percentile } from "./bench-support.ts";
import { type CorpusItem, corpusItem, placeName, random } from "./catalog-corpus.ts";

const BATCH = 5000;

/** The queries measured: words, phrases, 1- and 2-character queries, common and rare. */
function queries(): string[] {
  const next = random(7);
  const rare = Array.from({ length: 4 }, () => placeName(next));
  return [
    "警情",
    "周警情播报",
    "烟花爆竹",
    "食品安全抽检",
    "交通",
    "村",
    "税",
    "防汛抗旱",
    "公务员考试录用",
    ...rare,
  ];
}

/** Items in batches: content plus index terms (segmented like the platform segments). */
function* batches(total: number): Generator<{ from: number; items: (CorpusItem & { terms: string })[] }> {
  const next = random(42);
  for (let from = 0; from < total; from += BATCH) {
    const items = [];
    for (let i = from; i < Math.min(total, from + BATCH); i++) {
      const item = corpusItem(next, i);
      items.push({ ...item, terms: searchTermsOf(`${item.title}\n${item.summary}\n${item.body}`) });
    }
    yield { from, items };
  }
}

/** Inserts the agency and its column; their ids. */
async function seed(database: Database): Promise<{ agencyId: number; columnId: number }> {
  const at = new Date().toISOString();
  const empty = {
    office_name: "",
    office_address: "",
    office_hours: "",
    office_phone: "",
    office_fax: "",
    office_email: "",
    office_website: "",
  };
  const agency = await database.db
    .insertInto("agencies")
    .values({
      parent_id: null,
      name: "示范市人民政府",
      kind: "government",
      credit_code: "11999900MB0000001X",
      ...empty,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const column = await database.db
    .insertInto("publication_columns")
    .values({
      agency_id: agency.id,
      parent_id: null,
      name: "法定主动公开内容",
      root_kind: "proactive",
      category_item: null,
      cadence: null,
      sort_order: 3,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { agencyId: agency.id, columnId: column.id };
}

/** Seconds of each run of `op` over the queries, `rounds` times round. */
async function timeQueries(
  list: readonly string[],
  rounds: number,
  op: (q: string) => Promise<number>,
): Promise<number[]> {
  const times: number[] = [];
  for (const q of list) await op(q); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const q of list) {
      const t0 = process.hrtime.bigint();
      await op(q);
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
  }
  return times.sort((a, b) => a - b);
}

/** The lines of one engine's result. */
async function measure(
  database: Database,
  agencyId: number,
  loadSeconds: number,
  total: number,
): Promise<string[]> {
  const list = queries();
  const search = async (text: string) => {
    const query = searchQueryOf(text);
    if (!query) return 0;
    return (await searchIndex(database.db, database.dialect, agencyId, query, { page: 1, pageSize: 20 })).ids
      .length;
  };
  const like = async (text: string) => {
    const pattern = `%${text}%`;
    const match = sql`agency_id = ${agencyId} and status = 'published' and (title like ${pattern} or summary like ${pattern} or body_html like ${pattern})`;
    const rows = await sql<{
      id: number;
    }>`select id from publications where ${match} order by id desc limit 20`.execute(database.db);
    await sql`select count(*) as n from (select 1 from publications where ${match} limit ${SEARCH_COUNT_CAP + 1}) m`.execute(
      database.db,
    );
    return rows.rows.length;
  };
  const hits = await Promise.all(list.map(async (q) => `${q}:${await search(q)}`));
  const mismatched = [];
  for (const q of list) if ((await search(q)) === 0 && (await like(q)) > 0) mismatched.push(q);
  const indexed = await timeQueries(list, 20, search);
  const scanned = await timeQueries(list, 2, like);
  const p = (t: number[], q: number) => percentile(t, q);
  return [
    `${total.toLocaleString("en")} items loaded and indexed in ${loadSeconds.toFixed(0)} s; ${list.length} queries (${hits.join(" ")})`,
    `search (index):  p50 ${formatSeconds(p(indexed, 0.5))}  p95 ${formatSeconds(p(indexed, 0.95))}  (${indexed.length} runs; goal p95 < 20 ms)`,
    `LIKE '%…%' scan: p50 ${formatSeconds(p(scanned, 0.5))}  p95 ${formatSeconds(p(scanned, 0.95))}  (${scanned.length} runs)`,
    `ratio: p50 ${(p(scanned, 0.5) / p(indexed, 0.5)).toFixed(0)}×  p95 ${(p(scanned, 0.95) / p(indexed, 0.95)).toFixed(0)}×  (goal ≥ 50×)`,
    ...(mismatched.length > 0 ? [`queries found by LIKE but not by the index: ${mismatched.join(" ")}`] : []),
  ];
}

/** SQLite: bulk load through better-sqlite3 in batch transactions, then measure through Kysely. */
async function benchSqlite(total: number): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-bench-"));
  const file = join(dir, "catalog.sqlite");
  try {
    let database = await openDatabase({ file });
    await migrate(database);
    const { agencyId, columnId } = await seed(database);
    await database.close();
    const t0 = Date.now();
    const raw = new SqliteDatabase(file);
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = OFF");
    const item = raw.prepare(
      `insert into publications (id, agency_id, column_id, status, title, summary, publisher, formed_on, published_on, body_html, validity, created_at, updated_at)
       values (?, ?, ?, 'published', ?, ?, '示范市人民政府', ?, ?, ?, '有效', ?, ?)`,
    );
    const terms = raw.prepare("insert into publication_search (rowid, terms, agency_id) values (?, ?, ?)");
    const now = new Date().toISOString();
    const load = raw.transaction((from: number, items: (CorpusItem & { terms: string })[]) => {
      items.forEach((it, k) => {
        const id = from + k + 1;
        item.run(
          id,
          agencyId,
          columnId,
          it.title,
          it.summary,
          it.publishedOn,
          it.publishedOn,
          `<p>${it.body}</p>`,
          now,
          now,
        );
        terms.run(id, it.terms, agencyId);
      });
    });
    for (const { from, items } of batches(total)) load(from, items);
    raw.exec("insert into publication_search(publication_search) values ('optimize')");
    raw.close();
    const loadSeconds = (Date.now() - t0) / 1000;
    database = await openDatabase({ file });
    try {
      return {
        name: "Catalog search on SQLite (FTS5)",
        lines: await measure(database, agencyId, loadSeconds, total),
      };
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PostgreSQL: bulk load with unnest() batches, the GIN index built after the load, then measure. */
async function benchPostgres(total: number, base: string): Promise<BenchResult> {
  const name = `gongkai_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await migrate(database);
    const { agencyId, columnId } = await seed(database);
    const t0 = Date.now();
    await sql`drop index publication_search_vector`.execute(database.db);
    const now = new Date().toISOString();
    for (const { from, items } of batches(total)) {
      const ids = items.map((_, k) => from + k + 1);
      const on = items.map((i) => i.publishedOn);
      await sql`insert into publications (id, agency_id, column_id, status, title, summary, publisher, formed_on, published_on, body_html, validity, created_at, updated_at)
        select id, ${agencyId}, ${columnId}, 'published', t, s, '示范市人民政府', d, d, b, '有效', ${now}, ${now}
        from unnest(${ids}::int[], ${items.map((i) => i.title)}::text[], ${items.map((i) => i.summary)}::text[], ${on}::text[], ${items.map((i) => `<p>${i.body}</p>`)}::text[]) as u(id, t, s, d, b)`.execute(
        database.db,
      );
      await sql`insert into publication_search (publication_id, agency_id, terms)
        select id, ${agencyId}, t from unnest(${ids}::int[], ${items.map((i) => i.terms)}::text[]) as u(id, t)`.execute(
        database.db,
      );
    }
    await sql`set maintenance_work_mem = '512MB'`.execute(database.db);
    await sql`create index publication_search_vector on publication_search using gin (vector)`.execute(
      database.db,
    );
    await sql`analyze`.execute(database.db);
    const loadSeconds = (Date.now() - t0) / 1000;
    return {
      name: "Catalog search on PostgreSQL (GIN tsvector)",
      lines: await measure(database, agencyId, loadSeconds, total),
    };
  } finally {
    await database.close();
    // The pool's end() resolves before its connections have closed: wait (up to 2 s) before dropping.
    for (let i = 0; i < 100; i += 1) {
      const open = await admin.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = $1",
        [name],
      );
      if ((open.rows[0]?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * Runs the catalog search benchmark on SQLite and, when available, PostgreSQL (BENCH_CATALOG_ENGINES, e.g.
 * "sqlite", picks engines); `report` receives each engine's result as soon as it is measured.
 */
export async function benchCatalogSearch(
  report: (result: BenchResult) => void = () => {},
): Promise<BenchResult[]> {
  const total = Number(process.env.BENCH_CATALOG_ITEMS ?? 1_000_000);
  const engines = (process.env.BENCH_CATALOG_ENGINES ?? "sqlite,postgres").split(",");
  const results: BenchResult[] = [];
  const done = (result: BenchResult) => {
    results.push(result);
    report(result);
  };
  if (engines.includes("sqlite")) done(await benchSqlite(total));
  if (engines.includes("postgres")) {
    const url = await benchPostgresUrl();
    if (url) done(await benchPostgres(total, url));
    else done({ name: "Catalog search on PostgreSQL", lines: ["skipped: no PostgreSQL server reachable"] });
  }
  return results;
}

// Run alone: `node bin/run-ts.js bench/catalog-search.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  await benchCatalogSearch((result) => {
    console.log(`\n${result.name}`);
    for (const line of result.lines) console.log(`  ${line}`);
  });
}
