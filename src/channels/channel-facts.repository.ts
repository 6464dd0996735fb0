/**
 * SQL of the channels' reads that other modules need: the new-media accounts the daily N-1 and N-2 monitors
 * watch, with their last post.
 */
import type { Kysely, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** A new-media account (the portal is not one) with its last post up to `today` and its interaction check. */
export interface AccountFacts {
  readonly id: number;
  readonly name: string;
  readonly lastPostOn: string | null;
  readonly interactive: boolean;
}

/** The agency's new-media accounts, oldest first. */
export async function accountFacts(db: Db, agencyId: number, today: string): Promise<AccountFacts[]> {
  const accounts = await db
    .selectFrom("channels")
    .select(["id", "name", "interactive"])
    .where("agency_id", "=", agencyId)
    .where("kind", "<>", "portal")
    .orderBy("id")
    .execute();
  const last = await db
    .selectFrom("channel_posts")
    .select(["channel_id", (eb) => eb.fn.max("posted_on").as("last")])
    .where("agency_id", "=", agencyId)
    .where("posted_on", "<=", today)
    .groupBy("channel_id")
    .execute();
  const lastOf = new Map(last.map((r) => [r.channel_id, (r.last as string | null) ?? null]));
  return accounts.map((a) => ({
    id: a.id,
    name: a.name,
    lastPostOn: lastOf.get(a.id) ?? null,
    interactive: a.interactive !== 0,
  }));
}
