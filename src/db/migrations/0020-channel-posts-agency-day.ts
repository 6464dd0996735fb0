/**
 * Migration 0020: the index of an agency's posts by day. The annual report's post counts and the daily
 * monitors' account facts read one agency's posts of a span, grouped by channel; without it both scanned
 * every agency's posts (at a province's size: about 12 ms per agency and growing with the province).
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates the (agency_id, posted_on, channel_id) index of channel_posts. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createIndex("channel_posts_agency_day")
    .on("channel_posts")
    .columns(["agency_id", "posted_on", "channel_id"])
    .execute();
}
