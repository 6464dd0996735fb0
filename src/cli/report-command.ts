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
import { formatAudit } from "./report-printer.ts";

/** Usage of the report commands. */
export const REPORT_USAGE = `用法：gongkai report build --agency 机关ID --year 年度 [--json] [--to ${RENDER_FORMATS.join("|")} -o 输出文件]\n`;

/** A positive whole number from an option, or null. */
function wholeNumber(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

/** Runs `gongkai report …`; returns the exit status (1 when the report has an error finding). */
export async function runReport(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "build") {
    io.err(REPORT_USAGE);
    return 2;
  }
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
  const agencyId = wholeNumber(values.agency);
  const year = wholeNumber(values.year);
  const to = values.to as RenderFormat | undefined;
  const badFormat = to !== undefined && (!RENDER_FORMATS.includes(to) || !values.output);
  if (agencyId === null || year === null || year < 2008 || year > 9999 || badFormat) {
    io.err(REPORT_USAGE);
    return 2;
  }
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
