/**
 * Test support for several instances on one PostgreSQL database: the URL of a test database (to open more
 * pools on it, as other instances would) and a fresh, empty (unmigrated) database.
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import type { Database } from "./database.ts";
import { testPostgresUrl } from "./test-databases.ts";

/** The URL of the PostgreSQL database `database` is connected to. */
export async function databaseUrl(database: Database): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
  const url = new URL(testPostgresUrl() ?? "");
  url.pathname = `/${rows[0]?.name ?? ""}`;
  return url.toString();
}

/** A new, empty PostgreSQL database (no tables at all) and how to drop it (after every pool on it is closed). */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; dispose(): Promise<void> }> {
  const base = testPostgresUrl();
  if (!base) throw new Error("没有可用的 PostgreSQL 测试服务器");
  const name = `gongkai_empty_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dispose: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
