/**
 * better-sqlite3 behind Kysely with its prepared statements kept: Kysely's SQLite driver prepares every
 * query anew, which was about a seventh of building a report; the same SQL text now reuses its statement
 * (least recently used ones dropped past the limit). Kysely runs one query at a time on the connection and
 * nothing here streams, so a statement is never busy when it is reused.
 */
import type { Database as SqliteHandle, Statement } from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** How many distinct statements are kept. */
const STATEMENT_LIMIT = 2000;

/** The connection as Kysely's SqliteDialect takes it, preparing each SQL text once. */
export function cachingStatements(handle: SqliteHandle, limit = STATEMENT_LIMIT): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      handle.close();
    },
    prepare: (sql) => {
      const kept = cache.get(sql);
      if (kept) {
        cache.delete(sql);
        cache.set(sql, kept);
        return kept;
      }
      const statement = handle.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > limit) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}
