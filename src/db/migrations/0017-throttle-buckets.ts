/**
 * Migration 0017: throttle buckets, so that an attempt to check a password or a verification code is
 * reserved atomically (a locked counter row) before the check, and lockouts are kept per account and address.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates throttle_buckets, keyed by (scope, key), and the index that prunes quiet buckets. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("throttle_buckets")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("blocked_until", "text")
    .addColumn("last_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("throttle_buckets_pk", ["scope", "key"])
    .execute();
  await db.schema.createIndex("throttle_buckets_last_at").on("throttle_buckets").column("last_at").execute();
}
