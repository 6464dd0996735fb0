/**
 * The trail's signed checkpoints (table trail_checkpoints, apart from the trail): one written in each append's
 * transaction, so it is computed from the database under the append's lock — never from one process's memory,
 * as several instances may share one PostgreSQL — and the first anchored seq the migration recorded.
 */
import type { Kysely, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";
import { checkpointMac, type TrailCheckpoint } from "./trail-anchor.ts";

/** The head just appended, and the seq of the entry before it (null for the first). */
export interface AppendedHead {
  readonly seq: number;
  readonly hash: string;
  readonly previousSeq: number | null;
}

/** Writes the signed checkpoint of the head just appended, inside the append's transaction. */
export async function writeCheckpoint(
  trx: Transaction<Schema>,
  key: Buffer,
  head: AppendedHead,
): Promise<void> {
  const previous = await trx
    .selectFrom("trail_checkpoints")
    .select(["seq", "entry_count"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  let count: number;
  if (previous !== undefined && previous.seq === head.previousSeq) {
    count = Number(previous.entry_count) + 1;
  } else {
    // The first checkpoint (entries from before migration 0015 count too), or the checkpoints were tampered with.
    const all = await trx
      .selectFrom("trail")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    count = Number(all.n);
  }
  const unsigned = { seq: head.seq, count, headHash: head.hash, at: new Date().toISOString() };
  await trx
    .insertInto("trail_checkpoints")
    .values({
      seq: unsigned.seq,
      entry_count: unsigned.count,
      head_hash: unsigned.headHash,
      at: unsigned.at,
      mac: checkpointMac(key, unsigned),
    })
    .execute();
}

/** The newest checkpoint in the table, or null when there is none. */
export async function latestCheckpoint(db: Kysely<Schema>): Promise<TrailCheckpoint | null> {
  const row = await db
    .selectFrom("trail_checkpoints")
    .selectAll()
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    seq: Number(row.seq),
    count: Number(row.entry_count),
    headHash: row.head_hash,
    at: row.at,
    mac: row.mac,
  };
}

/** The first seq that must carry a MAC (migration 0015; 1 when the row is missing: then every entry must). */
export async function anchoredFrom(db: Kysely<Schema>): Promise<number> {
  const row = await db
    .selectFrom("trail_anchoring")
    .select((eb) => eb.fn.min("anchored_from").as("from"))
    .executeTakeFirst();
  const value = Number(row?.from);
  return Number.isSafeInteger(value) && value >= 1 ? value : 1;
}
