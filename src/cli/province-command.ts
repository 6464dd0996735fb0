/**
 * `gongkai demo province --agencies N [--years 2021-2025] [--seed S] [--force]`: fills the configured
 * database with a generated province (see src/province/province.service.ts), with a progress bar on a
 * terminal, and prints what it made and the province administrator's one-time password.
 */
import { parseArgs } from "node:util";
import { generateTemporaryPassword } from "../auth/password-hashing.ts";
import type { Database } from "../db/database.ts";
import { generateProvince, type ProvinceOptions } from "../province/province.service.ts";
import { runFirstRun } from "../setup/first-run.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createUser } from "../users/user.service.ts";
import { withCliDatabase } from "./cli-database.ts";
import type { CommandIo } from "./command-io.ts";
import { parseArgsMessage } from "./command-line.ts";

/** Usage of `gongkai demo`. */
export const DEMO_USAGE = `用法：gongkai demo province --agencies 机关数 [--years 2021-2025] [--seed 种子] [--force]
  在当前配置的数据库（GONGKAI_DATABASE_URL，否则 GONGKAI_DATA_DIR 下的 SQLite）中生成一个示范省：
  省—市—县（区）—乡镇（街道）各级人民政府及其部门（名称、统一社会信用代码、联系方式），
  以及每个机关每年的主动公开信息、政务新媒体发布、行政决定、网民留言、依申请公开（经办理状态机）、
  行政复议和行政诉讼，并由登记数据生成、校验（C-1 至 C-12）和发布每个机关每年的年度报告。
  同一种子生成的数据完全相同。数据库为空时先执行首次启动（创建示范机关和 admin）。
  另建省级管理员账号 sheng-admin（系统管理员兼上级监督），初始密码只显示一次。
  --agencies  机关数（1 至 100000）
  --years     年度范围，须为已结束的年度（默认 2021-2025）
  --seed      随机种子（默认 1）；同一数据库中同一种子只能生成一次
  --force     数据库中已有首次启动以外的机关（例如真实机关或另一个示范省）时仍然生成；
              不加时拒绝，以免示范数据与真实数据混在一起
`;

/** The options, or a refusal message. */
function parseOptions(args: readonly string[]): ProvinceOptions | string {
  let parsed: ReturnType<typeof parseArgs<{ options: Record<string, { type: "string" | "boolean" }> }>>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        agencies: { type: "string" },
        years: { type: "string" },
        seed: { type: "string" },
        force: { type: "boolean" },
      },
      strict: true,
    });
  } catch (error) {
    return `参数有误：${parseArgsMessage(error) ?? (error as Error).message}`;
  }
  const v = parsed.values;
  const agencies = Number(v.agencies);
  if (v.agencies === undefined || !Number.isInteger(agencies) || agencies < 1 || agencies > 100_000) {
    return "--agencies 应为 1 至 100000 之间的整数";
  }
  const years = /^(\d{4})-(\d{4})$/.exec(typeof v.years === "string" ? v.years : "2021-2025");
  const fromYear = Number(years?.[1]);
  const toYear = Number(years?.[2]);
  const lastClosed = new Date().getUTCFullYear() - 1;
  if (!years || fromYear > toYear || fromYear < 2008 || toYear > lastClosed) {
    return `--years 应为“起始年-结束年”，如 2021-2025，年度须在 2008 至 ${lastClosed} 之间（年报只能为已结束的年度发布）`;
  }
  const seed = Number(v.seed ?? 1);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31) return "--seed 应为非负整数";
  return { agencies, fromYear, toYear, seed, force: v.force === true };
}

/** A progress bar line: phase, bar, counts, rows/s and ETA. */
function bar(phase: string, done: number, total: number, rows: number, seconds: number): string {
  const width = 24;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const rate = rows / Math.max(seconds, 0.001);
  const eta = done > 0 ? (seconds / done) * (total - done) : 0;
  return `\r${phase} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}  ${rows} 行  ${Math.round(rate)} 行/秒  剩余约 ${Math.ceil(eta)} 秒   `;
}

/** Creates the province's administrator; the one-time password. */
async function provinceAdmin(database: Database, rootId: number): Promise<string> {
  const password = generateTemporaryPassword();
  await createUser(
    database,
    {
      username: "sheng-admin",
      displayName: "省级管理员",
      password,
      roles: [
        { agencyId: rootId, role: "system_admin" },
        { agencyId: rootId, role: "supervisor" },
      ],
      mustChangePassword: true,
    },
    SYSTEM_ACTOR,
  );
  return password;
}

/** Runs `gongkai demo …`; returns the exit status. */
export async function runDemo(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (
    sub === "--help" ||
    sub === "-h" ||
    (sub === "province" && (rest.includes("--help") || rest.includes("-h")))
  ) {
    io.out(DEMO_USAGE);
    return 0;
  }
  if (sub !== "province") {
    io.err(DEMO_USAGE);
    return 2;
  }
  const options = parseOptions(rest);
  if (typeof options === "string") {
    io.err(`${options}\n${DEMO_USAGE}`);
    return 2;
  }
  return withCliDatabase(io, async (database) => {
    await runFirstRun(database, io.out);
    const started = performance.now();
    const phases = { records: "生成记录", reports: "发布年报" } as const;
    const summary = await generateProvince(database, options, (phase, done, total, rows) => {
      if (io.progress) io.err(bar(phases[phase], done, total, rows, (performance.now() - started) / 1000));
    });
    if (io.progress) io.err("\n");
    const password = await provinceAdmin(database, summary.rootId);
    io.out(
      [
        `已生成“${summary.rootName}”：${summary.agencyIds.length} 个机关，${options.fromYear}—${options.toYear} 年，种子 ${options.seed}。`,
        `记录 ${summary.rows} 行，用时 ${summary.recordSeconds.toFixed(1)} 秒（${Math.round(summary.rows / summary.recordSeconds)} 行/秒）；`,
        `年度报告 ${summary.reports} 份，已校验并发布，用时 ${summary.reportSeconds.toFixed(1)} 秒；警告 ${summary.findings.length} 条。`,
        `省级管理员：sheng-admin  初始密码：${password}（只显示这一次，首次登录后须修改）`,
        "",
      ].join("\n"),
    );
    return 0;
  });
}
