/**
 * `gongkai calendar import FILE`: enters a year's working-day schedule from a JSON file
 * `{ "year": 2027, "holidays": ["2027-01-01", …], "workdays": ["2027-02-06", …], "source"?: "gov.cn-2027" }`,
 * recomputing the open cases' due dates and logging every date that moved (R-WD-4).
 * Exit status 0: stored; 1: refused (printed in Chinese); 2: bad arguments or unreadable file.
 */
import { readFileSync } from "node:fs";
import { saveCalendarYear } from "../requests/calendar-admin.service.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { withCliDatabase } from "./cli-database.ts";
import type { CommandIo } from "./command-io.ts";
import { UsageError, withUsage } from "./command-line.ts";

/** Usage of the calendar commands. */
export const CALENDAR_USAGE =
  '用法：gongkai calendar import 文件.json\n  文件内容：{ "year": 年份, "holidays": ["YYYY-MM-DD", …], "workdays": ["YYYY-MM-DD", …] }\n';

/** The schedule in a file's JSON, or a Chinese reason why it is not one. */
function scheduleOf(
  text: string,
): { year: number; holidays: string[]; workdays: string[]; source: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "文件不是有效的 JSON";
  }
  const v = value as { year?: unknown; holidays?: unknown; workdays?: unknown; source?: unknown } | null;
  const dates = (x: unknown) => Array.isArray(x) && x.every((d) => typeof d === "string");
  if (!v || typeof v.year !== "number" || !dates(v.holidays) || !dates(v.workdays)) {
    return "文件应包含 year（数字）、holidays 与 workdays（日期字符串数组）";
  }
  if (v.source !== undefined && typeof v.source !== "string") return "source 应为字符串";
  return {
    year: v.year,
    holidays: v.holidays as string[],
    workdays: v.workdays as string[],
    source: (v.source as string | undefined) ?? `import-${v.year}`,
  };
}

/** Runs `gongkai calendar …`; returns the exit status. */
export async function runCalendar(args: readonly string[], io: CommandIo): Promise<number> {
  return withUsage(args, io, CALENDAR_USAGE, () => calendar(args, io));
}

/** The calendar command once help was handled; bad arguments throw UsageError. */
async function calendar(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, file, ...extra] = args;
  if (sub !== "import")
    throw new UsageError(sub === undefined ? "缺少子命令 import" : `不认识的子命令“${sub}”`);
  if (file === undefined) throw new UsageError("calendar import 缺少文件");
  if (file.startsWith("-")) throw new UsageError(`不认识的选项 ${file}`);
  if (extra.length > 0) throw new UsageError(`多余的参数“${extra.join(" ")}”`);
  let text: string;
  try {
    text = readFileSync(args[1] as string, "utf8");
  } catch {
    io.err(`无法读取文件：${args[1]}\n`);
    return 2;
  }
  const schedule = scheduleOf(text);
  if (typeof schedule === "string") {
    io.err(`${schedule}\n${CALENDAR_USAGE}`);
    return 2;
  }
  return withCliDatabase(io, async (database) => {
    const result = await saveCalendarYear(database, schedule, SYSTEM_ACTOR, new Date());
    io.out(
      `已录入 ${result.year} 年节假日安排：放假 ${result.holidays.length} 天，调休上班 ${result.workdays.length} 天\n`,
    );
    for (const m of result.moved)
      io.out(`  ${m.trackingNo}：答复期限 ${m.fromDue ?? "—"} → ${m.toDue ?? "—"}\n`);
    for (const r of result.refused) io.out(`  ${r.trackingNo}：未能重新计算（${r.message}），请人工核对\n`);
    io.out(`重新计算在办申请 ${result.moved.length} 件期限变动\n`);
    return 0;
  });
}
