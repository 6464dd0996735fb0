/**
 * The PostgreSQL corpus of the catalog search benchmark: one agency, `total` published items and their search
 * rows. The first BENCH_CATALOG_UNIQUE (default 1 M) items are made and segmented here and bulk-loaded with
 * unnest() batches; beyond them PostgreSQL copies them (generate_series) under new ids, so every term keeps the
 * frequency it has in the generator's text (segmenting 5 M items with jieba would take most of an hour on two
 * busy cores). The GIN index is built after the load. With BENCH_CATALOG_KEEP=1 the
 * database (gongkai_bench_catalog_<total>) is kept after the run and reused by the next one, migrated up first —
 * so a 5 M corpus is built once and later runs also prove the migrations on a full database.
 */
import { sql } from "kysely";
import pg from "pg";
import { type Database, migrate, openDatabase } from "../src/db/database.ts";
import { type CorpusItem, corpusItem, random } from "./catalog-corpus.ts";

const BATCH = 5000;

/** A loaded corpus: its database, agency, and how it came to be. */
export interface PostgresCorpus {
  readonly database: Database;
  readonly agencyId: number;
  /** Seconds the load took (in the run that built it, when reused). */
  readonly loadSeconds: number;
  /** Whether an earlier run's corpus was reused. */
  readonly reused: boolean;
  /** Closes the database, dropping it unless kept. */
  readonly release: () => Promise<void>;
}

/** Items in batches: content plus index terms (segmented like the platform segments). */
export function* corpusBatches(
  total: number,
  termsOf: (text: string) => string,
): Generator<{ from: number; items: (CorpusItem & { terms: string })[] }> {
  const next = random(42);
  for (let from = 0; from < total; from += BATCH) {
    const items = [];
    for (let i = from; i < Math.min(total, from + BATCH); i++) {
      const item = corpusItem(next, i);
      items.push({ ...item, terms: termsOf(`${item.title}\n${item.summary}\n${item.body}`) });
    }
    yield { from, items };
  }
}

/** Inserts the agency and its column; their ids. */
export async function seedCorpusAgency(database: Database): Promise<{ agencyId: number; columnId: number }> {
  const at = new Date().toISOString();
  const agency = await database.db
    .insertInto("agencies")
    .values({
      parent_id: null,
      name: "示范市人民政府",
      kind: "government",
      credit_code: "11999900MB0000001X",
      office_name: "",
      office_address: "",
      office_hours: "",
      office_phone: "",
      office_fax: "",
      office_email: "",
      office_website: "",
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

/** Loads the items; seconds taken. */
async function load(
  database: Database,
  total: number,
  termsOf: (text: string) => string,
  progress: (done: number) => void,
): Promise<{ agencyId: number; seconds: number }> {
  await migrate(database);
  const { agencyId, columnId } = await seedCorpusAgency(database);
  const t0 = Date.now();
  await sql`drop index publication_search_vector`.execute(database.db);
  const now = new Date().toISOString();
  const unique = Math.min(total, Number(process.env.BENCH_CATALOG_UNIQUE ?? 1_000_000));
  for (const { from, items } of corpusBatches(unique, termsOf)) {
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
    progress(from + items.length);
  }
  // Copies of the unique items under ids unique + 1 … total, a block of `unique` rows at a time.
  for (let from = unique; from < total; from += unique) {
    const count = Math.min(unique, total - from);
    await sql`insert into publications (id, agency_id, column_id, status, title, summary, publisher, formed_on, published_on, body_html, validity, created_at, updated_at)
      select id + ${from}, agency_id, column_id, status, title, summary, publisher, formed_on, published_on, body_html, validity, created_at, updated_at
      from publications where id <= ${count}`.execute(database.db);
    await sql`insert into publication_search (publication_id, agency_id, terms)
      select publication_id + ${from}, agency_id, terms from publication_search where publication_id <= ${count}`.execute(
      database.db,
    );
    progress(from + count);
  }
  await sql`set maintenance_work_mem = '1GB'`.execute(database.db);
  await sql`create index publication_search_vector on publication_search using gin (vector)`.execute(
    database.db,
  );
  await sql`analyze`.execute(database.db);
  return { agencyId, seconds: (Date.now() - t0) / 1000 };
}

/** Whether a kept corpus of this size exists (complete when its marker table, written last, is there). */
async function keptCorpus(admin: pg.Client, name: string): Promise<boolean> {
  const found = await admin.query("select 1 from pg_database where datname = $1", [name]);
  return found.rowCount === 1;
}

/** The corpus of `total` items on the server at `base`, built or (kept) reused. */
export async function postgresCorpus(
  base: string,
  total: number,
  termsOf: (text: string) => string,
  progress: (done: number) => void = () => {},
): Promise<PostgresCorpus> {
  const keep = process.env.BENCH_CATALOG_KEEP === "1";
  const name = keep ? `gongkai_bench_catalog_${total}` : `gongkai_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const url = new URL(base);
  url.pathname = `/${name}`;
  let reused = keep && (await keptCorpus(admin, name));
  let database: Database | undefined;
  let agencyId = 0;
  let loadSeconds = 0;
  if (reused) {
    database = await openDatabase({ url: url.toString() });
    const marker = await sql<{
      agency_id: number;
      seconds: number;
    }>`select agency_id, seconds from bench_corpus`
      .execute(database.db)
      .catch(() => ({ rows: [] }));
    const row = marker.rows[0];
    if (row) {
      await migrate(database);
      await sql`analyze`.execute(database.db);
      agencyId = Number(row.agency_id);
      loadSeconds = Number(row.seconds);
    } else {
      reused = false; // an interrupted build: start again
      await database.close();
      database = undefined;
    }
  }
  if (!database) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    database = await openDatabase({ url: url.toString() });
    const built = await load(database, total, termsOf, progress);
    agencyId = built.agencyId;
    loadSeconds = built.seconds;
    await sql`create table bench_corpus (agency_id integer, seconds double precision)`.execute(database.db);
    await sql`insert into bench_corpus values (${agencyId}, ${loadSeconds})`.execute(database.db);
  }
  const opened = database;
  const release = async () => {
    await opened.close();
    if (!keep) {
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
    }
    await admin.end();
  };
  return { database: opened, agencyId, loadSeconds, reused, release };
}
