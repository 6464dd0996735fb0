/**
 * Posts as entered or imported, row by row: the time of a post (Asia/Shanghai wall-clock time or an ISO
 * instant) turned into an instant and its calendar day, and the problems of each row listed with its number.
 */
import { parseDate } from "../core/calendar/calendar-date.ts";
import type { Channel } from "./channel.repository.ts";

/** A post ready to be stored. */
export interface PostRow {
  readonly channelId: number;
  readonly publicationId: number | null;
  readonly title: string;
  readonly url: string;
  readonly postedAt: string;
  readonly postedOn: string;
  /** The row number in the imported file, when the post came from one. */
  readonly line?: number;
}

/** A problem of one row (1-based row number as in the file, the header being row 1). */
export interface RowProblem {
  readonly row: number;
  readonly message: string;
}

/** A post's time read as an instant and its Asia/Shanghai calendar day, or undefined when unreadable. */
export function readPostTime(text: string): { postedAt: string; postedOn: string } | undefined {
  const t = text.trim();
  const local = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (local) {
    const day = local[1] as string;
    try {
      parseDate(day);
    } catch {
      return undefined;
    }
    const [h, m, s] = [Number(local[2] ?? 0), Number(local[3] ?? 0), Number(local[4] ?? 0)];
    if (h > 23 || m > 59 || s > 59) return undefined;
    const utc = Date.parse(`${day}T00:00:00Z`) + ((h - 8) * 3600 + m * 60 + s) * 1000;
    return { postedAt: new Date(utc).toISOString(), postedOn: day };
  }
  if (!/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:\d{2})$/.test(t)) return undefined;
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return undefined;
  return {
    postedAt: new Date(ms).toISOString(),
    postedOn: new Date(ms + 8 * 3600_000).toISOString().slice(0, 10),
  };
}

/** Whether a URL is an absolute http(s) URL. */
export function isPostUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "https:" || parsed.protocol === "http:") && url.length <= 1000;
  } catch {
    return false;
  }
}

/** What row checking needs to know. */
export interface RowContext {
  readonly channels: ReadonlyMap<number, Channel>;
  readonly published: ReadonlySet<number>;
  /** URLs already recorded, per channel. */
  readonly taken: ReadonlyMap<number, ReadonlySet<string>>;
}

/** The problems of the rows (empty when every row may be recorded); rows are numbered from 2. */
export function postRowProblems(rows: readonly PostRow[], context: RowContext): RowProblem[] {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const n = row.line ?? i + 2;
    const channel = context.channels.get(row.channelId);
    if (!channel) problems.push({ row: n, message: "发布渠道不存在或不属于本机关" });
    else if (channel.kind === "portal")
      problems.push({ row: n, message: "门户网站的发布记录由平台在发布时自动生成" });
    if (!isPostUrl(row.url)) problems.push({ row: n, message: "链接须为以 http:// 或 https:// 开头的网址" });
    if (row.publicationId !== null && !context.published.has(row.publicationId)) {
      problems.push({ row: n, message: "关联的信息不存在或尚未发布" });
    }
    const key = `${row.channelId} ${row.url}`;
    if (seen.has(key) || context.taken.get(row.channelId)?.has(row.url)) {
      problems.push({ row: n, message: "该渠道已有相同链接的发布记录" });
    }
    seen.add(key);
  });
  return problems;
}
