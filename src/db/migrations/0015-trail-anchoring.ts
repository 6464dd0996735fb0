/**
 * Migration 0015: anchoring the audit trail. Each entry gets a keyed MAC (`trail.mac`), and every append writes
 * a signed checkpoint (count, head hash) into `trail_checkpoints`, so truncation and re-hashing are seen.
 *
 * Entries already there are not MACed here: the key may live outside the database (GONGKAI_TRAIL_KEY, a key
 * file) and a migration should not vouch for rows it never checked. Instead the first anchored seq is kept in
 * the one-row table `trail_anchoring`: entries before it are checked by the hash chain alone, and the first
 * MACed entry covers their head through its `prev_hash`.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Adds trail.mac, the checkpoint table and the first anchored seq. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("trail").addColumn("mac", "text").execute();
  await db.schema
    .createTable("trail_checkpoints")
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("entry_count", "integer", (c) => c.notNull())
    .addColumn("head_hash", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("mac", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("trail_anchoring")
    .addColumn("anchored_from", "integer", (c) => c.notNull())
    .execute();
  await sql`insert into trail_anchoring (anchored_from) select coalesce(max(seq), 0) + 1 from trail`.execute(
    db,
  );
}
