/**
 * The audit-trail entry of a change to the catalog, columns or channels, in the change's transaction.
 */
import type { Transaction } from "kysely";
import type { Dialect } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import type { Actor } from "../trail/trail-actor.ts";

/** What a catalog change records. */
export interface CatalogChange {
  readonly agencyId: number;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: number;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly at: string;
}

/** Appends the trail entry of a change by `actor`. */
export async function trailCatalogChange(
  trx: Transaction<Schema>,
  dialect: Dialect,
  actor: Actor,
  change: CatalogChange,
): Promise<void> {
  await appendTrail(trx, dialect, {
    actorUserId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    agencyId: change.agencyId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before,
    after: change.after,
    ip: actor.ip ?? "local",
    at: change.at,
  });
}
