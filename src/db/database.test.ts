import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { databaseConfigFromEnv, migrate, openDatabase } from "./database.ts";
import { backupSqlite, checkBackup, restoreSqlite } from "./sqlite-backup.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "./test-databases.ts";

describe.each(testDialects())("database on %s", (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it("migrates once; a second run applies nothing", async () => {
    database = await createTestDatabase(dialect);
    expect(await migrate(database)).toEqual([]);
    const tables = [
      "agencies",
      "users",
      "role_assignments",
      "sessions",
      "login_attempts",
      "trail",
      "settings",
    ];
    for (const table of tables) {
      const rows = await sql`select count(*) as n from ${sql.table(table)}`.execute(database.db);
      expect(rows.rows).toHaveLength(1);
    }
  });

  it("enforces foreign keys and unique sibling names", async () => {
    database = await createTestDatabase(dialect);
    const now = new Date().toISOString();
    const agency = (name: string, parent: number | null, code: string) => ({
      parent_id: parent,
      name,
      kind: "department" as const,
      credit_code: code,
      office_name: "",
      office_address: "",
      office_hours: "",
      office_phone: "",
      office_fax: "",
      office_email: "",
      office_website: "",
      created_at: now,
      updated_at: now,
    });
    await expect(
      database.db
        .insertInto("agencies")
        .values(agency("甲", 999, "X1"))
        .execute(),
    ).rejects.toThrow();
    await database.db
      .insertInto("agencies")
      .values(agency("甲", null, "X2"))
      .execute();
    await expect(
      database.db
        .insertInto("agencies")
        .values(agency("甲", null, "X3"))
        .execute(),
    ).rejects.toThrow();
  });
});

describe("SQLite backup and restore", () => {
  it("backs up online and restores only a sound backup", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongkai-backup-"));
    const file = join(dir, "live.sqlite");
    const live = await openDatabase({ file });
    await migrate(live);
    await live.db.insertInto("settings").values({ key: "k", value: "before" }).execute();
    const backup = join(dir, "backup.sqlite");
    await backupSqlite(file, backup);
    await live.db.updateTable("settings").set({ value: "after" }).execute();
    await live.close();
    expect(checkBackup(backup)).toBeNull();
    restoreSqlite(backup, file);
    const restored = await openDatabase({ file });
    const row = await restored.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", "k")
      .executeTakeFirst();
    expect(row?.value).toBe("before");
    await restored.close();
    writeFileSync(join(dir, "junk.sqlite"), "not a database");
    expect(checkBackup(join(dir, "junk.sqlite"))).toContain("不是本系统");
    expect(() => restoreSqlite(join(dir, "junk.sqlite"), file)).toThrow();
  });
});

describe("SQLite busy timeout", () => {
  it("waits 250 ms for another process's lock unless GONGKAI_SQLITE_BUSY_TIMEOUT_MS says otherwise (0…60000)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongkai-busy-"));
    const env = { GONGKAI_DATA_DIR: dir };
    expect(databaseConfigFromEnv(env)).toEqual({ file: join(dir, "gongkai.sqlite") });
    expect(databaseConfigFromEnv({ ...env, GONGKAI_SQLITE_BUSY_TIMEOUT_MS: "400" })).toEqual({
      file: join(dir, "gongkai.sqlite"),
      busyTimeoutMs: 400,
    });
    for (const bad of ["-1", "abc", "1.5", "600000"]) {
      expect(databaseConfigFromEnv({ ...env, GONGKAI_SQLITE_BUSY_TIMEOUT_MS: bad })).not.toHaveProperty(
        "busyTimeoutMs",
      );
    }
    const timeoutOf = async (config: Parameters<typeof openDatabase>[0]) => {
      const database = await openDatabase(config);
      const row = await sql<{ timeout: number }>`pragma busy_timeout`.execute(database.db);
      await database.close();
      return row.rows[0]?.timeout;
    };
    expect(await timeoutOf({ file: join(dir, "a.sqlite") })).toBe(250);
    expect(await timeoutOf({ file: join(dir, "a.sqlite"), busyTimeoutMs: 400 })).toBe(400);
  });
});
