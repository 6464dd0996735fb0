import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, databaseConfigFromEnv, migrate, openDatabase } from "../db/database.ts";
import { testDialects, testPostgresUrl } from "../db/test-databases.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import { main } from "./main.ts";

/** Runs the CLI in-process and captures what it writes. */
async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), progress: false });
  return { status, out, err };
}

/** Opens the CLI's database for a seed or a direct edit. */
async function withDb<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseConfigFromEnv());
  try {
    await migrate(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Appends n entries, each in its own transaction. */
async function seed(n: number): Promise<void> {
  await withDb(async (database) => {
    for (let i = 1; i <= n; i++) {
      await database.db.transaction().execute((trx) =>
        appendTrail(trx, database.dialect, {
          actorUserId: null,
          actorName: "系统",
          actorRole: "system",
          agencyId: null,
          action: "test",
          entityType: "test",
          entityId: i,
          ip: "127.0.0.1",
        }),
      );
    }
  });
}

const saved = { dataDir: process.env.GONGKAI_DATA_DIR, url: process.env.GONGKAI_DATABASE_URL };

describe.each(testDialects())("gongkai trail on %s", (dialect) => {
  let dir: string;
  let pgName: string | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "gongkai-trail-cli-"));
    process.env.GONGKAI_DATA_DIR = dir;
    delete process.env.GONGKAI_DATABASE_URL;
    const base = testPostgresUrl();
    if (dialect === "postgres" && base) {
      pgName = `gongkai_test_${process.pid}_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`create database ${pgName}`);
      await admin.end();
      const url = new URL(base);
      url.pathname = `/${pgName}`;
      process.env.GONGKAI_DATABASE_URL = url.toString();
    }
  });

  afterEach(async () => {
    for (const [key, value] of [
      ["GONGKAI_DATA_DIR", saved.dataDir],
      ["GONGKAI_DATABASE_URL", saved.url],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
    const base = testPostgresUrl();
    if (pgName && base) {
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`drop database if exists ${pgName} with (force)`);
      await admin.end();
      pgName = undefined;
    }
  });

  it("verifies, exports an anchor, and reports truncation against it (exit 1) when the table's checkpoints were cut too", async () => {
    await seed(5);
    const intact = await run("trail", "verify");
    expect(intact.status).toBe(0);
    expect(intact.out).toMatch(/^审计记录完整：共 5 条\n/);
    expect(intact.out).toContain("最新检查点：第 5 条，共 5 条");
    if (dialect === "sqlite") {
      expect(intact.out).toContain(`密钥：密钥文件 ${join(dir, "trail.key")}\n`);
      expect(statSync(join(dir, "trail.key")).mode & 0o777).toBe(0o600);
    } else {
      expect(intact.out).toContain("密钥：安装密钥（存放在数据库的设置表中");
    }

    const anchorFile = join(dir, "anchor.json");
    const exported = await run("trail", "checkpoint", "--export", anchorFile);
    expect(exported).toMatchObject({ status: 0, err: "" });
    expect(JSON.parse(readFileSync(anchorFile, "utf8"))).toMatchObject({
      format: "gongkai-trail-anchor/1",
      seq: 5,
      count: 5,
    });
    expect((await run("trail", "verify", "--anchor", anchorFile)).out).toContain("导出的锚点：相符\n");

    await withDb(async (d) => {
      await sql`delete from trail where seq > 3`.execute(d.db);
      await sql`delete from trail_checkpoints where seq > 3`.execute(d.db);
    });
    expect((await run("trail", "verify")).status).toBe(0);
    const cut = await run("trail", "verify", "--anchor", anchorFile);
    expect(cut.status).toBe(1);
    expect(cut.out).toMatch(/^审计记录不完整：第 4 条，截断：导出的锚点记录共 5 条、最后一条为第 5 条/);
    // The table alone cannot see this cut: a new export would anchor the shortened trail.
    expect((await run("trail", "checkpoint", "--export", join(dir, "other.json"))).out).toMatch(
      /^已导出锚点：第 3 条，共 3 条/,
    );
  });

  it("reports a deleted entry as 缺号, refuses to export then, and refuses bad anchor files and arguments", async () => {
    await seed(4);
    await withDb(async (d) => {
      await sql`delete from trail where seq = 2`.execute(d.db);
    });
    const gap = await run("trail", "verify");
    expect(gap.status).toBe(1);
    expect(gap.out).toMatch(/^审计记录不完整：第 2 条，缺号：第 2 条缺失（被删除）\n/);
    const file = join(dir, "anchor.json");
    const refused = await run("trail", "checkpoint", "--export", file);
    expect(refused.status).toBe(1);
    expect(refused.err).toBe("错误：审计记录不完整，不导出锚点\n");

    writeFileSync(file, "{}");
    const bad = await run("trail", "verify", "--anchor", file);
    expect(bad.status).toBe(2);
    expect(bad.err).toContain("锚点文件格式不正确");
    expect((await run("trail", "verify", "--anchor", join(dir, "missing.json"))).err).toContain(
      "无法读取锚点文件",
    );
    expect((await run("trail", "checkpoint")).status).toBe(2);
    expect((await run("trail", "verify", "--bogus")).status).toBe(2);
  });
});
