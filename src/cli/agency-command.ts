/**
 * `gongkai agency list [--json]`: the agencies, parents before children (id, name, parentId, creditCode).
 */
import { parseArgs } from "node:util";
import { listAgencies } from "../agencies/agency.service.ts";
import { withCliDatabase } from "./cli-database.ts";
import type { CommandIo } from "./command-io.ts";
import { UsageError, withUsage } from "./command-line.ts";
import { formatTable } from "./terminal-table.ts";

/** Usage of the agency commands. */
export const AGENCY_USAGE = "用法：gongkai agency list [--json]\n";

/** Runs `gongkai agency …`; returns the exit status. */
export async function runAgency(args: readonly string[], io: CommandIo): Promise<number> {
  return withUsage(args, io, AGENCY_USAGE, () => agency(args, io));
}

/** The agency command once help was handled; bad arguments throw UsageError. */
async function agency(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "list") throw new UsageError(sub === undefined ? "缺少子命令 list" : `不认识的子命令“${sub}”`);
  const { values } = parseArgs({ args: [...rest], options: { json: { type: "boolean" } }, strict: true });
  return withCliDatabase(io, async (database) => {
    const agencies = await listAgencies(database);
    const rows = agencies.map((a) => ({
      id: a.id,
      name: a.name,
      parentId: a.parentId,
      creditCode: a.creditCode,
    }));
    if (values.json) {
      io.out(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      io.out("尚无机关\n");
      return 0;
    }
    const table = rows.map((r) => [
      String(r.id),
      r.name,
      r.parentId === null ? "—" : String(r.parentId),
      r.creditCode,
    ]);
    io.out(`${formatTable(["ID", "名称", "上级机关ID", "统一社会信用代码"], table)}\n`);
    return 0;
  });
}
