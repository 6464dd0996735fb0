/**
 * `gongkai render FILE --to txt|html|docx|xlsx|pdf|json -o OUT`: writes a report from its interchange JSON
 * (or from any report file the readers understand) in another format.
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { auditReport } from "../audit/audit-report.ts";
import { InterchangeError, parseInterchange } from "../core/report/interchange.ts";
import type { AnnualReport } from "../core/report/report-model.ts";
import { ReadError } from "../readers/read-error.ts";
import { RENDER_FORMATS, type RenderFormat, renderReport } from "../writers/render-report.ts";
import type { CommandIo } from "./command-io.ts";
import { oneOf, UsageError, withUsage } from "./command-line.ts";

/** Usage of `gongkai render`. */
export const RENDER_USAGE = `用法：gongkai render 报告文件 --to ${RENDER_FORMATS.join("|")} -o 输出文件
  把年报（交换 JSON，或任一可读取的年报文件：HTML、DOCX、PDF、XLSX、TXT、Markdown）输出为指定格式。
  --to 格式          输出格式
  -o, --output 文件  输出文件
`;

/** Loads the report to render: interchange JSON when the file is JSON, else audited from the file. */
async function loadReport(file: string): Promise<AnnualReport> {
  const bytes = await readFile(file);
  if (/\.json$/i.test(file)) {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString("utf8"));
    } catch {
      throw new InterchangeError("(根)", "不是有效的 JSON");
    }
    return parseInterchange(json);
  }
  return (await auditReport({ bytes, fileName: basename(file) })).report;
}

/** Runs the render command; returns the exit status. */
export async function runRender(args: readonly string[], io: CommandIo): Promise<number> {
  return withUsage(args, io, RENDER_USAGE, () => render(args, io));
}

/** The render command once help was handled; bad arguments throw UsageError. */
async function render(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { to: { type: "string" }, output: { type: "string", short: "o" } },
  });
  if (positionals.length === 0) throw new UsageError("缺少要输出的报告文件");
  if (positionals.length > 1)
    throw new UsageError(`只能给出一个报告文件，多余的参数“${positionals.slice(1).join(" ")}”`);
  if (values.to === undefined) throw new UsageError("缺少 --to（输出格式）");
  const to: RenderFormat = oneOf(values.to, RENDER_FORMATS, "--to");
  const output = values.output;
  if (output === undefined) throw new UsageError("缺少 -o（输出文件）");
  try {
    const report = await loadReport(positionals[0] ?? "");
    await writeFile(output, await renderReport(report, to));
    io.err(`已写入 ${output}\n`);
    return 0;
  } catch (e) {
    if (e instanceof InterchangeError || e instanceof ReadError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    if ((e as NodeJS.ErrnoException).code === "ENOENT") {
      io.err(`文件不存在：${(e as NodeJS.ErrnoException).path ?? positionals[0]}\n`);
      return 2;
    }
    throw e;
  }
}
