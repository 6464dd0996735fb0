/**
 * Test support: a fresh, migrated database of each dialect for each test. SQLite is a file in a temporary
 * folder; PostgreSQL is a new database created on the server of GONGKAI_TEST_POSTGRES_URL and dropped after.
 * Repository tests loop over testDialects(), so every query runs on both engines.
 */

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Database, type Dialect, migrate, openDatabase } from "./database.ts";

/** A database for one test, and how to throw it away. */
export interface TestDatabase extends Database {
  dispose(): Promise<void>;
}

/** The PostgreSQL server for tests, if any (CI always sets it; vitest.config.ts probes the local one). */
export function testPostgresUrl(): string | undefined {
  const url = process.env.GONGKAI_TEST_POSTGRES_URL?.trim();
  if (!url && process.env.CI)
    throw new Error("CI 必须设置 GONGKAI_TEST_POSTGRES_URL 以在 PostgreSQL 上运行测试");
  return url || undefined;
}

/** The dialects to test on: SQLite always, PostgreSQL when a server is available. */
export function testDialects(): Dialect[] {
  return testPostgresUrl() ? ["sqlite", "postgres"] : ["sqlite"];
}

/** Creates a fresh, migrated database of the dialect. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "gongkai-db-"));
    const database = await openDatabase({ file: join(dir, "test.sqlite") });
    await migrate(database);
    return {
      ...database,
      dispose: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = testPostgresUrl();
  if (!base) throw new Error("没有可用的 PostgreSQL 测试服务器");
  const name = `gongkai_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await migrate(database);
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      // The pool's end() resolves before its connections have closed; dropping "with (force)" while they
      // close kills them with an error nobody listens to any more. Wait (up to 2 s) for them to go first.
      for (let i = 0; i < 100; i += 1) {
        const open = await client.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = $1",
          [name],
        );
        if ((open.rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
