/**
 * How the channel pages name things and read the server's answers: channel kinds, the rejected rows of a
 * refused import, and the year's counts joined to the registered channels.
 */
import type { Channel, ChannelCounts, ChannelKind, RejectedRow } from "../api/publication-types.ts";

/** The Chinese name of each channel kind. */
export const CHANNEL_KIND_LABELS: Readonly<Record<ChannelKind, string>> = {
  portal: "门户网站",
  wechat: "微信公众号",
  weibo: "微博",
  toutiao: "今日头条",
  other: "其他",
};

/** The kinds a new account may have (the portal channel exists already). */
export const NEW_CHANNEL_KINDS: readonly { value: Exclude<ChannelKind, "portal">; label: string }[] = [
  { value: "wechat", label: "微信公众号" },
  { value: "weibo", label: "微博" },
  { value: "toutiao", label: "今日头条" },
  { value: "other", label: "其他" },
];

/** The rejected rows listed in a refused import's answer (422 IMPORT_INVALID), sorted by row; [] otherwise. */
export function rejectedRowsOf(body: unknown): RejectedRow[] {
  if (typeof body !== "object" || body === null) return [];
  const rows = (body as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) return [];
  return rows
    .filter(
      (r): r is RejectedRow =>
        typeof r === "object" &&
        r !== null &&
        typeof (r as RejectedRow).row === "number" &&
        typeof (r as RejectedRow).message === "string",
    )
    .map((r) => ({ row: r.row, message: r.message }))
    .sort((a, b) => a.row - b.row);
}

/** A channel with its post count of the year (0 when it has none). */
export interface ChannelWithCount extends Channel {
  readonly posts: number;
}

/** The channels with their counts, the portal first, then by kind and name. */
export function channelsWithCounts(
  channels: readonly Channel[],
  counts: ChannelCounts | null,
): ChannelWithCount[] {
  const byId = new Map((counts?.counts ?? []).map((c) => [c.channelId, c.posts]));
  const order = Object.keys(CHANNEL_KIND_LABELS);
  return channels
    .map((c) => ({ ...c, posts: byId.get(c.id) ?? 0 }))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name, "zh-CN"));
}
