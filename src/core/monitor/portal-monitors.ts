/**
 * The portal and new-media monitors of 国办秘函〔2019〕19号 (rules.md §6: W-2 … W-6, N-1, N-2) as pure
 * functions of dates and counts; "today" is passed in. Each gives an early warning before its threshold.
 */
import { parseDate } from "../calendar/calendar-date.ts";
import { levelOf, type MonitorVerdict } from "./monitor-verdict.ts";

/** Days since `date` up to `today` (null date: never, counted as `Infinity`). */
function daysSince(date: string | null, today: string): number {
  return date === null ? Number.POSITIVE_INFINITY : parseDate(today) - parseDate(date);
}

/** A finite measure for display (never: the threshold plus one). */
function shown(value: number, threshold: number): number {
  return Number.isFinite(value) ? value : threshold + 1;
}

/** W-2 [S]: no new item on the home page for 2 weeks (14 days); warning from day 10. Undated items do not count. */
export function homePageStale(lastHomeItemOn: string | null, today: string): MonitorVerdict {
  const days = daysSince(lastHomeItemOn, today);
  const level = levelOf(days, 10, 15);
  return {
    rule: "W-2",
    name: "首页栏目更新",
    level,
    value: shown(days, 14),
    threshold: 14,
    items: [],
    text:
      lastHomeItemOn === null
        ? "首页没有任何带日期的信息，按未更新计"
        : `首页最近一条信息发布于 ${lastHomeItemOn}，已 ${days} 天未更新（超过 2 周即单项否决）`,
  };
}

/** A column as W-3 … W-5 see it. */
export interface WatchedColumn {
  readonly id: number;
  readonly name: string;
  /**
   * "news" (动态、要闻类: 2 weeks), "notice" (通知公告、政策文件类 first-level columns: 6 months), or "periodic"
   * (a column with its own expected cadence in days), or "static" (no cadence: guide, rules …).
   */
  readonly kind: "news" | "notice" | "periodic" | "static";
  /** For "periodic": the expected number of days between issues (e.g. 7 for a weekly bulletin). */
  readonly cadenceDays?: number;
  readonly lastItemOn: string | null;
  readonly itemCount: number;
}

/** The days after which a column of this kind is stale, or null when it has no cadence. */
function staleAfter(column: WatchedColumn): number | null {
  if (column.kind === "news") return 14;
  if (column.kind === "notice") return 183;
  if (column.kind === "periodic") return column.cadenceDays ?? null;
  return null;
}

/** W-3 [S]: 动态/要闻 not updated for 2 weeks plus 通知公告/政策文件 not for 6 months: ≥ 5 in total; warning at 3. */
export function columnsNotUpdated(columns: readonly WatchedColumn[], today: string): MonitorVerdict {
  const stale = columns.filter(
    (c) =>
      (c.kind === "news" || c.kind === "notice") && daysSince(c.lastItemOn, today) > (staleAfter(c) ?? 0),
  );
  return {
    rule: "W-3",
    name: "栏目不更新",
    level: levelOf(stale.length, 3, 5),
    value: stale.length,
    threshold: 5,
    items: stale.map((c) => c.id),
    text: `动态要闻类栏目超过 2 周、通知公告和政策文件类栏目超过 6 个月未更新的共 ${stale.length} 个（累计 5 个即单项否决）${stale.length ? `：${stale.map((c) => c.name).join("、")}` : ""}`,
  };
}

/** W-4 [S]: ≥ 10 columns that should be updated (any column with a cadence) but are not; warning at 6. */
export function columnsLongStale(columns: readonly WatchedColumn[], today: string): MonitorVerdict {
  const stale = columns.filter((c) => {
    const limit = staleAfter(c);
    return limit !== null && daysSince(c.lastItemOn, today) > limit;
  });
  return {
    rule: "W-4",
    name: "应更新未更新栏目",
    level: levelOf(stale.length, 6, 10),
    value: stale.length,
    threshold: 10,
    items: stale.map((c) => c.id),
    text: `应更新但未按期更新的栏目 ${stale.length} 个（达到 10 个即单项否决）${stale.length ? `：${stale.map((c) => c.name).join("、")}` : ""}`,
  };
}

/** W-5 [S]: ≥ 5 columns with no content (空白栏目); warning at 3. */
export function emptyColumns(columns: readonly WatchedColumn[]): MonitorVerdict {
  const empty = columns.filter((c) => c.itemCount === 0 && c.kind !== "static");
  return {
    rule: "W-5",
    name: "空白栏目",
    level: levelOf(empty.length, 3, 5),
    value: empty.length,
    threshold: 5,
    items: empty.map((c) => c.id),
    text: `没有任何内容的栏目 ${empty.length} 个（达到 5 个即单项否决）${empty.length ? `：${empty.map((c) => c.name).join("、")}` : ""}`,
  };
}

/** W-6 [S]: a working online channel for 咨询/建议 (信访 and 纪检举报 do not count): the message board is open. */
export function consultationChannel(boardOpen: boolean): MonitorVerdict {
  return {
    rule: "W-6",
    name: "互动交流渠道",
    level: boardOpen ? "ok" : "breach",
    value: boardOpen ? 1 : 0,
    threshold: 1,
    items: [],
    text: boardOpen ? "网民留言（政务咨询、意见建议）栏目正常开放" : "没有可用的政务咨询、意见建议在线渠道",
  };
}

/** A new-media account as N-1 and N-2 see it. */
export interface WatchedAccount {
  readonly id: number;
  readonly name: string;
  readonly lastPostOn: string | null;
  /** Whether its 留言/评论/私信 function works (as the office last checked it). */
  readonly interactive: boolean;
}

/** N-1 [S]: an account with no post for 2 weeks; warning from day 10. One verdict for all accounts. */
export function silentAccounts(accounts: readonly WatchedAccount[], today: string): MonitorVerdict {
  const silent = accounts.filter((a) => daysSince(a.lastPostOn, today) > 14);
  const close = accounts.filter((a) => {
    const d = daysSince(a.lastPostOn, today);
    return d >= 10 && d <= 14;
  });
  const level = silent.length > 0 ? "breach" : close.length > 0 ? "warning" : "ok";
  return {
    rule: "N-1",
    name: "政务新媒体更新",
    level,
    value: silent.length,
    threshold: 1,
    items: (silent.length > 0 ? silent : close).map((a) => a.id),
    text:
      silent.length > 0
        ? `超过 2 周未发布信息的账号：${silent.map((a) => a.name).join("、")}`
        : close.length > 0
          ? `即将满 2 周未发布信息的账号：${close.map((a) => a.name).join("、")}`
          : "各政务新媒体账号 2 周内均有更新",
  };
}

/** N-2 [S]: an account without a working 留言/评论/私信 function. */
export function nonInteractiveAccounts(accounts: readonly WatchedAccount[]): MonitorVerdict {
  const closed = accounts.filter((a) => !a.interactive);
  return {
    rule: "N-2",
    name: "政务新媒体互动功能",
    level: closed.length > 0 ? "breach" : "ok",
    value: closed.length,
    threshold: 1,
    items: closed.map((a) => a.id),
    text:
      closed.length > 0
        ? `没有可用留言、评论或私信功能的账号：${closed.map((a) => a.name).join("、")}`
        : "各账号的互动功能均正常",
  };
}
