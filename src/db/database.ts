/**
 * Opening the database: SQLite (better-sqlite3, a file under the data folder; the embedded default) or
 * PostgreSQL (pg; selected by GONGKAI_DATABASE_URL=postgres://…), both behind one typed Kysely instance.
 * SQLite runs in WAL mode with foreign keys on and synchronous=FULL, so an acknowledged write survives a
 * crash of the process or of the machine. A lost PostgreSQL connection is logged and replaced (the pool never
 * crashes the process); SQLite waits only briefly for a lock held by another process (GONGKAI_SQLITE_BUSY_TIMEOUT_MS).
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  type DatabaseConnection,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from "kysely";
import pg from "pg";
import { listenForChanges } from "./change-listener.ts";
import { attachHub, ChangeHub, hookedDialect } from "./committed-changes.ts";
import { databaseFaultOf, databaseUnavailable } from "./database-errors.ts";
import type { Dialect } from "./dialect.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import type { Schema } from "./schema.ts";
import { cachingStatements } from "./statement-cache.ts";

/** The two supported database engines (defined in dialect.ts, which the migrations import). */
export type { Dialect };

/** Where the data is: a PostgreSQL URL, or a SQLite file (and how long a write waits for another process's lock). */
export type DatabaseConfig =
  | { readonly url: string }
  | { readonly file: string; readonly busyTimeoutMs?: number };

/** How long a SQLite write waits for a lock held by another process before answering DATABASE_BUSY. */
export const DEFAULT_SQLITE_BUSY_TIMEOUT_MS = 250;

/** How long getting a PostgreSQL connection may take before the request answers DATABASE_UNAVAILABLE. */
const PG_CONNECT_TIMEOUT_MS = 5_000;

/** Options of openDatabase. */
export interface OpenOptions {
  /** Told of each PostgreSQL connection lost (the pool replaces it); stderr by default. */
  readonly onConnectionError?: (error: Error) => void;
}

/** An open database. */
export interface Database {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  /** The SQLite file, when the dialect is SQLite. */
  readonly file?: string;
  /** Closes every connection. */
  close(): Promise<void>;
}

/**
 * The configuration from the environment: GONGKAI_DATABASE_URL, else GONGKAI_DATA_DIR/gongkai.sqlite with
 * GONGKAI_SQLITE_BUSY_TIMEOUT_MS (0…60000, default 250) as the wait for another process's lock.
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.GONGKAI_DATABASE_URL?.trim();
  if (url) return { url };
  const file = join(resolve(env.GONGKAI_DATA_DIR ?? "data"), "gongkai.sqlite");
  const busy = Number(env.GONGKAI_SQLITE_BUSY_TIMEOUT_MS?.trim() || Number.NaN);
  return Number.isInteger(busy) && busy >= 0 && busy <= 60_000 ? { file, busyTimeoutMs: busy } : { file };
}

/**
 * The SQLite file's absolute path when opening this configuration will create a new, empty database (the file
 * does not exist yet: first start, or a mistyped GONGKAI_DATA_DIR); undefined for an existing file or PostgreSQL.
 */
export function newSqliteFile(config: DatabaseConfig): string | undefined {
  return "file" in config && !existsSync(config.file) ? resolve(config.file) : undefined;
}

/** The loud notice of a database created on open, printed by the server and the operator commands. */
export function newDatabaseNotice(file: string): string {
  return `注意：新建数据库于 ${file}（该文件原先不存在；如果本应使用已有数据，请检查 GONGKAI_DATA_DIR）\n`;
}

/** Logs a lost connection on stderr. */
function logConnectionError(error: Error): void {
  process.stderr.write(`数据库连接中断，将自动重新连接：${error.message}\n`);
}

/**
 * Kysely's SQLite driver, except that rolling back a transaction SQLite has already rolled back by itself
 * (it does on SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM…) does nothing: otherwise "cannot rollback - no
 * transaction is active" would hide the real fault.
 */
class SqliteDriverKeepingTheFault extends SqliteDriver {
  readonly #handle: SqliteDatabase.Database;

  constructor(config: SqliteDialectConfig, handle: SqliteDatabase.Database) {
    super(config);
    this.#handle = handle;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#handle.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

/** The SQLite dialect with the driver above. */
class SqliteDialectKeepingTheFault extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #handle: SqliteDatabase.Database;

  constructor(config: SqliteDialectConfig, handle: SqliteDatabase.Database) {
    super(config);
    this.#config = config;
    this.#handle = handle;
  }

  override createDriver(): SqliteDriver {
    return new SqliteDriverKeepingTheFault(this.#config, this.#handle);
  }
}

// PostgreSQL's count() and bigint come back as strings; ids and counts here fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Pooled clients on which a query failed because the connection was lost. */
const lostClients = new WeakSet<pg.PoolClient>();
/** Pooled clients whose `query` already notes a lost connection. */
const watchedClients = new WeakSet<pg.PoolClient>();

/**
 * A checked-out client that the pool drops when it is released after a query on it failed because the connection
 * was lost. A terminated backend answers the running query with an error before its socket closes, so the client
 * still looks usable when released: kept, it would fail the next query handed to it as well.
 */
function dropWhenLost(client: pg.PoolClient): pg.PoolClient {
  if (!watchedClients.has(client)) {
    watchedClients.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const result = query(...args);
      if (result instanceof Promise)
        result.catch((error: unknown) => {
          if (databaseFaultOf(error) === "DATABASE_UNAVAILABLE") lostClients.add(client);
        });
      return result;
    };
  }
  const release = client.release;
  // Kysely releases with `false` unless it discarded the connection itself.
  client.release = (error?: Error | boolean) => release(error || lostClients.has(client));
  return client;
}

/** Opens the database (creating the SQLite file and its folder when needed). */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  if ("url" in config) {
    const onError = options.onConnectionError ?? logConnectionError;
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    });
    // Without these listeners a connection terminated by the server (restart, pg_terminate_backend, network)
    // is an unhandled 'error' event that ends the process: idle ones reach the pool, busy ones their client.
    // The broken client is dropped when released and the next request connects anew.
    pool.on("error", onError);
    pool.on("connect", (client) => {
      client.on("error", () => {});
    });
    // Any failure to get a connection (refused, timed out, the database not accepting connections, too
    // many clients…) is the database being unavailable, whatever PostgreSQL's code for it.
    const connecting = {
      connect: () =>
        pool.connect().then(dropWhenLost, (error: unknown) => {
          throw databaseUnavailable(error);
        }),
      end: () => pool.end(),
    };
    // Committed changes reach this database's hub; other instances' arrive by LISTEN (change-listener.ts).
    const hub = new ChangeHub(false, (h) => listenForChanges(config.url, h));
    const db = new Kysely<Schema>({ dialect: hookedDialect(new PostgresDialect({ pool: connecting }), hub) });
    attachHub(db, hub);
    return { db, dialect: "postgres", close: () => hub.close().then(() => db.destroy()) };
  }
  mkdirSync(dirname(config.file), { recursive: true });
  const sqlite = new SqliteDatabase(config.file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  // better-sqlite3 waits synchronously: a long wait would stall every request, so a write meeting another
  // process's lock gives up soon and answers DATABASE_BUSY (503).
  const busyTimeout = Math.trunc(config.busyTimeoutMs ?? DEFAULT_SQLITE_BUSY_TIMEOUT_MS);
  sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  // One process holds the file: its own commits are all the changes there are.
  const hub = new ChangeHub(true);
  const db = new Kysely<Schema>({
    dialect: hookedDialect(
      new SqliteDialectKeepingTheFault({ database: cachingStatements(sqlite) }, sqlite),
      hub,
    ),
  });
  attachHub(db, hub);
  return { db, dialect: "sqlite", file: config.file, close: () => db.destroy() };
}

/** The key of the PostgreSQL advisory lock held around migrating and first run at start. */
const STARTUP_LOCK_KEY = 727273;

/**
 * Runs `work` (migrate and first run) holding the start-up lock, so that instances starting at once on one
 * PostgreSQL database do it one after the other: the others wait, then find it done and skip. The lock is a
 * session-level advisory lock held on one dedicated connection for the whole work (released at the end, or by
 * PostgreSQL when that connection is lost); `onWait` is told when another instance holds it. On SQLite the data
 * folder's lock already keeps to one process, and `work` just runs.
 */
export async function withStartupLock<T>(
  database: Database,
  work: () => Promise<T>,
  onWait: () => void = () => {},
): Promise<T> {
  if (database.dialect !== "postgres") return work();
  return database.db.connection().execute(async (connection) => {
    const tried = await sql<{
      got: boolean;
    }>`select pg_try_advisory_lock(${STARTUP_LOCK_KEY}) as got`.execute(connection);
    if (tried.rows[0]?.got !== true) {
      onWait();
      await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(connection);
    }
    try {
      return await work();
    } finally {
      // A lost connection has released the lock already: nothing to undo then.
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(connection).catch(() => undefined);
    }
  });
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
