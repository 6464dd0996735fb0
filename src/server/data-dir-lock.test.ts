import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../core/domain-error.ts";
import { LOCK_FILE_NAME, lockDataDir } from "./data-dir-lock.ts";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "gongkai-lock-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  if (child.pid === undefined) throw new Error("no child");
  return child.pid;
}

describe("the data folder's lock", () => {
  it("is taken once: a second taker is refused with a Chinese message naming the folder and the holder", () => {
    const lock = lockDataDir(dir);
    const path = join(dir, LOCK_FILE_NAME);
    expect(JSON.parse(readFileSync(path, "utf8")).pid).toBe(process.pid);
    let refusal: unknown;
    try {
      lockDataDir(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe("DATA_DIR_LOCKED");
    expect((refusal as DomainError).message).toContain(
      `数据目录 ${dir} 已被另一个正在运行的 Gongkai 服务使用`,
    );
    expect((refusal as DomainError).message).toContain(`进程 ${process.pid}`);
    // Refusing did not disturb the holder's lock; releasing it frees the folder.
    expect(existsSync(path)).toBe(true);
    lock.release();
    expect(existsSync(path)).toBe(false);
    lockDataDir(dir).release();
  });

  it("takes over the lock of a process that no longer runs, and a torn lock file", () => {
    const path = join(dir, LOCK_FILE_NAME);
    const dead = deadPid();
    writeFileSync(path, JSON.stringify({ pid: dead, host: hostname(), since: "2026-01-01T00:00:00.000Z" }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(path, "utf8")).pid).toBe(process.pid);
    lock.release();

    writeFileSync(path, '{"pid":');
    const again = lockDataDir(dir);
    expect(JSON.parse(readFileSync(path, "utf8")).pid).toBe(process.pid);
    again.release();
  });

  it("respects a lock of another host (its process cannot be probed from here)", () => {
    writeFileSync(
      join(dir, LOCK_FILE_NAME),
      JSON.stringify({ pid: deadPid(), host: `${hostname()}-other`, since: "2026-01-01T00:00:00.000Z" }),
    );
    expect(() => lockDataDir(dir)).toThrow(/主机 .*-other/);
  });

  it("does not remove a lock another server has taken over since", () => {
    const lock = lockDataDir(dir);
    const path = join(dir, LOCK_FILE_NAME);
    const other = JSON.stringify({
      pid: process.pid + 1,
      host: hostname(),
      since: "2030-01-01T00:00:00.000Z",
    });
    writeFileSync(path, other);
    lock.release();
    expect(readFileSync(path, "utf8")).toBe(other);
  });
});
