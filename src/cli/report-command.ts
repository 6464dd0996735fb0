/**
 * `gongkai report build --agency ID --year YYYY [--json] [--to FORMAT -o FILE]`: assembles an agency-year's
 * annual report from the records (the same path as the back office: tables 二/三/四, prose from the saved
 * draft or the templates, checks C-1…C-12) and prints it — the interchange JSON with `--json`, else the
 * tables and findings — or writes it in one of the report formats.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { buildAgencyReport } from "../reports/report.service.ts";
import { RENDER_FORMATS, type RenderFormat, renderReport } from "../writers/render-report.ts";
import { withCliDatabase } from "./cli-database.ts";
import type { CommandIo } from "./command-io.ts";
import { oneOf, positiveId, reportYear, UsageError, withUsage } from "./command-line.ts";
import { formatAudit } from "./report-printer.ts";

/** Usage of the report commands. */
export const REPORT_USAGE = `用法：gongkai report build --agency 机关ID --year 年度 [--json] [--to ${RENDER_FORMATS.join("|")} -o 输出文件]
  由登记数据生成机关某年度的年度报告（表二、表三、表四，正文，校验）；有错误时退出码为 1。
  --agency 机关ID    机关的 ID（见 gongkai agency list）
  --year 年度        四位年份
  --json             输出交换 JSON
  --to 格式 -o 文件  写成指定格式的文件
`;

/** Runs `gongkai report …`; returns the exit status (1 when the report has an error finding). */
export async function runReport(args: readonly string[], io: CommandIo): Promise<number> {
  return withUsage(args, io, REPORT_USAGE, () => report(args, io));
}

/** The report command once help was handled; bad arguments throw UsageError. */
async function report(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "build")
    throw new UsageError(sub === undefined ? "缺少子命令 build" : `不认识的子命令“${sub}”`);
  const { values } = parseArgs({
    args: [...rest],
    strict: true,
    options: {
      agency: { type: "string" },
      year: { type: "string" },
      json: { type: "boolean", default: false },
      to: { type: "string" },
      output: { type: "string", short: "o" },
    },
  });
  const agencyId = positiveId(values.agency, "--agency");
  const year = reportYear(values.year, "--year");
  const to: RenderFormat | undefined =
    values.to === undefined ? undefined : oneOf(values.to, RENDER_FORMATS, "--to");
  if (to !== undefined && values.output === undefined) throw new UsageError("--to 须同时给出 -o（输出文件）");
  if (to === undefined && values.output !== undefined) throw new UsageError("-o 须同时给出 --to（输出格式）");
  return withCliDatabase(io, async (database) => {
    const built = await buildAgencyReport(database, agencyId, year);
    if (to !== undefined && values.output) {
      await writeFile(values.output, await renderReport(built.report, to));
      io.err(`已写入 ${values.output}\n`);
    } else if (values.json) {
      io.out(`${JSON.stringify(built.report, null, 2)}\n`);
    } else {
      io.out(formatAudit(`${built.agencyName}${year}年政府信息公开工作年度报告`, built.report));
    }
    return built.findings.some((f) => f.severity === "error") ? 1 : 0;
  });
}
