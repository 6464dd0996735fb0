/**
 * SQL of the province generator: how many agencies there are, the highest id of each table it fills, and
 * bulk multi-row inserts (chunked under the engines' bound-parameter limits) inside the caller's transaction;
 * on PostgreSQL the id sequences are moved past the ids the generator gave.
 */
import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import type { Dialect } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** The tables whose ids the generator assigns itself. */
export const GENERATED_TABLES = [
  "agencies",
  "publication_columns",
  "channels",
  "publications",
  "publication_events",
  "channel_posts",
  "channel_responses",
  "decisions",
  "messages",
  "requests",
  "request_events",
  "review_cases",
] as const;

/** A table whose ids the generator assigns. */
export type GeneratedTable = (typeof GENERATED_TABLES)[number];

/** The number of agencies and the names of those at the root of the tree. */
export async function agencyCensus(db: Db): Promise<{ count: number; roots: string[] }> {
  const count = await db
    .selectFrom("agencies")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const roots = await db.selectFrom("agencies").select("name").where("parent_id", "is", null).execute();
  return { count: Number(count.n), roots: roots.map((r) => r.name) };
}

/** Which of the credit codes agencies already carry. */
export async function takenCreditCodes(db: Db, codes: readonly string[]): Promise<string[]> {
  const taken: string[] = [];
  for (let i = 0; i < codes.length; i += 5_000) {
    const rows = await db
      .selectFrom("agencies")
      .select("credit_code")
      .where("credit_code", "in", codes.slice(i, i + 5_000))
      .execute();
    taken.push(...rows.map((r) => r.credit_code));
  }
  return taken;
}

/** The highest id of each generated table (0 when empty). */
export async function highestIds(db: Db): Promise<Record<GeneratedTable, number>> {
  const out = {} as Record<GeneratedTable, number>;
  for (const table of GENERATED_TABLES) {
    const row = await sql<{ m: number | null }>`select max(id) as m from ${sql.table(table)}`.execute(db);
    out[table] = Number(row.rows[0]?.m ?? 0);
  }
  return out;
}

/** Inserts rows into a table, as many per statement as the bound-parameter limit allows. */
export async function insertRows<T extends keyof Schema & string>(
  trx: Transaction<Schema>,
  table: T,
  rows: readonly Insertable<Schema[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const perStatement = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += perStatement) {
    // Kysely's per-table insert type cannot follow a generic table name; the rows are typed by the caller.
    const chunk = rows.slice(i, i + perStatement) as never;
    await trx.insertInto(table).values(chunk).execute();
  }
}

/** Puts published items' terms into the search index (FTS5 on SQLite, the tsvector table on PostgreSQL). */
export async function insertSearchTerms(
  trx: Transaction<Schema>,
  dialect: Dialect,
  rows: readonly { id: number; agencyId: number; terms: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000) {
    const chunk = rows.slice(i, i + 5_000);
    const values = sql.join(chunk.map((r) => sql`(${r.id}, ${r.agencyId}, ${r.terms})`));
    if (dialect === "postgres") {
      await sql`insert into publication_search (publication_id, agency_id, terms) values ${values}`.execute(
        trx,
      );
    } else {
      await sql`insert into publication_search (rowid, agency_id, terms) values ${values}`.execute(trx);
    }
  }
}

/** On PostgreSQL, moves each generated table's id sequence past its highest id (SQLite needs nothing). */
export async function advanceSequences(trx: Transaction<Schema>, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  for (const table of GENERATED_TABLES) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select max(id) from ${sql.table(table)}), 1))`.execute(
      trx,
    );
  }
}
