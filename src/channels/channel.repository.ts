/**
 * SQL of publishing channels (the portal and new-media accounts) and of their posts, with the yearly
 * counts per channel.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";
import type { ChannelPostTable, ChannelTable } from "../db/schema-publications.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** The kinds of channel, with their Chinese names. */
export const CHANNEL_KINDS = {
  portal: "门户网站",
  wechat: "微信公众号",
  weibo: "微博",
  toutiao: "今日头条",
  other: "其他",
} as const;

/** A channel kind. */
export type ChannelKind = keyof typeof CHANNEL_KINDS;

/** The name of the portal channel every agency has. */
export const PORTAL_CHANNEL_NAME = "政府信息公开专栏";

/** A channel as the API shows it. */
export interface Channel {
  readonly id: number;
  readonly agencyId: number;
  readonly kind: ChannelKind;
  readonly name: string;
  readonly account: string;
  /** Whether its 留言/评论/私信 function works, as the office last checked it (N-2). */
  readonly interactive: boolean;
  /** The day that was last checked, or null. */
  readonly interactiveCheckedOn: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A post as the API shows it. */
export interface ChannelPost {
  readonly id: number;
  readonly channelId: number;
  readonly publicationId: number | null;
  readonly title: string;
  readonly url: string;
  readonly postedAt: string;
  readonly postedOn: string;
  readonly source: "entered" | "import" | "portal";
  readonly createdAt: string;
}

/** What a new post records. */
export interface PostValues {
  readonly channelId: number;
  readonly publicationId: number | null;
  readonly title: string;
  readonly url: string;
  readonly postedAt: string;
  readonly postedOn: string;
  readonly source: ChannelPost["source"];
}

/** The API shape of a channel row. */
function toChannel(row: Selectable<ChannelTable>): Channel {
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind as ChannelKind,
    name: row.name,
    account: row.account,
    interactive: row.interactive !== 0,
    interactiveCheckedOn: row.interactive_checked_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The API shape of a post row. */
function toPost(row: Selectable<ChannelPostTable>): ChannelPost {
  return {
    id: row.id,
    channelId: row.channel_id,
    publicationId: row.publication_id,
    title: row.title,
    url: row.url,
    postedAt: row.posted_at,
    postedOn: row.posted_on,
    source: row.source as ChannelPost["source"],
    createdAt: row.created_at,
  };
}

/** An agency's channels, the portal first. */
export async function listChannels(db: Db, agencyId: number): Promise<Channel[]> {
  const rows = await db
    .selectFrom("channels")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .orderBy("id")
    .execute();
  const channels = rows.map(toChannel);
  return [...channels.filter((c) => c.kind === "portal"), ...channels.filter((c) => c.kind !== "portal")];
}

/** One channel, or undefined. */
export async function findChannel(db: Db, id: number): Promise<Channel | undefined> {
  const row = await db.selectFrom("channels").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toChannel(row) : undefined;
}

/** Inserts a channel. */
export async function insertChannel(
  trx: Transaction<Schema>,
  agencyId: number,
  values: { kind: ChannelKind; name: string; account: string },
  now: string,
): Promise<Channel> {
  const row = await trx
    .insertInto("channels")
    .values({ agency_id: agencyId, ...values, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toChannel(row);
}

/** Writes a channel's name, account and interaction check. */
export async function updateChannel(
  trx: Transaction<Schema>,
  id: number,
  values: { name: string; account: string; interactive: boolean; interactiveCheckedOn: string | null },
  now: string,
): Promise<Channel> {
  const row = await trx
    .updateTable("channels")
    .set({
      name: values.name,
      account: values.account,
      interactive: values.interactive ? 1 : 0,
      interactive_checked_on: values.interactiveCheckedOn,
      updated_at: now,
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toChannel(row);
}

/** The agency's portal channel, inserted when it has none yet. */
export async function portalChannel(
  trx: Transaction<Schema>,
  agencyId: number,
  now: string,
): Promise<Channel> {
  const found = await trx
    .selectFrom("channels")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("kind", "=", "portal")
    .executeTakeFirst();
  if (found) return toChannel(found);
  return insertChannel(trx, agencyId, { kind: "portal", name: PORTAL_CHANNEL_NAME, account: "" }, now);
}

/** Inserts a post. */
export async function insertPost(
  trx: Transaction<Schema>,
  agencyId: number,
  values: PostValues,
  now: string,
): Promise<ChannelPost> {
  const row = await trx
    .insertInto("channel_posts")
    .values({
      agency_id: agencyId,
      channel_id: values.channelId,
      publication_id: values.publicationId,
      title: values.title,
      url: values.url,
      posted_at: values.postedAt,
      posted_on: values.postedOn,
      source: values.source,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPost(row);
}

/** The posts carrying an item, oldest first. */
export async function postsOfPublication(db: Db, publicationId: number): Promise<ChannelPost[]> {
  const rows = await db
    .selectFrom("channel_posts")
    .selectAll()
    .where("publication_id", "=", publicationId)
    .orderBy("posted_at")
    .execute();
  return rows.map(toPost);
}

/** The id and status of every catalog item of an agency (to check the items posts link to). */
export async function publicationStatuses(
  db: Db,
  agencyId: number,
): Promise<{ id: number; status: string }[]> {
  return db.selectFrom("publications").select(["id", "status"]).where("agency_id", "=", agencyId).execute();
}

/** The URLs of a channel's posts among `urls` (to refuse duplicates before inserting). */
export async function existingPostUrls(
  db: Db,
  channelId: number,
  urls: readonly string[],
): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const rows = await db
    .selectFrom("channel_posts")
    .select("url")
    .where("channel_id", "=", channelId)
    .where("url", "in", [...urls])
    .execute();
  return new Set(rows.map((r) => r.url));
}

/** Posts per channel of an agency in a year: channel id → count. */
export async function postCounts(db: Db, agencyId: number, year: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("channel_posts")
    .select(["channel_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("agency_id", "=", agencyId)
    .where("posted_on", ">=", `${year}-01-01`)
    .where("posted_on", "<=", `${year}-12-31`)
    .groupBy("channel_id")
    .execute();
  return new Map(rows.map((r) => [r.channel_id, Number(r.n)]));
}

/** A page of a channel's posts, newest first, and the total. */
export async function listPosts(
  db: Db,
  channelId: number,
  year: number | undefined,
  page: { page: number; pageSize: number },
): Promise<{ posts: ChannelPost[]; total: number }> {
  let q = db.selectFrom("channel_posts").where("channel_id", "=", channelId);
  if (year !== undefined)
    q = q.where("posted_on", ">=", `${year}-01-01`).where("posted_on", "<=", `${year}-12-31`);
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy("posted_at", "desc")
    .orderBy("id", "desc")
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { posts: rows.map(toPost), total: Number(total.n) };
}
