/**
 * SQL of the board's per-agency setting: the reply time limit in working days [P] (the agency's own
 * commitment; W-7's 3 months is the inspection threshold above it).
 */
import type { Kysely } from "kysely";
import { DEFAULT_REPLY_WORKDAYS } from "../core/message/message-monitor.ts";
import type { Schema } from "../db/schema.ts";

/** The settings key of an agency's reply limit. */
const keyOf = (agencyId: number) => `message_reply_workdays:${agencyId}`;

/** The agency's reply limit in working days (the default when never set). */
export async function replyWorkdaysOf(db: Kysely<Schema>, agencyId: number): Promise<number> {
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", keyOf(agencyId))
    .executeTakeFirst();
  const value = row ? Number(row.value) : Number.NaN;
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_REPLY_WORKDAYS;
}

/** Sets the agency's reply limit. */
export async function setReplyWorkdays(
  db: Kysely<Schema>,
  agencyId: number,
  workdays: number,
): Promise<void> {
  await db
    .insertInto("settings")
    .values({ key: keyOf(agencyId), value: String(workdays) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(workdays) }))
    .execute();
}
