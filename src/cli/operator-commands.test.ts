import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/password-hashing.ts";
import { type Database, databaseConfigFromEnv, openDatabase } from "../db/database.ts";
import { MIGRATIONS } from "../db/migrations/index.ts";
import { runFirstRun } from "../setup/first-run.ts";
import { main } from "./main.ts";

/** Runs the CLI in-process and captures what it writes. */
async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), progress: false });
  return { status, out, err };
}

/** Opens the CLI's database (GONGKAI_DATA_DIR) for a look or a direct edit. */
async function withDb<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseConfigFromEnv());
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

let dir: string;
const saved = { dataDir: process.env.GONGKAI_DATA_DIR, url: process.env.GONGKAI_DATABASE_URL };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "gongkai-ops-"));
  process.env.GONGKAI_DATA_DIR = dir;
  delete process.env.GONGKAI_DATABASE_URL;
});

afterEach(() => {
  for (const [key, value] of [
    ["GONGKAI_DATA_DIR", saved.dataDir],
    ["GONGKAI_DATABASE_URL", saved.url],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Migrates and seeds the demo data through first run. */
async function seeded(): Promise<void> {
  expect((await run("db", "migrate")).out).toMatch(/^已执行迁移：1/);
  await withDb((database) => runFirstRun(database, () => {}));
}

describe("gongkai db", () => {
  it("migrates once, then reports the schema is current", async () => {
    const all = MIGRATIONS.map((m) => m.version).join("、");
    // The data folder is new: the notice names the database created (a mistyped GONGKAI_DATA_DIR shows).
    expect(await run("db", "migrate")).toEqual({
      status: 0,
      out: `已执行迁移：${all}\n`,
      err: expect.stringContaining(`新建数据库于 ${join(dir, "gongkai.sqlite")}`),
    });
    expect((await run("db", "migrate")).out).toBe("数据库已是最新结构，无需迁移\n");
    expect(existsSync(join(dir, "gongkai.sqlite"))).toBe(true);
  });

  it("backs up, refuses to overwrite, restores, and refuses a file that is no backup", async () => {
    await seeded();
    const backup = join(dir, "backup.sqlite");
    const made = await run("db", "backup", backup);
    expect(made).toMatchObject({ status: 0, out: `已备份数据库到 ${backup}\n` });
    expect((await run("db", "backup", backup)).err).toContain("目标文件已存在");
    await run(
      "user",
      "create",
      "--username",
      "later",
      "--name",
      "后来者",
      "--agency",
      "1",
      "--role",
      "信息员",
    );
    expect(await withDb((d) => d.db.selectFrom("users").select("username").execute())).toHaveLength(2);
    expect((await run("db", "restore", backup)).status).toBe(0);
    expect(await withDb((d) => d.db.selectFrom("users").select("username").execute())).toEqual([
      { username: "admin" },
    ]);
    const garbage = join(dir, "garbage.sqlite");
    writeFileSync(garbage, "not a database");
    const refused = await run("db", "restore", garbage);
    expect(refused.status).toBe(1);
    expect(refused.err).toContain("无法恢复：不是本系统的 SQLite 备份文件");
    expect((await run("db", "restore", join(dir, "missing.sqlite"))).err).toContain("备份文件不存在");
    expect((await run("db", "backup")).status).toBe(2);
  });

  it("refuses backup and restore on PostgreSQL and points to pg_dump", async () => {
    process.env.GONGKAI_DATABASE_URL = "postgres://nobody@127.0.0.1:1/none";
    for (const sub of ["backup", "restore"]) {
      const res = await run("db", sub, join(dir, "x.dump"));
      expect(res.status).toBe(1);
      expect(res.err).toContain("pg_dump");
    }
  });
});

describe("gongkai user and agency", () => {
  it("lists agencies as JSON with id, name, parentId, creditCode", async () => {
    await seeded();
    const res = await run("agency", "list", "--json");
    expect(res.status).toBe(0);
    expect(JSON.parse(res.out)).toEqual([
      { id: 1, name: "示范市人民政府", parentId: null, creditCode: "11999900MB0000001K" },
      { id: 2, name: "示范市公安局", parentId: 1, creditCode: "11999900MB0000010H" },
      { id: 3, name: "示范市财政局", parentId: 1, creditCode: "11999900MB0000028B" },
    ]);
    expect((await run("agency", "list")).out).toMatch(/ID\s+名称\s+上级机关ID\s+统一社会信用代码/);
  });

  it("creates users with a given or a generated password, and resets a password", async () => {
    await seeded();
    const given = await run(
      "user",
      "create",
      "--username",
      "wang",
      "--name",
      "王五",
      "--agency",
      "2",
      "--role",
      "office_head",
      "--password",
      "Gongkai2024pass",
    );
    expect(given).toMatchObject({ status: 0, err: "" });
    expect(given.out).toContain("已创建用户 wang");
    expect(given.out).not.toContain("初始密码");
    const generated = await run(
      "user",
      "create",
      "--username",
      "zhao",
      "--name",
      "赵六",
      "--agency",
      "3",
      "--role",
      "承办人",
    );
    const password = /初始密码：(\S+)/.exec(generated.out)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(10);
    const zhao = await withDb((d) =>
      d.db.selectFrom("users").selectAll().where("username", "=", "zhao").executeTakeFirstOrThrow(),
    );
    expect(await verifyPassword(zhao.password_hash, password)).toBe(true);
    expect(zhao.must_change_password).toBe(1);

    const reset = await run("user", "reset-password", "--username", "wang");
    const temporary = /临时密码：(\S+)/.exec(reset.out)?.[1] ?? "";
    const wang = await withDb((d) =>
      d.db.selectFrom("users").selectAll().where("username", "=", "wang").executeTakeFirstOrThrow(),
    );
    expect(await verifyPassword(wang.password_hash, temporary)).toBe(true);
    expect(await verifyPassword(wang.password_hash, "Gongkai2024pass")).toBe(false);
  });

  it("refuses bad arguments (exit 2) and refused changes (exit 1) with Chinese messages", async () => {
    await seeded();
    const noRole = await run(
      "user",
      "create",
      "--username",
      "x",
      "--name",
      "X",
      "--agency",
      "1",
      "--role",
      "boss",
    );
    expect(noRole.status).toBe(2);
    expect(noRole.err).toContain("--role 应为 system_admin");
    expect((await run("user", "create", "--username", "x")).status).toBe(2);
    const duplicate = await run(
      "user",
      "create",
      "--username",
      "admin",
      "--name",
      "重复",
      "--agency",
      "1",
      "--role",
      "信息员",
    );
    expect(duplicate).toMatchObject({ status: 1, err: "错误：该用户名已被使用\n" });
    const weak = await run(
      "user",
      "create",
      "--username",
      "y",
      "--name",
      "Y",
      "--agency",
      "1",
      "--role",
      "信息员",
      "--password",
      "short",
    );
    expect(weak.status).toBe(1);
    expect(weak.err).toContain("密码至少 10 位");
    expect((await run("user", "reset-password", "--username", "nobody")).err).toBe(
      "错误：用户不存在：nobody\n",
    );
    expect((await run("agency", "remove")).status).toBe(2);
    expect((await run("user", "create", "--bogus")).err).toContain("参数错误");
  });
});

describe("gongkai trail verify", () => {
  it("reports an intact trail, then the first row edited directly in the database (exit 1)", async () => {
    await seeded();
    const intact = await run("trail", "verify");
    expect(intact).toMatchObject({ status: 0, err: "" });
    expect(intact.out).toMatch(/^审计记录完整：共 4 条\n密钥：密钥文件 /);
    await withDb((d) => sql`update trail set after_json = ${'{"name":"篡改"}'} where seq = 2`.execute(d.db));
    const res = await run("trail", "verify");
    expect(res.status).toBe(1);
    expect(res.out).toMatch(/^审计记录不完整：第 2 条，篡改\/重算：记录内容与其哈希不符（该条被修改）\n/);
    expect((await run("trail")).status).toBe(2);
  });
});
