/**
 * Catalog full-text search over BENCH_CATALOG_ITEMS (default 1,000,000) published items: the platform's
 * search (jieba-segmented query, FTS5 on SQLite / GIN tsvector on PostgreSQL, a page of 20 newest first and
 * the count up to 1001) against a `LIKE '%…%'` scan doing the same page and count on the same rows.
 * Goal (issue #10 §3, at 5 M items on PostgreSQL): p95 < 20 ms and ≥ 50× faster. PostgreSQL runs when
 * GONGKAI_TEST_POSTGRES_URL (or the local server) is reachable. The 5 M figure: BENCH_CATALOG_ITEMS=5000000
 * BENCH_CATALOG_ENGINES=postgres BENCH_CATALOG_KEEP=1 — the corpus is built once (see catalog-postgres-corpus.ts)
 * and kept in gongkai_bench_catalog_5000000 for the next runs; the default stays 1 M, which builds in minutes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { sql } from "kysely";
import { type Database, migrate, openDatabase } from "../src/db/database.ts";
import { SEARCH_COUNT_CAP, searchIndex } from "../src/publications/search.repository.ts";
import { searchQueryOf, searchTermsOf } from "../src/publications/segmenter.ts";
import { type BenchResult, benchPostgresUrl, formatSeconds, percentile } from "./bench-support.ts";
import { type CorpusItem, placeName, random } from "./catalog-corpus.ts";
import { corpusBatches, postgresCorpus, seedCorpusAgency } from "./catalog-postgres-corpus.ts";

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
    const { agencyId, columnId } = await seedCorpusAgency(database);
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
    for (const { from, items } of corpusBatches(total, searchTermsOf)) load(from, items);
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

/** PostgreSQL: the corpus built (or, kept, reused) by catalog-postgres-corpus.ts, then measured. */
async function benchPostgres(total: number, base: string): Promise<BenchResult> {
  const tty = process.stderr.isTTY;
  const corpus = await postgresCorpus(base, total, searchTermsOf, (done) => {
    if (tty && done % 100_000 === 0)
      process.stderr.write(
        `\r  PostgreSQL corpus: ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`,
      );
  });
  if (tty) process.stderr.write("\n");
  try {
    const lines = await measure(corpus.database, corpus.agencyId, corpus.loadSeconds, total);
    if (corpus.reused)
      lines.unshift("(corpus kept from an earlier run, BENCH_CATALOG_KEEP=1; load time is that run's)");
    return { name: "Catalog search on PostgreSQL (GIN tsvector)", lines };
  } finally {
    await corpus.release();
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
