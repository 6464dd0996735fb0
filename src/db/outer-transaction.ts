/**
 * Work made of many service calls as one transaction: the services open their own transactions
 * (`database.db.transaction()`), so `inOneTransaction` hands them a Database whose Kysely runs every query on
 * one outer transaction and turns their transactions into savepoints. Either the whole work commits, or —
 * when it throws, or the process dies before the end — none of it does (SQLite and PostgreSQL alike).
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type Dialect as KyselyDialect,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Transaction,
} from "kysely";
import { linkSavepointConnection } from "./committed-changes.ts";
import type { Database } from "./database.ts";
import type { Schema } from "./schema.ts";

/**
 * A driver whose one connection is the outer transaction: a transaction begun on it is a savepoint, its
 * commit a release, its rollback a rollback to the savepoint. One user at a time, as SQLite's own driver.
 */
class SavepointDriver implements Driver {
  readonly #connection: DatabaseConnection;
  #depth = 0;
  #queue: Promise<void> = Promise.resolve();
  #unlock: (() => void) | undefined;

  constructor(outer: Transaction<Schema>) {
    this.#connection = {
      executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> => outer.executeQuery<R>(query),
      // biome-ignore lint/correctness/useYield: streaming is not offered on the outer transaction.
      streamQuery: async function* () {
        throw new Error("streaming is not supported inside inOneTransaction");
      },
    };
    // Changes announced inside are told when the outer transaction commits.
    linkSavepointConnection(this.#connection, outer);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let unlock = (): void => {};
    this.#queue = new Promise<void>((resolve) => {
      unlock = resolve;
    });
    await previous;
    this.#unlock = unlock;
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    this.#depth += 1;
    await connection.executeQuery(CompiledQuery.raw(`savepoint gongkai_unit_${this.#depth}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const name = `gongkai_unit_${this.#depth}`;
    this.#depth -= 1;
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const name = `gongkai_unit_${this.#depth}`;
    this.#depth -= 1;
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`));
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
  }

  async releaseConnection(): Promise<void> {
    const unlock = this.#unlock;
    this.#unlock = undefined;
    unlock?.();
  }

  async destroy(): Promise<void> {}
}

/** The dialect of `database` with the savepoint driver over `outer`. */
function boundDialect(database: Database, outer: Transaction<Schema>): KyselyDialect {
  const sqlite = database.dialect === "sqlite";
  return {
    createAdapter: () => (sqlite ? new SqliteAdapter() : new PostgresAdapter()),
    createDriver: () => new SavepointDriver(outer),
    createQueryCompiler: () => (sqlite ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    createIntrospector: (db) => (sqlite ? new SqliteIntrospector(db) : new PostgresIntrospector(db)),
  };
}

/**
 * Runs `work` with a Database bound to one transaction of `database`: everything `work` does through it
 * (services with their own transactions included) commits together when it resolves, and nothing does when
 * it throws. `work` must use only the handle it is given.
 */
export async function inOneTransaction<T>(
  database: Database,
  work: (unit: Database) => Promise<T>,
): Promise<T> {
  return database.db.transaction().execute(async (outer) => {
    const db = new Kysely<Schema>({ dialect: boundDialect(database, outer) });
    const unit: Database = {
      db,
      dialect: database.dialect,
      ...(database.file === undefined ? {} : { file: database.file }),
      close: async () => {},
    };
    return work(unit);
  });
}
