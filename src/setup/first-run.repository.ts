/**
 * SQL of first-run seeding: the settings flag that records that seeding happened.
 */
import type { Kysely, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";

/** The settings key marking that first-run seeding happened (value: when). */
export const FIRST_RUN_SETTING = "first_run_seeded_at";

/** When seeding happened, or undefined. */
export async function firstRunMark(db: Kysely<Schema> | Transaction<Schema>): Promise<string | undefined> {
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", FIRST_RUN_SETTING)
    .executeTakeFirst();
  return row?.value;
}

/** Records that seeding happened (once; a second mark is ignored). */
export async function markFirstRun(db: Kysely<Schema> | Transaction<Schema>, at: string): Promise<void> {
  await db
    .insertInto("settings")
    .values({ key: FIRST_RUN_SETTING, value: at })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
}
