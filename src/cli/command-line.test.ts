import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { calendarDate, parseArgsMessage, UsageError } from "./command-line.ts";
import { main } from "./main.ts";

const SAMPLE = new URL("../../test/fixtures/000_eb2e885bc49513d4.txt", import.meta.url).pathname;

/** Runs the CLI in-process and captures what it writes. */
async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), progress: false });
  return { status, out, err };
}

/** Every command and subcommand, as typed before --help. */
const COMMANDS: readonly (readonly string[])[] = [
  ["audit"],
  ["render"],
  ["deadline"],
  ["report"],
  ["report", "build"],
  ["db"],
  ["db", "migrate"],
  ["db", "backup"],
  ["db", "restore"],
  ["user"],
  ["user", "create"],
  ["user", "reset-password"],
  ["agency"],
  ["agency", "list"],
  ["calendar"],
  ["calendar", "import"],
  ["trail"],
  ["trail", "verify"],
  ["trail", "checkpoint"],
  ["site"],
  ["demo"],
  ["serve"],
];

describe("--help and -h print the command's Chinese usage with exit 0 and touch nothing", () => {
  for (const command of COMMANDS) {
    for (const flag of ["--help", "-h"]) {
      it(`gongkai ${command.join(" ")} ${flag}`, async () => {
        const { status, out, err } = await run(...command, flag);
        expect(err).toBe("");
        expect(status).toBe(0);
        expect(out).toContain("用法");
        expect(out).toContain(`gongkai ${command[0]}`);
      });
    }
  }
});

/** Bad arguments, each refused with exit 2 and a Chinese message naming what is wrong. */
const BAD: readonly { args: readonly string[]; says: string }[] = [
  { args: ["audit"], says: "缺少要检查的文件或文件夹" },
  { args: ["audit", SAMPLE, "--published", "2026-13-45"], says: "--published 应为存在的日期" },
  { args: ["audit", SAMPLE, "--published", "2026-02-30"], says: "--published 应为存在的日期" },
  { args: ["audit", SAMPLE, "--published", "tomorrow"], says: "“tomorrow”" },
  { args: ["audit", SAMPLE, "--frobnicate"], says: "不认识的选项 --frobnicate" },
  { args: ["audit", SAMPLE, "--prev"], says: "选项 --prev 缺少值" },
  { args: ["audit", SAMPLE, "--json=yes"], says: "选项 --json 不接受值" },
  { args: ["audit", SAMPLE, "--prev", "/nonexistent/2021.txt"], says: "--prev 的文件不存在或不是文件" },
  { args: ["render", "r.json", "--to", "pdf"], says: "缺少 -o（输出文件）" },
  { args: ["render", "r.json", "--to", "doc", "-o", "x"], says: "--to 应为 txt、html" },
  { args: ["render", "r.json", "-o", "x"], says: "缺少 --to" },
  { args: ["render", "--to", "pdf", "-o", "x"], says: "缺少要输出的报告文件" },
  { args: ["render", "a.json", "b.json", "--to", "pdf", "-o", "x"], says: "多余的参数“b.json”" },
  { args: ["render", "r.json", "--to", "pdf", "-o"], says: "选项 --output 缺少值" },
  { args: ["deadline", "--received", "2026-13-45"], says: "--received 应为存在的日期" },
  { args: ["deadline", "--received", "2026-03-02", "--channel", "pigeon"], says: "--channel 应为" },
  { args: ["deadline", "--received", "2026-03-02", "--pause", "2026-03-10..2026-02-31"], says: "--pause" },
  { args: ["deadline", "--received", "2026-03-02", "extra"], says: "多余的参数“extra”" },
  { args: ["report"], says: "缺少子命令 build" },
  { args: ["report", "compile"], says: "不认识的子命令“compile”" },
  { args: ["report", "build", "--agency", "1", "--year", "abc"], says: "--year 应为 2008 年以后的四位年份" },
  { args: ["report", "build", "--agency", "1", "--year", "1999"], says: "--year 应为" },
  { args: ["report", "build", "--agency", "x", "--year", "2025"], says: "--agency 应为正整数，收到“x”" },
  { args: ["report", "build", "--year", "2025"], says: "缺少 --agency" },
  { args: ["report", "build", "--agency", "1", "--year", "2025", "--to", "pdf"], says: "须同时给出 -o" },
  { args: ["report", "build", "--agency", "1", "--year", "2025", "-o", "x"], says: "须同时给出 --to" },
  { args: ["db"], says: "缺少子命令" },
  { args: ["db", "drop"], says: "不认识的子命令“drop”" },
  { args: ["db", "migrate", "now"], says: "多余的参数“now”" },
  { args: ["db", "backup"], says: "db backup 缺少文件" },
  { args: ["db", "restore", "--force"], says: "不认识的选项 --force" },
  { args: ["db", "backup", "a", "b"], says: "多余的参数“b”" },
  { args: ["user"], says: "缺少子命令" },
  { args: ["user", "delete"], says: "不认识的子命令“delete”" },
  {
    args: ["user", "create", "--name", "张三", "--agency", "1", "--role", "system_admin"],
    says: "缺少 --username",
  },
  {
    args: ["user", "create", "--username", "z", "--name", "张三", "--agency", "x", "--role", "system_admin"],
    says: "--agency 应为正整数",
  },
  {
    args: ["user", "create", "--username", "z", "--name", "张三", "--agency", "1", "--role", "boss"],
    says: "--role 应为",
  },
  { args: ["user", "reset-password"], says: "缺少 --username" },
  { args: ["user", "reset-password", "--user", "z"], says: "不认识的选项 --user" },
  { args: ["agency"], says: "缺少子命令 list" },
  { args: ["agency", "list", "--csv"], says: "不认识的选项 --csv" },
  { args: ["calendar", "export"], says: "不认识的子命令“export”" },
  { args: ["calendar", "import"], says: "calendar import 缺少文件" },
  { args: ["calendar", "import", "a.json", "b.json"], says: "多余的参数“b.json”" },
  { args: ["trail"], says: "缺少子命令" },
  { args: ["trail", "verify", "--anchr", "a.json"], says: "不认识的选项 --anchr" },
  { args: ["trail", "verify", "--anchor"], says: "选项 --anchor 缺少值" },
  { args: ["trail", "checkpoint"], says: "缺少 --export" },
  { args: ["trail", "checkpoint", "--export", "a.json", "b"], says: "多余的参数“b”" },
];

describe("the commands with their own checks name a bad option in Chinese too", () => {
  for (const args of [
    ["demo", "province", "--agencies", "3", "--bogus"],
    ["site", "export", "out", "--bogus"],
    ["serve", "--bogus"],
  ]) {
    it(`gongkai ${args.join(" ")}`, async () => {
      const { status, err } = await run(...args);
      expect(status).toBe(2);
      expect(err).toContain("不认识的选项 --bogus");
    });
  }
});

describe("bad arguments are refused with exit 2, a Chinese message naming them and the usage", () => {
  for (const { args, says } of BAD) {
    it(`gongkai ${args.join(" ")} → ${says}`, async () => {
      const { status, out, err } = await run(...args);
      expect(status).toBe(2);
      expect(out).toBe("");
      expect(err).toMatch(/^参数错误：/);
      expect(err).toContain(says);
      expect(err).toContain("用法");
    });
  }
});

describe("audit --prev of another year than the year before", () => {
  it("warns on stderr that C-7 and C-8 are not checked instead of skipping them silently", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongkai-prev-"));
    const older = join(dir, "2020.txt");
    writeFileSync(older, readFileSync(SAMPLE, "utf8").replace("公安局 2022 年", "公安局 2020 年"));
    const { status, err } = await run("audit", SAMPLE, "--prev", older);
    expect(status).toBe(0);
    expect(err).toContain("为 2022 年度，--prev 的报告为 2020 年度（应为 2021 年度）");
    expect(err).toContain("C-7、C-8 未检查");
  });

  it("says nothing when --prev is last year's report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongkai-prev-"));
    const last = join(dir, "2021.txt");
    writeFileSync(last, readFileSync(SAMPLE, "utf8").replace("公安局 2022 年", "公安局 2021 年"));
    const { status, err } = await run("audit", SAMPLE, "--prev", last);
    expect(status).toBe(0);
    expect(err).toBe("");
  });
});

describe("deadline --extend (R-33-2)", () => {
  it("names the approving office once", async () => {
    const { status, out } = await run("deadline", "--received", "2026-03-02", "--extend");
    expect(status).toBe(0);
    const step = out.split("\n").find((line) => line.includes("[R-33-2]")) ?? "";
    expect(step.split("政府信息公开工作机构负责人").length - 1).toBe(1);
  });
});

describe("the shared argument checks", () => {
  it("accepts real calendar dates only (leap days included)", () => {
    expect(calendarDate("2024-02-29", "--d")).toBe("2024-02-29");
    for (const bad of ["2023-02-29", "2026-13-45", "2026-00-10", "2026-1-5", "20260105"]) {
      expect(() => calendarDate(bad, "--d")).toThrow(UsageError);
    }
  });

  it("leaves errors that are not parseArgs's own alone", () => {
    expect(parseArgsMessage(new TypeError("x"))).toBeUndefined();
    expect(parseArgsMessage(new Error("x"))).toBeUndefined();
  });
});

describe("a mistyped GONGKAI_DATA_DIR", () => {
  const saved = { dataDir: process.env.GONGKAI_DATA_DIR, url: process.env.GONGKAI_DATABASE_URL };
  afterEach(() => {
    for (const [key, value] of [
      ["GONGKAI_DATA_DIR", saved.dataDir],
      ["GONGKAI_DATABASE_URL", saved.url],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("is told on stderr where the new database was created, once (db migrate, then an operator command)", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "gongkai-new-db-")), "typo");
    process.env.GONGKAI_DATA_DIR = dir;
    delete process.env.GONGKAI_DATABASE_URL;
    const first = await run("db", "migrate");
    expect(first.status).toBe(0);
    expect(first.err).toContain(`注意：新建数据库于 ${join(dir, "gongkai.sqlite")}`);
    const again = await run("agency", "list");
    expect(again.status).toBe(0);
    expect(again.err).toBe("");
    process.env.GONGKAI_DATA_DIR = join(dir, "other");
    expect((await run("agency", "list")).err).toContain("新建数据库于");
  });
});
