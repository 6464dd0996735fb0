/**
 * `gongkai trail verify [--anchor FILE]`: checks the audit trail's hash chain, each entry's MAC, the newest
 * signed checkpoint and an exported anchor; exit 0 when intact, 1 at the first fault (截断, 缺号, 篡改/重算,
 * MAC 不符). `gongkai trail checkpoint --export FILE` writes the newest signed checkpoint as JSON, for the
 * operator to keep off the machine.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { DomainError } from "../core/domain-error.ts";
import { anchorJson, parseAnchor, type TrailCheckpoint } from "../trail/trail-anchor.ts";
import type { TrailKeySource } from "../trail/trail-key.repository.ts";
import { exportableAnchor, type TrailVerification, verifyTrail } from "../trail/trail-verify.repository.ts";
import { withCliDatabase } from "./cli-database.ts";
import type { CommandIo } from "./command-io.ts";
import { UsageError, withUsage } from "./command-line.ts";

/** Usage of the trail commands. */
export const TRAIL_USAGE =
  "用法：gongkai trail verify [--anchor 锚点文件]\n      gongkai trail checkpoint --export 锚点文件\n";

/** Where the key came from, as verify prints it. */
const KEY_SOURCES: Readonly<Record<TrailKeySource, string>> = {
  env: "环境变量 GONGKAI_TRAIL_KEY",
  "key-file": "密钥文件",
  "installation-secret":
    "安装密钥（存放在数据库的设置表中，能改写数据库的人也能读到它；请设置 GONGKAI_TRAIL_KEY 或 GONGKAI_TRAIL_KEY_FILE）",
};

/** The lines verify prints. */
function verificationText(result: TrailVerification): string {
  const key = `密钥：${KEY_SOURCES[result.keySource]}${result.keyFile === undefined ? "" : ` ${result.keyFile}`}\n`;
  if (!result.ok) {
    const broken = result.firstBroken;
    return `审计记录不完整：第 ${broken?.seq} 条，${broken?.reason}\n${key}`;
  }
  const lines = [`审计记录完整：共 ${result.checked} 条\n`, key];
  if (result.checkpoint) {
    const c = result.checkpoint;
    lines.push(`最新检查点：第 ${c.seq} 条，共 ${c.count} 条（${c.at}），相符\n`);
  }
  if (result.anchoredFrom > 1) {
    lines.push(
      `第 1–${result.anchoredFrom - 1} 条写于启用 MAC 之前：由哈希链和第 ${result.anchoredFrom} 条的 MAC 保护\n`,
    );
  }
  if (result.anchorChecked) lines.push("导出的锚点：相符\n");
  return lines.join("");
}

/** Reads an anchor file, refusing a missing or malformed one with a DomainError. */
function readAnchor(file: string): TrailCheckpoint {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new DomainError("INVALID_INPUT", `无法读取锚点文件：${file}`);
  }
  return parseAnchor(text);
}

/** Runs `gongkai trail …`; returns the exit status. */
export async function runTrail(args: readonly string[], io: CommandIo): Promise<number> {
  return withUsage(args, io, TRAIL_USAGE, () => trail(args, io));
}

/** The trail command once help was handled; bad arguments throw UsageError. */
async function trail(args: readonly string[], io: CommandIo): Promise<number> {
  const [command, flag, file, ...rest] = args;
  if (command !== "verify" && command !== "checkpoint") {
    throw new UsageError(
      command === undefined ? "缺少子命令（verify 或 checkpoint）" : `不认识的子命令“${command}”`,
    );
  }
  const expected = command === "verify" ? "--anchor" : "--export";
  if (command === "checkpoint" && flag === undefined)
    throw new UsageError("trail checkpoint 缺少 --export 锚点文件");
  if (flag !== undefined && flag !== expected) throw new UsageError(`不认识的选项 ${flag}`);
  if (flag !== undefined && file === undefined) throw new UsageError(`选项 ${flag} 缺少值`);
  if (rest.length > 0) throw new UsageError(`多余的参数“${rest.join(" ")}”`);
  const verify = command === "verify";
  let anchor: TrailCheckpoint | undefined;
  if (verify && file !== undefined) {
    try {
      anchor = readAnchor(file);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      io.err(`错误：${error.message}\n`);
      return 2;
    }
  }
  return withCliDatabase(io, async (database) => {
    if (verify) {
      const result = await verifyTrail(database.db, anchor ? { anchor } : {});
      io.out(verificationText(result));
      return result.ok ? 0 : 1;
    }
    const result = await exportableAnchor(database.db);
    if (!result.ok || !result.anchor) {
      io.out(verificationText(result));
      io.err("错误：审计记录不完整，不导出锚点\n");
      return 1;
    }
    writeFileSync(file as string, anchorJson(result.anchor));
    io.out(
      `已导出锚点：第 ${result.anchor.seq} 条，共 ${result.anchor.count} 条 → ${file}\n请把该文件保存在本机以外。\n`,
    );
    return 0;
  });
}
