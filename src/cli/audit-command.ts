/**
 * `gongkai audit FILE|FOLDER… [--prev FILE] [--published YYYY-MM-DD] [--json]`: reads and checks published
 * annual reports. Exit status 0: no error findings; 1: error findings; 2: a file could not be read.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { type AuditResult, auditReport } from "../audit/audit-report.ts";
import { type AnnualReport, emptyReport } from "../core/report/report-model.ts";
import { ReadError } from "../readers/read-error.ts";
import type { CommandIo } from "./command-io.ts";
import { calendarDate, UsageError, withUsage } from "./command-line.ts";
import { formatAudit } from "./report-printer.ts";
import { clip, formatTable } from "./terminal-table.ts";

const REPORT_EXTENSIONS = /\.(txt|md|markdown|html?|shtml|docx|pdf|xlsx)$/i;

/** The CLI's output type, re-exported for modules that still import it from here. */
export type { CommandIo } from "./command-io.ts";

/** The files named on the command line, folders walked (report files only, sorted, hidden ones skipped). */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      const inner = entries.filter(
        (e) => !e.name.startsWith(".") && (e.isDirectory() || REPORT_EXTENSIONS.test(e.name)),
      );
      files.push(...(await collectFiles(inner.map((e) => join(path, e.name)))));
    } else files.push(path);
  }
  return files;
}

type Outcome =
  | { file: string; result: AuditResult }
  | { file: string; error: { code: string; message: string } };

/** Reads a file and audits it; a file that cannot be read becomes an error outcome, never a crash. */
async function auditFile(
  file: string,
  prev: string | undefined,
  publishedOn: string | undefined,
): Promise<Outcome> {
  try {
    const bytes = await readFile(file);
    const previous = prev ? { bytes: await readFile(prev), fileName: basename(prev) } : undefined;
    const result = await auditReport(
      { bytes, fileName: basename(file) },
      { ...(previous ? { previous } : {}), ...(publishedOn ? { publishedOn } : {}) },
    );
    return { file, result };
  } catch (e) {
    if (e instanceof ReadError) return { file, error: { code: e.code, message: e.message } };
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { file, error: { code: "NOT_FOUND", message: "文件不存在" } };
    if (code === "EISDIR" || code === "EACCES") return { file, error: { code, message: "无法读取该路径" } };
    return { file, error: { code: "READ_FAILED", message: `读取失败：${(e as Error).message}` } };
  }
}

/** The interchange document printed for a file that could not be read: all values null, one finding. */
function unreadableReport(file: string, error: { code: string; message: string }): AnnualReport {
  return {
    ...emptyReport(),
    findings: [
      {
        rule: "READ",
        severity: "error",
        where: file,
        expected: null,
        actual: error.code,
        message: error.message,
      },
    ],
  };
}

/** Draws the progress bar on stderr. */
function drawProgress(io: CommandIo, done: number, total: number, file: string): void {
  const width = 24;
  const filled = Math.round((done / total) * width);
  io.err(
    `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${clip(basename(file), 40).padEnd(40)}`,
  );
  if (done === total) io.err("\n");
}

/** Usage of `gongkai audit`. */
export const AUDIT_USAGE = `用法：gongkai audit 文件或文件夹… [--prev 上一年度报告] [--published YYYY-MM-DD] [--json]
  读取并检查已发布的政府信息公开工作年度报告（HTML、DOCX、PDF、XLSX、TXT、Markdown）；文件夹逐个检查其中的报告。
  --prev 文件        上一年度的报告，用于与上年数据衔接的检查（C-7、C-8；须为上一年度，否则给出提示并跳过）
  --published 日期   报告的发布日期（YYYY-MM-DD），用于检查是否按时发布
  --json             输出交换 JSON
  退出码：0 未发现错误；1 发现错误；2 参数有误或有文件无法读取。
`;

/** Runs the audit command; returns the exit status. */
export async function runAudit(args: readonly string[], io: CommandIo): Promise<number> {
  return withUsage(args, io, AUDIT_USAGE, () => audit(args, io));
}

/** The audit command once help was handled; bad arguments throw UsageError. */
async function audit(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      prev: { type: "string" },
      published: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError("缺少要检查的文件或文件夹");
  if (values.published !== undefined) calendarDate(values.published, "--published");
  if (values.prev !== undefined && !(await stat(values.prev).catch(() => null))?.isFile()) {
    throw new UsageError(`--prev 的文件不存在或不是文件：${values.prev}`);
  }
  const files = await collectFiles(positionals);
  const outcomes: Outcome[] = [];
  for (const file of files) {
    outcomes.push(await auditFile(file, values.prev, values.published));
    if (io.progress && files.length > 1) drawProgress(io, outcomes.length, files.length, file);
  }
  for (const o of outcomes) if ("result" in o) warnOfPrevious(io, o.file, o.result);
  const reports = outcomes.map((o) => ("result" in o ? o.result.report : unreadableReport(o.file, o.error)));
  if (values.json) {
    io.out(
      `${JSON.stringify(files.length === 1 && positionals.length === 1 && files[0] === positionals[0] ? reports[0] : reports, null, 2)}\n`,
    );
  } else {
    for (const o of outcomes) {
      if ("result" in o) io.out(formatAudit(o.file, o.result.report));
      else io.out(`== ${o.file} ==\n无法读取（${o.error.code}）：${o.error.message}\n`);
    }
    if (files.length > 1) io.out(`\n${summary(outcomes)}\n`);
  }
  if (outcomes.some((o) => "error" in o)) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

/** Warns on stderr when --prev is not the year before the audited report's: C-7 and C-8 are then skipped. */
function warnOfPrevious(io: CommandIo, file: string, result: AuditResult): void {
  const year = result.report.year;
  const previous = result.previousYear;
  if (previous === undefined || previous === null || year === null) return;
  if (previous !== year - 1) {
    io.err(
      `提示：${basename(file)} 为 ${year} 年度，--prev 的报告为 ${previous} 年度（应为 ${year - 1} 年度），未与上年数据核对（C-7、C-8 未检查）\n`,
    );
  }
}

/** The summary table of a batch. */
function summary(outcomes: readonly Outcome[]): string {
  const rows = outcomes.map((o) => {
    if ("error" in o) return [clip(basename(o.file), 44), "—", "—", "—", "—", `无法读取：${o.error.code}`];
    const r = o.result.report;
    const errors = r.findings.filter((f) => f.severity === "error").length;
    const status = errors > 0 ? "有错误" : r.findings.length > 0 ? "有提示" : "通过";
    return [
      clip(basename(o.file), 44),
      clip(r.agency ?? "未识别", 16),
      String(r.year ?? "—"),
      String(errors),
      String(r.findings.length - errors),
      status,
    ];
  });
  return formatTable(["文件", "机关", "年度", "错误", "提示", "结论"], rows);
}
