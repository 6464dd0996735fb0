/**
 * `watchSite`: after an export, polls the audit trail every few seconds and re-exports only the agencies
 * touched since the last pass (with the portal pages), writing only changed files; when the Shanghai date
 * turns, every agency in scope is exported again (the decision pages hide decisions past their display period).
 */

import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import type { Database } from "../db/database.ts";
import { lastTrailSeq, trailChangesSince } from "./site-changes.repository.ts";
import { type ExportSummary, exportSite } from "./site-export.service.ts";

/** How to watch. */
export interface WatchOptions {
  readonly root: string;
  readonly origin: string;
  /** Only this agency (and the portal pages); all agencies when absent. */
  readonly agencyId?: number;
  /** Time between two looks at the trail. */
  readonly intervalMs: number;
  /** Stops the watch (after the pass under way). */
  readonly signal: AbortSignal;
  /** Receives one Chinese line per pass. */
  readonly report: (line: string) => void;
  /** The trail's seq the first export saw (changes after it are exported by the first pass). */
  readonly since: number;
  /** Today in Asia/Shanghai (for tests); defaults to the clock. */
  readonly today?: () => string;
}

/** The trail's current seq, to take before an export that a watch follows. */
export function trailPosition(database: Database): Promise<number> {
  return lastTrailSeq(database.db);
}

/** The Chinese line of one pass. */
export function passLine(agencyIds: readonly number[] | "all", summary: ExportSummary): string {
  const time = new Date().toLocaleTimeString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });
  const what =
    agencyIds === "all"
      ? "全部机关"
      : agencyIds.length === 0
        ? "门户页面"
        : `机关 ${agencyIds.join("、")} 及门户页面`;
  const failed = summary.failed.length > 0 ? `；${summary.failed.length} 个地址出错，稍后重试` : "";
  return `${time} 已更新${what}：写入 ${summary.written} 个文件，删除 ${summary.removed} 个文件（${summary.seconds.toFixed(1)} 秒）${failed}\n`;
}

/** Runs passes until `signal` aborts; resolves then. */
export async function watchSite(
  app: FastifyInstance,
  database: Database,
  options: WatchOptions,
): Promise<void> {
  const today = options.today ?? (() => shanghaiDate());
  let seq = options.since;
  let day = today();
  while (!options.signal.aborted) {
    await sleep(options.intervalMs, undefined, { signal: options.signal }).catch(() => undefined);
    if (options.signal.aborted) return;
    const changes = await trailChangesSince(database.db, seq);
    const newDay = today() !== day;
    if (changes.last === seq && !newDay) continue;
    const only = options.agencyId;
    const agencyIds: readonly number[] | undefined = newDay
      ? only === undefined
        ? undefined
        : [only]
      : changes.agencyIds.filter((id) => only === undefined || id === only);
    const summary = await exportSite(app, database, {
      root: options.root,
      origin: options.origin,
      ...(agencyIds ? { agencyIds } : {}),
    });
    options.report(passLine(agencyIds ?? "all", summary));
    // After a server error the same changes are exported again by the next pass.
    if (summary.failed.length > 0) continue;
    seq = changes.last;
    day = today();
  }
}
