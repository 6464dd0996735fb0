/**
 * Opening the database: SQLite (better-sqlite3, a file under the data folder; the embedded default) or
 * PostgreSQL (pg; selected by GONGKAI_DATABASE_URL=postgres://…), both behind one typed Kysely instance.
 * SQLite runs in WAL mode with foreign keys on and synchronous=FULL, so an acknowledged write survives a
 * crash of the process or of the machine.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { MIGRATIONS } from "./migrations/index.ts";
import type { Schema } from "./schema.ts";
import { cachingStatements } from "./statement-cache.ts";

/** The two supported database engines. */
export type Dialect = "sqlite" | "postgres";

/** Where the data is: a PostgreSQL URL, or a SQLite file. */
export type DatabaseConfig = { readonly url: string } | { readonly file: string };

/** An open database. */
export interface Database {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  /** The SQLite file, when the dialect is SQLite. */
  readonly file?: string;
  /** Closes every connection. */
  close(): Promise<void>;
}

/** The configuration from the environment: GONGKAI_DATABASE_URL, else GONGKAI_DATA_DIR/gongkai.sqlite. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.GONGKAI_DATABASE_URL?.trim();
  if (url) return { url };
  return { file: join(resolve(env.GONGKAI_DATA_DIR ?? "data"), "gongkai.sqlite") };
}

// PostgreSQL's count() and bigint come back as strings; ids and counts here fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Opens the database (creating the SQLite file and its folder when needed). */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ("url" in config) {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  mkdirSync(dirname(config.file), { recursive: true });
  const sqlite = new SqliteDatabase(config.file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  return { db, dialect: "sqlite", file: config.file, close: () => db.destroy() };
}

/** Applies the migrations not applied yet, each in its own transaction; returns the versions applied. */
export async function migrate(database: Database): Promise<number[]> {
  const { db, dialect } = database;
  await db.schema
    .createTable("schema_migrations")
    .ifNotExists()
    .addColumn("version", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("applied_at", "text", (c) => c.notNull())
    .execute();
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    const done = await db.transaction().execute(async (trx) => {
      if (dialect === "postgres") await sql`select pg_advisory_xact_lock(727274)`.execute(trx);
      const row = await sql<{
        version: number;
      }>`select version from schema_migrations where version = ${migration.version}`.execute(trx);
      if (row.rows.length > 0) return false;
      await migration.up(trx as unknown as Kysely<unknown>, dialect);
      await sql`insert into schema_migrations (version, name, applied_at) values (${migration.version}, ${migration.name}, ${new Date().toISOString()})`.execute(
        trx,
      );
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
