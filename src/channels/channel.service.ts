/**
 * Channel commands and queries: an agency registers its new-media accounts (the portal channel is kept by
 * the platform); posts are entered one by one or imported (all rows valid or nothing imported); counts per
 * channel per year feed the annual report's section 一.
 */
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { parseDate } from "../core/calendar/calendar-date.ts";
import { DomainError } from "../core/domain-error.ts";
import { failPublication } from "../core/publication/publication-errors.ts";
import type { Database } from "../db/database.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import {
  type Channel,
  type ChannelKind,
  type ChannelPost,
  existingPostUrls,
  findChannel,
  insertChannel,
  insertPost,
  listChannels,
  portalChannel,
  postCounts,
  publicationStatuses,
  updateChannel,
} from "./channel.repository.ts";
import { type PostRow, postRowProblems, type RowProblem } from "./post-rows.ts";

/** A channel with its number of posts in a year. */
export interface ChannelCount {
  readonly channelId: number;
  readonly kind: ChannelKind;
  readonly name: string;
  readonly posts: number;
}

/** Runs a write, turning a duplicate channel name into 409 DUPLICATE_CHANNEL. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown; constraint?: unknown };
    const where = `${String(e?.constraint ?? "")} ${String(e?.message ?? "")}`;
    if ((e?.code === "23505" || e?.code === "SQLITE_CONSTRAINT_UNIQUE") && where.includes("name")) {
      throw failPublication("DUPLICATE_CHANNEL");
    }
    throw error;
  }
}

/** An agency's channels (the portal channel created on first use). */
export async function agencyChannels(database: Database, agencyId: number): Promise<Channel[]> {
  const channels = await listChannels(database.db, agencyId);
  if (channels.some((c) => c.kind === "portal")) return channels;
  await database.db.transaction().execute((trx) => portalChannel(trx, agencyId, new Date().toISOString()));
  return listChannels(database.db, agencyId);
}

/** Registers a new-media account. */
export async function registerChannel(
  database: Database,
  agencyId: number,
  input: { kind: Exclude<ChannelKind, "portal">; name: string; account?: string },
  actor: Actor,
): Promise<Channel> {
  const name = input.name.trim();
  if (name === "") throw new DomainError("INVALID_INPUT", "渠道名称不能为空");
  return uniqueName(() =>
    database.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const channel = await insertChannel(
        trx,
        agencyId,
        { kind: input.kind, name, account: (input.account ?? "").trim() },
        now,
      );
      await recordChange(trx, database.dialect, actor, {
        agencyId,
        action: "channel.create",
        entityType: "channel",
        entityId: channel.id,
        after: channel,
        at: now,
      });
      return channel;
    }),
  );
}

/** Whether a day is a real date not after today (Asia/Shanghai). */
function isCheckDay(day: string): boolean {
  try {
    parseDate(day);
  } catch {
    return false;
  }
  return day <= shanghaiDate();
}

/**
 * Renames a new-media account, changes its account name or records whether its 留言/评论/私信 function works
 * (N-2) and on which day that was checked (today when a new answer comes without a day); the portal is fixed.
 */
export async function changeChannel(
  database: Database,
  id: number,
  input: { name?: string; account?: string; interactive?: boolean; interactiveCheckedOn?: string | null },
  actor: Actor,
): Promise<Channel> {
  const before = await findChannel(database.db, id);
  if (!before) throw new DomainError("NOT_FOUND");
  if (before.kind === "portal") throw failPublication("PORTAL_CHANNEL_FIXED");
  const name = (input.name ?? before.name).trim();
  if (name === "") throw new DomainError("INVALID_INPUT", "渠道名称不能为空");
  const checkedOn =
    input.interactiveCheckedOn !== undefined
      ? input.interactiveCheckedOn
      : input.interactive !== undefined
        ? shanghaiDate()
        : before.interactiveCheckedOn;
  if (checkedOn !== null && !isCheckDay(checkedOn))
    throw new DomainError("INVALID_DATE", "检查日期应为不晚于今天的实际日期（YYYY-MM-DD）");
  return uniqueName(() =>
    database.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const after = await updateChannel(
        trx,
        id,
        {
          name,
          account: (input.account ?? before.account).trim(),
          interactive: input.interactive ?? before.interactive,
          interactiveCheckedOn: checkedOn,
        },
        now,
      );
      await recordChange(trx, database.dialect, actor, {
        agencyId: before.agencyId,
        action: "channel.update",
        entityType: "channel",
        entityId: id,
        before,
        after,
        at: now,
      });
      return after;
    }),
  );
}

/**
 * Records posts on an agency's channels: every row is checked (channel of the agency, URL, time, linked
 * item of the agency, no duplicate URL) and either all are inserted in one transaction or none is, with the
 * problems of every bad row listed (422 IMPORT_INVALID, `rows`).
 */
export async function recordPosts(
  database: Database,
  agencyId: number,
  rows: readonly PostRow[],
  source: "entered" | "import",
  actor: Actor,
  unreadable: readonly RowProblem[] = [],
): Promise<ChannelPost[]> {
  const channels = await agencyChannels(database, agencyId);
  const known = new Map<number, Channel>(channels.map((c) => [c.id, c]));
  const items = await publicationStatuses(database.db, agencyId);
  const published = new Set(items.filter((i) => i.status === "published").map((i) => i.id));
  return database.db.transaction().execute(async (trx) => {
    const taken = new Map<number, Set<string>>();
    for (const channel of channels) {
      const urls = rows.filter((r) => r.channelId === channel.id).map((r) => r.url);
      taken.set(channel.id, await existingPostUrls(trx, channel.id, urls));
    }
    const problems = [...unreadable, ...postRowProblems(rows, { channels: known, published, taken })].sort(
      (a, b) => a.row - b.row,
    );
    if (problems.length > 0) {
      const error = failPublication("IMPORT_INVALID", `导入文件有 ${problems.length} 处错误，未导入任何记录`);
      Object.assign(error, { rows: problems });
      throw error;
    }
    const now = new Date().toISOString();
    const posts: ChannelPost[] = [];
    for (const { line: _line, ...row } of rows)
      posts.push(await insertPost(trx, agencyId, { ...row, source }, now));
    await recordChange(trx, database.dialect, actor, {
      agencyId,
      action: source === "import" ? "channel.importPosts" : "channel.addPost",
      entityType: "channel_post",
      entityId: posts[0]?.id ?? 0,
      after: { count: posts.length, ids: posts.map((p) => p.id) },
      at: now,
    });
    return posts;
  });
}

/** The posts per channel of an agency in a year, every channel listed (the portal first). */
export async function listChannelCounts(
  database: Database,
  agencyId: number,
  year: number,
): Promise<ChannelCount[]> {
  const channels = await agencyChannels(database, agencyId);
  const counts = await postCounts(database.db, agencyId, year);
  return channels.map((c) => ({ channelId: c.id, kind: c.kind, name: c.name, posts: counts.get(c.id) ?? 0 }));
}
