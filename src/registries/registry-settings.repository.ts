/**
 * The registries' per-agency settings, kept in the installation's settings table: whether the S-2 [M]
 * penalty display periods are applied on the portal.
 */
import type { Kysely, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** The settings key of an agency's S-2 switch. */
function s2Key(agencyId: number): string {
  return `registry.s2DisplayPeriods.${agencyId}`;
}

/** Whether S-2 display periods are applied for the agency (off unless switched on: the rule is unconfirmed). */
export async function s2Enabled(db: Db, agencyId: number): Promise<boolean> {
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", s2Key(agencyId))
    .executeTakeFirst();
  return row?.value === "on";
}

/** Switches S-2 display periods on or off for the agency. */
export async function setS2Enabled(
  trx: Transaction<Schema>,
  agencyId: number,
  enabled: boolean,
): Promise<void> {
  const key = s2Key(agencyId);
  const value = enabled ? "on" : "off";
  const existing = await trx.selectFrom("settings").select("key").where("key", "=", key).executeTakeFirst();
  if (existing) await trx.updateTable("settings").set({ value }).where("key", "=", key).execute();
  else await trx.insertInto("settings").values({ key, value }).execute();
}
