/**
 * What changed since an export pass, read from the audit trail: every change to what the public pages show
 * (publish, withdraw, amend, agency profile, report publish, message answered …) is recorded there with its
 * agency, in order of `seq`.
 */
import type { Kysely } from "kysely";
import type { Schema } from "../db/schema.ts";

/** The agencies touched by the trail entries after a sequence number, and the last sequence number. */
export interface TrailChanges {
  /** The last entry's seq (the `after` given when there is none). */
  readonly last: number;
  /** The agencies of the entries (an agency's own entries name it as entity too). */
  readonly agencyIds: readonly number[];
}

/** The highest seq of the trail (0 when empty). */
export async function lastTrailSeq(db: Kysely<Schema>): Promise<number> {
  const row = await db
    .selectFrom("trail")
    .select((eb) => eb.fn.max("seq").as("last"))
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/** The agencies touched by the entries with seq > `after`. */
export async function trailChangesSince(db: Kysely<Schema>, after: number): Promise<TrailChanges> {
  const rows = await db
    .selectFrom("trail")
    .select(["agency_id", "entity_type", "entity_id"])
    .select((eb) => eb.fn.max("seq").as("last"))
    .where("seq", ">", after)
    .groupBy(["agency_id", "entity_type", "entity_id"])
    .execute();
  const agencies = new Set<number>();
  let last = after;
  for (const row of rows) {
    last = Math.max(last, Number(row.last));
    if (row.agency_id !== null) agencies.add(row.agency_id);
    if (row.entity_type === "agency" && /^\d+$/.test(row.entity_id)) agencies.add(Number(row.entity_id));
  }
  return { last, agencyIds: [...agencies].sort((a, b) => a - b) };
}
