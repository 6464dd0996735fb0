/**
 * The channel API's answers: channels, their posts and yearly counts, imports and 回应关注 records.
 */
import { type Static, Type } from "@sinclair/typebox";
import { CHANNEL_KIND_KEYS, POST_SOURCES } from "../core/channel/channel-vocabulary.ts";
import { DateText, ErrorBody, Id, Instant, Nullable } from "./common.contract.ts";

/** A kind of channel (portal, wechat, weibo, toutiao, other). */
export const ChannelKind = Type.Union(CHANNEL_KIND_KEYS.map((k) => Type.Literal(k)));
export type ChannelKind = Static<typeof ChannelKind>;

/** A channel: the portal or a new-media account. */
export const Channel = Type.Object({
  id: Id,
  agencyId: Id,
  kind: ChannelKind,
  name: Type.String(),
  account: Type.String(),
  /** Whether its 留言/评论/私信 function works (N-2), and the day that was last checked. */
  interactive: Type.Boolean(),
  interactiveCheckedOn: Nullable(DateText),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Channel = Static<typeof Channel>;

/** Answer of GET /api/channels. */
export const ChannelList = Type.Object({ channels: Type.Array(Channel) });
export type ChannelList = Static<typeof ChannelList>;

/** A post on a channel. */
export const ChannelPost = Type.Object({
  id: Id,
  channelId: Id,
  publicationId: Nullable(Id),
  title: Type.String(),
  url: Type.String(),
  postedAt: Type.String(),
  postedOn: DateText,
  source: Type.Union(POST_SOURCES.map((s) => Type.Literal(s))),
  createdAt: Instant,
});
export type ChannelPost = Static<typeof ChannelPost>;

/** Answer of GET /api/channels/:id/posts: one page, newest first, and the total. */
export const ChannelPostPage = Type.Object({ posts: Type.Array(ChannelPost), total: Type.Integer() });
export type ChannelPostPage = Static<typeof ChannelPostPage>;

/** Answer of POST /api/channels/posts: the posts recorded. */
export const PostsRecorded = Type.Object({ posts: Type.Array(ChannelPost) });
export type PostsRecorded = Static<typeof PostsRecorded>;

/** Answer of POST /api/channels/posts/import: how many posts were imported. */
export const PostsImported = Type.Object({ imported: Type.Integer() });
export type PostsImported = Static<typeof PostsImported>;

/** Answer of GET /api/channels/counts: posts per channel in a year. */
export const ChannelCounts = Type.Object({
  year: Type.Integer(),
  counts: Type.Array(
    Type.Object({ channelId: Id, kind: ChannelKind, name: Type.String(), posts: Type.Integer() }),
  ),
});
export type ChannelCounts = Static<typeof ChannelCounts>;

/** A row an import refused: its line in the sheet (or body) and why. */
export const RejectedRow = Type.Object({ row: Type.Integer(), message: Type.String() });
export type RejectedRow = Static<typeof RejectedRow>;

/** A 422 of an import: IMPORT_INVALID lists every bad row; other refusals carry no rows. */
export const ImportRefusal = Type.Object({
  ...ErrorBody.properties,
  rows: Type.Optional(Type.Array(RejectedRow)),
});
export type ImportRefusal = Static<typeof ImportRefusal>;

/** Answer of POST /api/channels/:id/responses: how many 回应关注 records were saved. */
export const ResponsesRecorded = Type.Object({ channelId: Id, recorded: Type.Integer() });
export type ResponsesRecorded = Static<typeof ResponsesRecorded>;
