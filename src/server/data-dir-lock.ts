/**
 * One server per data folder: `gongkai serve` on SQLite takes the lock file `gongkai.lock` in the folder of
 * the database file (GONGKAI_DATA_DIR) before opening it, holding the process id and host; a second server
 * on the same folder refuses to start. A lock left by a process that no longer runs (on this host) is taken
 * over. PostgreSQL needs no lock: several servers may share one database server.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { DomainError } from "../core/domain-error.ts";

/** The name of the lock file in the data folder. */
export const LOCK_FILE_NAME = "gongkai.lock";

/** A held lock. */
export interface DataDirLock {
  /** The lock file's path. */
  readonly path: string;
  /** Removes the lock file (when it is still ours); safe to call twice. */
  release(): void;
}

/** What a lock file says. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/** The owner written in a lock file, or undefined when it cannot be read (torn, empty, foreign). */
function readOwner(path: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<LockOwner>;
    if (typeof parsed.pid !== "number" || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return undefined;
    return { pid: parsed.pid, host: String(parsed.host ?? ""), since: String(parsed.since ?? "") };
  } catch {
    return undefined;
  }
}

/** Whether the process runs on this host (a signal-0 probe; EPERM means it runs as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Creates the lock file only if absent; false when it exists. */
function tryCreate(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The refusal when another server holds the folder. */
function lockedError(dir: string, path: string, owner: LockOwner | undefined): DomainError {
  const who = owner
    ? `进程 ${owner.pid}${owner.host && owner.host !== hostname() ? `（主机 ${owner.host}）` : ""}，自 ${owner.since} 起`
    : "另一个进程";
  return new DomainError(
    "DATA_DIR_LOCKED",
    `数据目录 ${dir} 已被另一个正在运行的 Gongkai 服务使用（${who}），同一数据目录只能运行一个服务。` +
      `请先停止该服务；如确认没有服务在运行，可删除锁文件 ${path} 后重试。`,
    409,
  );
}

/**
 * Takes the data folder's lock for this process, or throws DATA_DIR_LOCKED (Chinese message) when a live
 * server holds it. A lock of a dead process on this host, or an unreadable (torn) one, is taken over.
 */
export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE_NAME);
  const mine: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreate(path, mine)) return heldLock(path, mine);
    const owner = readOwner(path);
    // A process of another host cannot be probed from here: its lock is respected.
    if (owner && (owner.host !== mine.host || isRunning(owner.pid))) throw lockedError(dir, path, owner);
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  throw lockedError(dir, path, readOwner(path));
}

/** The lock as held: released at close, and on process exit at the latest. */
function heldLock(path: string, mine: LockOwner): DataDirLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off("exit", release);
    const owner = readOwner(path);
    if (owner?.pid !== mine.pid || owner.since !== mine.since) return;
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on("exit", release);
  return { path, release };
}
