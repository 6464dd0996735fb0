/**
 * The shared part of every command's argument handling: `--help`/`-h` prints the command's Chinese usage
 * (exit 0); a bad argument — node:util parseArgs's errors (ERR_PARSE_ARGS_*) translated, or a UsageError
 * thrown by the command's own checks — prints a Chinese message naming it, then the usage (exit 2).
 */
import type { CommandIo } from "./command-io.ts";

/** A bad command line, reported in Chinese with the usage and exit status 2. */
export class UsageError extends Error {}

/** Whether the arguments ask for help (`--help` or `-h` before any `--`). */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  const head = end === -1 ? args : args.slice(0, end);
  return head.includes("--help") || head.includes("-h") || head[0] === "help";
}

/** The option or argument quoted in a parseArgs message ('--to <value>' → --to). */
function quoted(message: string): string {
  const m = /'([^']+)'/.exec(message);
  return (m?.[1] ?? "").replace(/ <value>$/, "").replace(/^-\w, /, "");
}

/** The Chinese message for a parseArgs error, or undefined when the error is not one. */
export function parseArgsMessage(error: unknown): string | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const { message } = error;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `不认识的选项 ${quoted(message)}`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `多余的参数“${quoted(message)}”`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/does not take an argument/.test(message)) return `选项 ${quoted(message)} 不接受值`;
    return `选项 ${quoted(message)} 缺少值`;
  }
  return code.startsWith("ERR_PARSE_ARGS") ? `参数无法解析（${message}）` : undefined;
}

/**
 * Runs a command's body under its usage: help when asked (exit 0), the Chinese message and the usage for a
 * bad argument (exit 2); any other error is the body's own and propagates.
 */
export async function withUsage(
  args: readonly string[],
  io: CommandIo,
  usage: string,
  body: () => Promise<number> | number,
): Promise<number> {
  if (wantsHelp(args)) {
    io.out(usage);
    return 0;
  }
  try {
    return await body();
  } catch (error) {
    const message = error instanceof UsageError ? error.message : parseArgsMessage(error);
    if (message === undefined) throw error;
    io.err(`参数错误：${message}\n\n${usage}`);
    return 2;
  }
}

/** A real calendar date YYYY-MM-DD (2026-02-30 and 2026-13-45 refused), else a UsageError naming the option. */
export function calendarDate(value: string, option: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${option} 应为存在的日期（YYYY-MM-DD），收到“${value}”`);
  }
  return value;
}

/** A positive whole number (an ID), else a UsageError naming the option. */
export function positiveId(value: string | undefined, option: string): number {
  if (value === undefined) throw new UsageError(`缺少 ${option}`);
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new UsageError(`${option} 应为正整数，收到“${value}”`);
  return Number(value);
}

/** A report year (2008, when the regulation took effect, to 9999), else a UsageError naming the option. */
export function reportYear(value: string | undefined, option: string): number {
  if (value === undefined) throw new UsageError(`缺少 ${option}`);
  if (!/^\d{4}$/.test(value) || Number(value) < 2008) {
    throw new UsageError(`${option} 应为 2008 年以后的四位年份，收到“${value}”`);
  }
  return Number(value);
}

/** One of the allowed values, else a UsageError listing them. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${option} 应为 ${allowed.join("、")} 之一，收到“${value}”`);
  }
  return value as T;
}
