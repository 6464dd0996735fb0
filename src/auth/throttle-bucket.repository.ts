/**
 * SQL of the throttle buckets: a bucket row is created if missing and locked (SELECT … FOR UPDATE on
 * PostgreSQL; on SQLite the transaction itself is exclusive, one at a time), so that the reservation of an
 * attempt is read, decided and written by one transaction while parallel ones wait.
 */
import { type Kysely, sql } from "kysely";
import type { BucketState } from "../core/throttle/throttle-policy.ts";
import type { Dialect } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";

/** A bucket's address: its scope and its key within the scope. */
export interface BucketKey {
  readonly scope: string;
  readonly key: string;
}

/**
 * The bucket's state, its row created if missing and locked until the transaction ends; undefined for a
 * new bucket. Call inside a transaction.
 */
export async function lockBucket(
  trx: Kysely<Schema>,
  dialect: Dialect,
  bucket: BucketKey,
  now: string,
): Promise<BucketState | undefined> {
  await trx
    .insertInto("throttle_buckets")
    .values({ scope: bucket.scope, key: bucket.key, failures: 0, blocked_until: null, last_at: now })
    .onConflict((oc) => oc.columns(["scope", "key"]).doNothing())
    .execute();
  const query = trx
    .selectFrom("throttle_buckets")
    .select(["failures", "blocked_until", "last_at"])
    .where("scope", "=", bucket.scope)
    .where("key", "=", bucket.key);
  const row = await (dialect === "postgres" ? query.forUpdate() : query).executeTakeFirstOrThrow();
  if (row.failures === 0 && row.blocked_until === null) return undefined;
  return { failures: Number(row.failures), blockedUntil: row.blocked_until, lastAt: row.last_at };
}

/** Writes a bucket's state (its row exists: lockBucket created it). */
export async function saveBucket(trx: Kysely<Schema>, bucket: BucketKey, state: BucketState): Promise<void> {
  await trx
    .updateTable("throttle_buckets")
    .set({ failures: state.failures, blocked_until: state.blockedUntil, last_at: state.lastAt })
    .where("scope", "=", bucket.scope)
    .where("key", "=", bucket.key)
    .execute();
}

/** Deletes the buckets of `scopes` with no attempt since `before` and no wait running at `now`. */
export async function pruneBuckets(
  db: Kysely<Schema>,
  scopes: readonly string[],
  before: string,
  now: string,
): Promise<void> {
  await db
    .deleteFrom("throttle_buckets")
    .where("scope", "in", scopes)
    .where("last_at", "<", before)
    .where((eb) => eb.or([eb("blocked_until", "is", null), eb("blocked_until", "<=", now)]))
    .execute();
}

/** Deletes a username's sign-in buckets: its account bucket and its account-and-address ones. */
export async function clearLoginBuckets(db: Kysely<Schema>, username: string): Promise<void> {
  const prefix = `${username}\n`;
  await db
    .deleteFrom("throttle_buckets")
    .where((eb) =>
      eb.or([
        eb.and([eb("scope", "=", "login-account"), eb("key", "=", username)]),
        eb.and([
          eb("scope", "=", "login-pair"),
          eb(sql<string>`substr(${sql.ref("key")}, 1, ${prefix.length})`, "=", prefix),
        ]),
      ]),
    )
    .execute();
}
