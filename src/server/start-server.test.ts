import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, openDatabase } from "../db/database.ts";
import { createTestDatabase, testPostgresUrl } from "../db/test-databases.ts";
import { LOCK_FILE_NAME } from "./data-dir-lock.ts";
import { startServer } from "./start-server.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-start-"));
const file = join(dir, "gongkai.sqlite");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("startServer", () => {
  it("opens and seeds the database, serves the portal and the audit form, closes the database at shutdown", async () => {
    let printed = "";
    let warned = "";
    const server = await startServer({
      port: 0,
      host: "127.0.0.1",
      logLevel: false,
      database: { file },
      print: (text) => {
        printed += text;
      },
      warn: (text) => {
        warned += text;
      },
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // The file did not exist: the operator is told where the new database is (a mistyped GONGKAI_DATA_DIR).
      expect(warned).toBe(
        `注意：新建数据库于 ${file}（该文件原先不存在；如果本应使用已有数据，请检查 GONGKAI_DATA_DIR）\n`,
      );
      expect(printed).toContain(`后台管理：${server.url}/admin/\n`);
      expect(printed).toMatch(/用户名：admin {2}初始密码：\S{10,}/);
      const home = await (await fetch(`${server.url}/`)).text();
      expect(home).toContain("示范市人民政府");
      expect(home).toContain('href="/tools/report-audit"');
      const res = await fetch(`${server.url}/tools/report-audit`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("政府信息公开工作年度报告体检");
      expect(html).toMatch(/<form[^>]*action="\/audit"/);
      expect(html).toContain('type="file"');
      expect(html).toContain('name="text"');
    } finally {
      await server.close();
    }
    // The database was closed cleanly: the WAL was checkpointed and another connection can open it.
    const again = await openDatabase({ file });
    const agencies = await again.db.selectFrom("agencies").select("name").execute();
    await again.close();
    expect(agencies.map((a) => a.name)).toEqual(["示范市人民政府", "示范市公安局", "示范市财政局"]);

    // A second start seeds nothing and prints no password.
    printed = "";
    warned = "";
    const second = await startServer({
      port: 0,
      host: "127.0.0.1",
      logLevel: false,
      database: { file },
      print: (text) => {
        printed += text;
      },
      warn: (text) => {
        warned += text;
      },
    });
    await second.close();
    expect(printed).not.toContain("初始密码");
    // The file exists now: no notice.
    expect(warned).toBe("");
  });
});

/** Runs `gongkai serve` as its own process on `dataDir`; its exit status and stderr (it is expected to refuse). */
function serveProcess(dataDir: string): Promise<{ status: number | null; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dataDir, PORT: "0" };
  delete env.GONGKAI_DATABASE_URL;
  const child = spawn(process.execPath, [join(import.meta.dirname, "../../bin/gongkai.js"), "serve"], {
    env,
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  return new Promise((resolve) => child.on("exit", (status) => resolve({ status, stderr })));
}

describe("one server per data folder", () => {
  it("refuses a second server on the same SQLite data folder, in process and as `gongkai serve`, until the first stops", async () => {
    const folder = mkdtempSync(join(tmpdir(), "gongkai-lock-serve-"));
    const options = {
      port: 0,
      host: "127.0.0.1",
      logLevel: false as const,
      database: { file: join(folder, "gongkai.sqlite") },
    };
    try {
      const first = await startServer({ ...options, print: () => {} });
      try {
        expect(existsSync(join(folder, LOCK_FILE_NAME))).toBe(true);
        await expect(startServer({ ...options, print: () => {} })).rejects.toMatchObject({
          code: "DATA_DIR_LOCKED",
        });
        const second = await serveProcess(folder);
        expect(second.status).toBe(1);
        expect(second.stderr).toContain(`错误：数据目录 ${folder} 已被另一个正在运行的 Gongkai 服务使用`);
        // The first server is undisturbed.
        expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
      } finally {
        await first.close();
      }
      expect(existsSync(join(folder, LOCK_FILE_NAME))).toBe(false);
      const next = await startServer({ ...options, print: () => {} });
      await next.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it.runIf(testPostgresUrl())("lets several servers share one PostgreSQL database: no lock", async () => {
    const database = await createTestDatabase("postgres");
    try {
      const name = (await sql<{ name: string }>`select current_database() as name`.execute(database.db))
        .rows[0]?.name;
      const url = new URL(testPostgresUrl() ?? "");
      url.pathname = `/${name}`;
      const options = {
        port: 0,
        host: "127.0.0.1",
        logLevel: false as const,
        database: { url: url.toString() },
      };
      const first = await startServer({ ...options, print: () => {} });
      try {
        const second = await startServer({ ...options, print: () => {} });
        const health = await (await fetch(`${second.url}/healthz`)).json();
        await second.close();
        expect(health).toEqual({ status: "ok", database: "ok" });
      } finally {
        await first.close();
      }
    } finally {
      await database.dispose();
    }
  });
});

describe("first run through startServer", () => {
  it("keeps nothing of a start whose first run fails, and the next start seeds and prints the password", async () => {
    const folder = mkdtempSync(join(tmpdir(), "gongkai-first-"));
    const file = join(folder, "gongkai.sqlite");
    const options = { port: 0, host: "127.0.0.1", logLevel: false as const, database: { file } };
    try {
      const prepared = await openDatabase({ file });
      await migrate(prepared);
      // A real fault half-way: the administrator's role cannot be stored.
      await sql`create trigger first_run_fault before insert on role_assignments begin select raise(abort, 'injected fault'); end`.execute(
        prepared.db,
      );
      await prepared.close();

      let printed = "";
      await expect(startServer({ ...options, print: (t) => (printed += t) })).rejects.toThrow(
        /injected fault/,
      );
      expect(printed).toBe("");
      const after = await openDatabase({ file });
      expect(await after.db.selectFrom("agencies").select("id").execute()).toEqual([]);
      expect(await after.db.selectFrom("users").select("id").execute()).toEqual([]);
      await sql`drop trigger first_run_fault`.execute(after.db);
      await after.close();

      const server = await startServer({ ...options, print: (t) => (printed += t) });
      await server.close();
      expect(printed).toMatch(/用户名：admin {2}初始密码：\S{10,}/);
      const seeded = await openDatabase({ file });
      const agencies = await seeded.db.selectFrom("agencies").select("name").execute();
      await seeded.close();
      expect(agencies).toHaveLength(3);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
