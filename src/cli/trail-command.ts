/**
 * `gongkai trail verify`: recomputes the audit trail's hash chain; exit 0 when intact, 1 at the first
 * entry that was edited or whose predecessor was edited or deleted.
 */
import { verifyTrail } from "../trail/trail.repository.ts";
import type { CommandIo } from "./audit-command.ts";
import { withCliDatabase } from "./cli-database.ts";

/** Usage of the trail commands. */
export const TRAIL_USAGE = "用法：gongkai trail verify\n";

/** Runs `gongkai trail …`; returns the exit status. */
export async function runTrail(args: readonly string[], io: CommandIo): Promise<number> {
  if (args.length !== 1 || args[0] !== "verify") {
    io.err(TRAIL_USAGE);
    return 2;
  }
  return withCliDatabase(io, async (database) => {
    const result = await verifyTrail(database.db);
    if (result.ok) {
      io.out(`审计记录完整：共 ${result.checked} 条\n`);
      return 0;
    }
    io.out(`审计记录在第 ${result.firstBroken?.seq} 条处被篡改：${result.firstBroken?.reason}\n`);
    return 1;
  });
}
