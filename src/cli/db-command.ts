/**
 * `gongkai db migrate | backup FILE | restore FILE`: apply migrations; back up the SQLite database online;
 * restore a checked SQLite backup (server stopped). PostgreSQL is backed up with its own tools.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import {
  databaseConfigFromEnv,
  migrate,
  newDatabaseNotice,
  newSqliteFile,
  openDatabase,
  withStartupLock,
} from "../db/database.ts";
import { backupSqlite, restoreSqlite } from "../db/sqlite-backup.ts";
import type { CommandIo } from "./command-io.ts";
import { UsageError, withUsage } from "./command-line.ts";

/** Usage of the db commands. */
export const DB_USAGE = `用法：
  gongkai db migrate          执行尚未执行的数据库迁移
  gongkai db backup 文件      在线备份 SQLite 数据库到指定文件（服务运行时也可执行）
  gongkai db restore 文件     用备份文件替换 SQLite 数据库（须先停止服务）
`;

/** The answer on PostgreSQL, where backup and restore belong to PostgreSQL's own tools. */
const POSTGRES_REFUSAL =
  "当前使用 PostgreSQL 数据库（GONGKAI_DATABASE_URL），本命令只适用于内置的 SQLite 数据库。\n" +
  "请使用 PostgreSQL 自带的工具：备份 pg_dump -Fc -f 备份文件 数据库地址；恢复 pg_restore --clean -d 数据库地址 备份文件。\n";

/** Runs `gongkai db …`; returns the exit status. */
export async function runDb(args: readonly string[], io: CommandIo): Promise<number> {
  return withUsage(args, io, DB_USAGE, () => db(args, io));
}

/** The db command once help was handled; bad arguments throw UsageError. */
async function db(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, file, ...extra] = args;
  if (sub === undefined) throw new UsageError("缺少子命令（migrate、backup 或 restore）");
  if (sub !== "migrate" && sub !== "backup" && sub !== "restore")
    throw new UsageError(`不认识的子命令“${sub}”`);
  if (sub === "migrate" && file !== undefined)
    throw new UsageError(`db migrate 不接受参数，多余的参数“${file}”`);
  if (file?.startsWith("-")) throw new UsageError(`不认识的选项 ${file}`);
  if (extra.length > 0) throw new UsageError(`多余的参数“${extra.join(" ")}”`);
  const config = databaseConfigFromEnv();
  if (sub === "migrate" && file === undefined) {
    const created = newSqliteFile(config);
    const database = await openDatabase(config);
    if (created !== undefined) io.err(newDatabaseNotice(created));
    try {
      // Under the start-up lock, as servers starting at the same time migrate (PostgreSQL).
      const applied = await withStartupLock(database, () => migrate(database));
      io.out(applied.length > 0 ? `已执行迁移：${applied.join("、")}\n` : "数据库已是最新结构，无需迁移\n");
      return 0;
    } finally {
      await database.close();
    }
  }
  if (file === undefined) throw new UsageError(`db ${sub} 缺少文件`);
  if ("url" in config) {
    io.err(POSTGRES_REFUSAL);
    return 1;
  }
  const target = resolve(file);
  if (sub === "backup") {
    if (!existsSync(config.file)) {
      io.err(`数据库文件不存在：${config.file}\n`);
      return 1;
    }
    if (existsSync(target)) {
      io.err(`目标文件已存在，为避免覆盖已停止：${target}\n`);
      return 1;
    }
    await backupSqlite(config.file, target);
    io.out(`已备份数据库到 ${target}\n`);
    return 0;
  }
  try {
    restoreSqlite(target, config.file);
  } catch (error) {
    io.err(`无法恢复：${(error as Error).message}\n`);
    return 1;
  }
  io.out(`已用 ${target} 恢复数据库 ${config.file}\n`);
  return 0;
}
