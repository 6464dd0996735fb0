import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { databaseConfigFromEnv, migrate, openDatabase } from "../db/database.ts";
import { runFirstRun } from "../setup/first-run.ts";
import { main } from "./main.ts";

/** Runs the CLI in-process and captures what it writes. */
async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), progress: false });
  return { status, out, err };
}

let dir: string;
const saved = {
  GONGKAI_DATA_DIR: process.env.GONGKAI_DATA_DIR,
  GONGKAI_DATABASE_URL: process.env.GONGKAI_DATABASE_URL,
  GONGKAI_PUBLIC_URL: process.env.GONGKAI_PUBLIC_URL,
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "gongkai-site-"));
  process.env.GONGKAI_DATA_DIR = dir;
  delete process.env.GONGKAI_DATABASE_URL;
  delete process.env.GONGKAI_PUBLIC_URL;
  // The demo agencies without the demo year: a small site.
  const database = await openDatabase(databaseConfigFromEnv());
  await migrate(database);
  await runFirstRun(database, () => {}, false);
  await database.close();
});

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("gongkai site", () => {
  it("prints its Chinese usage on --help with status 0", async () => {
    for (const args of [
      ["site", "--help"],
      ["site", "export", "--help"],
    ]) {
      const answer = await run(...args);
      expect(answer.status).toBe(0);
      expect(answer.out).toContain("用法：gongkai site export 目录");
    }
  });

  it("refuses bad arguments with a Chinese message and status 2", async () => {
    const out = join(dir, "site");
    const cases: [string[], string][] = [
      [["site"], "缺少子命令 export"],
      [["site", "publish", out], "未知子命令：publish"],
      [["site", "export", "--origin", "https://a.cn"], "请给出一个导出目录"],
      [["site", "export", out, "other", "--origin", "https://a.cn"], "请给出一个导出目录"],
      [["site", "export", out], "GONGKAI_PUBLIC_URL"],
      [["site", "export", out, "--origin", "ftp://a.cn"], "网址不正确"],
      [["site", "export", out, "--origin", "https://a.cn", "--agency", "二"], "机关ID 应为正整数"],
      [["site", "export", out, "--origin", "https://a.cn", "--interval", "5"], "只能与 --watch 一起使用"],
      [["site", "export", out, "--origin", "https://a.cn", "--watch", "--interval", "0"], "--interval 应为"],
      [["site", "export", out, "--origin", "https://a.cn", "--agency", "999"], "找不到机关 999"],
      [["site", "export", out, "--origin", "https://a.cn", "--bogus"], "参数错误"],
    ];
    for (const [args, message] of cases) {
      const answer = await run(...args);
      expect({ args, status: answer.status, said: answer.err.includes(message) }).toEqual({
        args,
        status: 2,
        said: true,
      });
    }
    expect(existsSync(out)).toBe(false);
  });

  it("exports the site, then writes nothing the second time", async () => {
    const out = join(dir, "site");
    process.env.GONGKAI_PUBLIC_URL = "https://gk.example.gov.cn";
    const first = await run("site", "export", out);
    expect(first.err).toBe("");
    expect(first.status).toBe(0);
    expect(first.out).toMatch(
      /^导出完成：\d+ 个页面，\d+ 个文件（写入 \d+ 个，删除 0 个），\d+ 字节，用时 [\d.]+ 秒/,
    );
    expect(existsSync(join(out, "index.html"))).toBe(true);
    expect(existsSync(join(out, "assets", "site.css"))).toBe(true);
    const second = await run("site", "export", out, "--agency", "1");
    expect(second.status).toBe(0);
    expect(second.out).toContain("（写入 0 个，删除 0 个）");
  });
});
