/**
 * The one way a module records a change in the audit trail: who (the actor), what (action, entity, before/after)
 * and when, appended inside the change's own transaction so the change and its entry commit together or not at all.
 */
import type { Transaction } from "kysely";
import type { Dialect } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { appendTrail } from "./trail.repository.ts";
import { type Actor, actorFields } from "./trail-actor.ts";

/** What a change records: the agency, the action ("publication.create"), the entity, its states and the time. */
export interface RecordedChange {
  readonly agencyId: number | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: number | string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** When it happened (ISO 8601), from the caller's clock. */
  readonly at: string;
}

/** Appends the trail entry of a change by `actor` (call inside the change's transaction). */
export async function recordChange(
  trx: Transaction<Schema>,
  dialect: Dialect,
  actor: Actor,
  change: RecordedChange,
): Promise<void> {
  await appendTrail(trx, dialect, {
    ...actorFields(actor),
    agencyId: change.agencyId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before,
    after: change.after,
    at: change.at,
  });
}
