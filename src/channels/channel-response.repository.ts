/**
 * SQL of the replies new-media accounts gave to the public: insert, and the year's count per channel.
 */
import type { Kysely, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** Stores replies of one channel; returns how many were stored. */
export async function insertResponses(
  trx: Transaction<Schema>,
  channelId: number,
  agencyId: number,
  rows: readonly { respondedOn: string; subject: string }[],
  at: string,
): Promise<number> {
  if (rows.length === 0) return 0;
  await trx
    .insertInto("channel_responses")
    .values(
      rows.map((r) => ({
        channel_id: channelId,
        agency_id: agencyId,
        responded_on: r.respondedOn,
        subject: r.subject,
        created_at: at,
      })),
    )
    .execute();
  return rows.length;
}

/** The year's replies of each channel of the agency. */
export async function responseCounts(db: Db, agencyId: number, year: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("channel_responses")
    .select(["channel_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("agency_id", "=", agencyId)
    .where("responded_on", ">=", `${year}-01-01`)
    .where("responded_on", "<=", `${year}-12-31`)
    .groupBy("channel_id")
    .execute();
  return new Map(rows.map((r) => [r.channel_id, Number(r.n)]));
}
