/**
 * The audit-trail entry of a change to a registry record, written in the change's transaction, and the
 * translation of a lost 文号 uniqueness race into the registries' 409.
 */
import type { Transaction } from "kysely";
import { registryError } from "../core/registry/registry-errors.ts";
import type { Dialect } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import { type Actor, actorFields } from "../trail/trail-actor.ts";

/** What changed: the action ("registry.decision.create"), the entity and its states before and after. */
export interface RegistryChange {
  readonly agencyId: number;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: number | string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Appends the trail entry of a registry change (call inside the change's transaction). */
export async function recordRegistryChange(
  trx: Transaction<Schema>,
  dialect: Dialect,
  actor: Actor,
  change: RegistryChange,
  at: string,
): Promise<void> {
  await appendTrail(trx, dialect, {
    ...actorFields(actor),
    agencyId: change.agencyId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before,
    after: change.after,
    at,
  });
}

/** Whether a database error is a uniqueness violation of the named constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; message?: unknown; constraint?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  if (code !== "23505" && code !== "SQLITE_CONSTRAINT_UNIQUE") return false;
  const where = `${typeof e?.constraint === "string" ? e.constraint : ""} ${String(e?.message ?? "")}`;
  return where.includes(constraint) || where.includes("doc_no");
}

/** Runs a write, turning a 文号 uniqueness race lost at the database (constraint `constraint`) into 409 DUPLICATE_DOC_NO. */
export async function uniqueDocNo<T>(constraint: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, constraint)) throw registryError("DUPLICATE_DOC_NO");
    throw error;
  }
}
