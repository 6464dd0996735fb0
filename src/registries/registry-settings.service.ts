/**
 * The registries' per-agency settings: reading and switching the S-2 [M] penalty display periods, the switch
 * recorded in the trail in its own transaction.
 */
import type { Database } from "../db/database.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { s2Enabled, setS2Enabled } from "./registry-settings.repository.ts";

/** Whether S-2 display periods are applied for the agency. */
export async function s2DisplayPeriodsOf(database: Database, agencyId: number): Promise<boolean> {
  return s2Enabled(database.db, agencyId);
}

/** Switches S-2 display periods on or off for the agency as `actor` at `now`, with its trail entry. */
export async function setS2DisplayPeriods(
  database: Database,
  agencyId: number,
  enabled: boolean,
  actor: Actor,
  now: Date,
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const before = await s2Enabled(trx, agencyId);
    await setS2Enabled(trx, agencyId, enabled);
    await recordChange(trx, database.dialect, actor, {
      agencyId,
      action: "registry.settings.update",
      entityType: "registry_settings",
      entityId: agencyId,
      before: { s2DisplayPeriods: before },
      after: { s2DisplayPeriods: enabled },
      at: now.toISOString(),
    });
  });
}
