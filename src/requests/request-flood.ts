/**
 * The online request form's flood limit per sender address (issue #9 item 11): at most `perTenMinutes`
 * requests in any 10 minutes and `perDay` in any 24 hours. The count is kept in the database (form_posts),
 * so several instances sharing PostgreSQL enforce one limit, and the check and the record happen under the
 * sender's lock in the transaction that stores the request: parallel posts cannot all pass, and a refused
 * post stores nothing — neither the request nor its attachments.
 */
import type { Kysely, Transaction } from "kysely";
import { errorFactory } from "../core/domain-error.ts";
import type { Database, Dialect } from "../db/database.ts";
import {
  countFormPosts,
  insertFormPost,
  lockFormSender,
  pruneFormPosts,
} from "../db/form-post.repository.ts";
import { installationSecret } from "../db/installation-secret.repository.ts";
import type { Schema } from "../db/schema.ts";
import { senderHashOf } from "../web/sender-hash.ts";

/** The limits of one sender address. */
export interface RequestFloodLimits {
  readonly perTenMinutes: number;
  readonly perDay: number;
}

/**
 * Defaults: 5 in 10 minutes, 20 a day. A person files one request at a time (each takes minutes to write and
 * needs an identity document); even a law firm or a company behind one address rarely files more than a
 * handful in a day, and 条例第三十五条 treats numbers well beyond that as unreasonable anyway.
 */
export const REQUEST_FLOOD_LIMITS: RequestFloodLimits = { perTenMinutes: 5, perDay: 20 };

/** The form name the online request form's posts are counted under. */
const FORM = "request";
const TEN_MINUTES_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The flood refusal. */
export const REQUEST_FLOOD_ERRORS = {
  REQUEST_FLOOD: { status: 429, message: "提交过于频繁，请稍后再试" },
} as const;

const fail = errorFactory(REQUEST_FLOOD_ERRORS);

/** The refusal, saying the limits. */
function floodError(limits: RequestFloodLimits) {
  return fail(
    "REQUEST_FLOOD",
    `提交过于频繁，请稍后再试：同一网络地址每 10 分钟最多提交 ${limits.perTenMinutes} 份申请，每天最多 ${limits.perDay} 份。`,
  );
}

/** The limits from GONGKAI_REQUEST_LIMIT_10MIN and GONGKAI_REQUEST_LIMIT_DAY (positive integers), else the defaults. */
export function requestFloodLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RequestFloodLimits {
  const read = (name: string, fallback: number) => {
    const value = env[name]?.trim();
    if (!value) return fallback;
    if (!/^[1-9]\d{0,5}$/.test(value)) throw new Error(`${name} 应为正整数，现为“${value}”`);
    return Number(value);
  };
  return {
    perTenMinutes: read("GONGKAI_REQUEST_LIMIT_10MIN", REQUEST_FLOOD_LIMITS.perTenMinutes),
    perDay: read("GONGKAI_REQUEST_LIMIT_DAY", REQUEST_FLOOD_LIMITS.perDay),
  };
}

/** Whether the sender is at a limit already: a cheap look before the form's files are read. */
export async function requestFloodReached(
  db: Kysely<Schema> | Transaction<Schema>,
  senderHash: string,
  now: Date,
  limits: RequestFloodLimits,
): Promise<boolean> {
  const day = await countFormPosts(db, FORM, senderHash, new Date(now.getTime() - DAY_MS).toISOString());
  if (day >= limits.perDay) return true;
  const recent = await countFormPosts(
    db,
    FORM,
    senderHash,
    new Date(now.getTime() - TEN_MINUTES_MS).toISOString(),
  );
  return recent >= limits.perTenMinutes;
}

/** Refuses a post over the limits; else records it. Inside the transaction that stores the request. */
export async function reserveRequestPost(
  trx: Transaction<Schema>,
  dialect: Dialect,
  senderHash: string,
  now: Date,
  limits: RequestFloodLimits,
): Promise<void> {
  await lockFormSender(trx, dialect, FORM, senderHash);
  if (await requestFloodReached(trx, senderHash, now, limits)) throw floodError(limits);
  await pruneFormPosts(trx, new Date(now.getTime() - DAY_MS).toISOString());
  await insertFormPost(trx, FORM, senderHash, now.toISOString());
}

/** Refuses at once a sender already at a limit, before the form and its files are read (no lock, no record). */
export async function refuseRequestFlood(
  database: Database,
  ip: string,
  now: Date,
  limits: RequestFloodLimits,
): Promise<void> {
  const senderHash = senderHashOf(await installationSecret(database.db), ip);
  if (await requestFloodReached(database.db, senderHash, now, limits)) throw floodError(limits);
}
