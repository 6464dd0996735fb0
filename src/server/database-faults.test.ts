import SqliteDatabase from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { creditCodeCheckCharacter } from "../core/agency/credit-code.ts";
import { databaseFaultOf } from "../db/database-errors.ts";
import { createTestDatabase, type TestDatabase, testPostgresUrl } from "../db/test-databases.ts";
import { runFirstRun } from "../setup/first-run.ts";
import { buildServer } from "./build-server.ts";

let database: TestDatabase | undefined;
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
  await database?.dispose();
  database = undefined;
});

/** A seeded database of the dialect, a server on it, and the administrator signed in. */
async function serve(dialect: "sqlite" | "postgres") {
  database = await createTestDatabase(dialect);
  const outcome = await runFirstRun(database, () => {});
  if (!outcome.seeded) throw new Error("not seeded");
  await insertTestUser(database, "sysadmin", [{ agencyId: outcome.governmentId, role: "system_admin" }]);
  app = await buildServer({ logLevel: false, database });
  const session = await signIn(app, "sysadmin");
  return { app, database, session, governmentId: outcome.governmentId };
}

/** A valid credit code for the n-th test department. */
function creditCode(n: number): string {
  const first17 = `11999900MB${String(1000 + n).padStart(7, "0")}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

/** POST /api/agencies: a new department under the government. */
function createDepartment(server: FastifyInstance, session: TestSession, parentId: number, n: number) {
  return server.inject({
    method: "POST",
    url: "/api/agencies",
    headers: session.headers,
    payload: {
      parentId,
      name: `测试部门${n}`,
      kind: "department",
      creditCode: creditCode(n),
      contact: { address: `示范市测试路${n}号`.padEnd(180, "楼"), hours: "工作日".padEnd(180, "时") },
    },
  });
}

describe.runIf(testPostgresUrl())("PostgreSQL connection loss", () => {
  /** Runs `statement` on the test server's maintenance database. */
  async function admin(statement: string, values: unknown[] = []): Promise<void> {
    const client = new pg.Client({ connectionString: testPostgresUrl() });
    await client.connect();
    try {
      await client.query(statement, values);
    } finally {
      await client.end();
    }
  }
  const terminateAll = (name: string) =>
    admin(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [name],
    );
  const nameOf = (db: TestDatabase) =>
    sql<{ name: string }>`select current_database() as name`
      .execute(db.db)
      .then((r) => r.rows[0]?.name ?? "");

  it("survives its connections being terminated: 503 in Chinese and /healthz 'unavailable' meanwhile, then serves again", async () => {
    const { app: server, database: db, session } = await serve("postgres");
    const name = await nameOf(db);
    // Several connections in the pool, idle now.
    const warm = await Promise.all([1, 2, 3, 4].map(() => server.inject({ method: "GET", url: "/" })));
    expect(warm.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect((await server.inject({ method: "GET", url: "/healthz" })).json()).toEqual({
      status: "ok",
      database: "ok",
    });

    // The outage: no new connections, and every open one terminated (as a restart of PostgreSQL would).
    await admin(`alter database ${name} allow_connections false`);
    try {
      await terminateAll(name);
      // Requests meanwhile: each answers 503 with the Chinese message (or 200 if its connection got through
      // before being cut); none is a 500, and the process is still here to answer. (Signed in, so that the
      // public page cache, which may still hold the home page, does not answer for the database.)
      let unavailable = 0;
      for (let i = 0; i < 6; i += 1) {
        const res = await server.inject({ method: "GET", url: "/", headers: session.headers });
        if (res.statusCode === 200) continue;
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({
          code: "DATABASE_UNAVAILABLE",
          message: "数据库暂时无法连接，请稍后再试",
        });
        unavailable += 1;
      }
      expect(unavailable).toBeGreaterThan(0);
      const agencies = await server.inject({ method: "GET", url: "/api/agencies", headers: session.headers });
      expect(agencies.statusCode).toBe(503);
      expect(agencies.json().code).toBe("DATABASE_UNAVAILABLE");
      const health = await server.inject({ method: "GET", url: "/healthz" });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({ status: "degraded", database: "unavailable" });
    } finally {
      await admin(`alter database ${name} allow_connections true`);
    }

    // PostgreSQL is back: the pool connects anew and everything answers again.
    expect((await server.inject({ method: "GET", url: "/healthz" })).json()).toEqual({
      status: "ok",
      database: "ok",
    });
    expect((await server.inject({ method: "GET", url: "/" })).statusCode).toBe(200);
    const list = await server.inject({ method: "GET", url: "/api/agencies", headers: session.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().agencies).toHaveLength(3);
  });

  it("turns a query cut in the middle into DATABASE_UNAVAILABLE without ending the process", async () => {
    database = await createTestDatabase("postgres");
    const name = await nameOf(database);
    const running = sql`select pg_sleep(30)`.execute(database.db).then(
      () => undefined,
      (error: unknown) => error,
    );
    // Wait until the sleeping query is there, then cut its connection.
    for (let i = 0; i < 200; i += 1) {
      const client = new pg.Client({ connectionString: testPostgresUrl() });
      await client.connect();
      const found = await client.query(
        "select count(*)::int as n from pg_stat_activity where datname = $1 and query like 'select pg_sleep%'",
        [name],
      );
      await client.end();
      if ((found.rows[0] as { n: number }).n > 0) break;
    }
    // Cut only the sleeping query's connection: an idle pooled connection cut at the same moment could be
    // handed to the next query before the pool hears of its end, which is not what this test is about.
    await admin(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and query like 'select pg_sleep%'",
      [name],
    );
    const error = await running;
    expect(error).toBeInstanceOf(Error);
    expect(databaseFaultOf(error)).toBe("DATABASE_UNAVAILABLE");
    // The pool dropped the broken connection: the next query gets a fresh one.
    const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(again.rows).toEqual([{ one: 1 }]);
  });
});

describe("SQLite faults", () => {
  it("answers a write 503 DATABASE_BUSY while another process holds the write lock, and keeps serving reads", async () => {
    const { app: server, database: db, session, governmentId } = await serve("sqlite");
    // The session was last seen long enough ago that reading with it refreshes its idle clock (a write).
    await sql`update sessions set last_seen_at = ${new Date(Date.now() - 5 * 60_000).toISOString()}`.execute(
      db.db,
    );
    const other = new SqliteDatabase(db.file ?? "");
    try {
      other.exec("begin immediate");
      const write = await createDepartment(server, session, governmentId, 1);
      expect(write.statusCode).toBe(503);
      expect(write.json()).toEqual({
        code: "DATABASE_BUSY",
        message: "数据库正被其他程序占用（正在写入），本次修改未保存，请稍后再试",
      });
      expect((await server.inject({ method: "GET", url: "/" })).statusCode).toBe(200);
      const list = await server.inject({ method: "GET", url: "/api/agencies", headers: session.headers });
      expect(list.statusCode).toBe(200);
      expect(list.json().agencies).toHaveLength(3);
      expect((await server.inject({ method: "GET", url: "/healthz" })).json().database).toBe("ok");
      other.exec("rollback");
    } finally {
      other.close();
    }
    // The lock is gone: the same write goes through.
    expect((await createDepartment(server, session, governmentId, 1)).statusCode).toBe(201);
  });

  it("answers 507 DISK_FULL when the file cannot grow (not 'cannot rollback'), keeps serving reads, and writes again once there is room", async () => {
    const { app: server, database: db, session, governmentId } = await serve("sqlite");
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(db.db);
    const limit = pages.rows[0]?.page_count ?? 0;
    // The server's own connection may not grow the file past its current size: a full disk, for SQLite.
    await sql.raw(`pragma max_page_count = ${limit}`).execute(db.db);
    let full: Awaited<ReturnType<typeof createDepartment>> | undefined;
    let created = 0;
    for (let n = 1; n <= 400 && !full; n += 1) {
      const res = await createDepartment(server, session, governmentId, n);
      if (res.statusCode === 201) created += 1;
      else full = res;
    }
    expect(full?.statusCode).toBe(507);
    expect(full?.json()).toEqual({
      code: "DISK_FULL",
      message: "服务器磁盘空间不足，本次修改未能保存；已有内容仍可查看，请联系系统管理员清理磁盘空间",
    });
    // The failed write left nothing behind and the connection is sound: reads answer, the next write is 507 too.
    const list = await server.inject({ method: "GET", url: "/api/agencies", headers: session.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().agencies).toHaveLength(3 + created);
    expect((await server.inject({ method: "GET", url: "/" })).statusCode).toBe(200);
    expect((await createDepartment(server, session, governmentId, 900)).statusCode).toBe(507);

    await sql.raw(`pragma max_page_count = ${limit * 100}`).execute(db.db);
    expect((await createDepartment(server, session, governmentId, 901)).statusCode).toBe(201);
  });
});
