/**
 * The vocabularies of publishing channels: the kinds of channel and where a recorded post came from.
 */

/** The kinds of channel: the portal, 微信公众号, 微博, 今日头条 and other new media. */
export const CHANNEL_KIND_KEYS = ["portal", "wechat", "weibo", "toutiao", "other"] as const;

/** A kind of channel. */
export type ChannelKindKey = (typeof CHANNEL_KIND_KEYS)[number];

/** Where a post came from: entered by staff, imported from a sheet, or the portal's own publication. */
export const POST_SOURCES = ["entered", "import", "portal"] as const;

/** The source of a post. */
export type PostSource = (typeof POST_SOURCES)[number];
