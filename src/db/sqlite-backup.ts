/**
 * Backup and restore of the SQLite database: backup uses SQLite's online backup API (safe while the server
 * runs); restore checks the backup's integrity and schema before it replaces the database file.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import SqliteDatabase from "better-sqlite3";

/** Copies the live database to `target` with the online backup API. */
export async function backupSqlite(file: string, target: string): Promise<void> {
  const source = new SqliteDatabase(file, { fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
}

/** Why a backup file cannot be restored, or null when it can. */
export function checkBackup(backup: string): string | null {
  if (!existsSync(backup)) return `备份文件不存在：${backup}`;
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(backup, { readonly: true, fileMustExist: true });
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return `备份文件已损坏（integrity_check: ${String(integrity)}）`;
    const migrations = db.prepare("select count(*) as n from schema_migrations").get() as { n: number };
    if (migrations.n < 1) return "备份文件中没有本系统的数据表";
    return null;
  } catch {
    return "不是本系统的 SQLite 备份文件";
  } finally {
    db?.close();
  }
}

/** Replaces the database file with a checked backup (the server must be stopped); throws with a reason. */
export function restoreSqlite(backup: string, file: string): void {
  const problem = checkBackup(backup);
  if (problem) throw new Error(problem);
  const staging = `${file}.restoring`;
  copyFileSync(backup, staging);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  renameSync(staging, file);
}
