/**
 * The audit trail (操作留痕): every state change appends an entry — who, in which role and agency, what,
 * before/after, when, from which address — to an append-only log in which each entry's hash covers the
 * previous entry's hash, so an edit or a deletion anywhere breaks the chain from there on. Each entry also
 * carries a keyed MAC and each append writes a signed checkpoint (see trail-anchor.ts), so truncation and a
 * recomputed chain are seen too.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { announceChange } from "../db/committed-changes.ts";
import type { Dialect } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { entryMac } from "./trail-anchor.ts";
import { entryHash, GENESIS_HASH, type TrailRow } from "./trail-chain.ts";
import { writeCheckpoint } from "./trail-checkpoint.repository.ts";
import { trailKey } from "./trail-key.repository.ts";

export { entryHash, GENESIS_HASH } from "./trail-chain.ts";
export { type TrailVerification, verifyTrail } from "./trail-verify.repository.ts";

/** What a caller says about a change. */
export interface TrailEntryInput {
  readonly actorUserId: number | null;
  readonly actorName: string;
  readonly actorRole: string;
  readonly agencyId: number | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | number;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly ip: string;
  /** When it happened (ISO 8601); now when absent. */
  readonly at?: string;
}

/**
 * Appends an entry with its MAC and a signed checkpoint. Call it inside the transaction that makes the change,
 * so all commit or none does; on PostgreSQL an advisory lock keeps concurrent appends (from any process) in one
 * chain with consecutive seqs, and SQLite serialises writers itself.
 */
export async function appendTrail(
  trx: Transaction<Schema>,
  dialect: Dialect,
  input: TrailEntryInput,
): Promise<void> {
  if (dialect === "postgres") await sql`select pg_advisory_xact_lock(424242)`.execute(trx);
  const key = await trailKey(trx);
  const last = await trx
    .selectFrom("trail")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const row: TrailRow = {
    at: input.at ?? new Date().toISOString(),
    actor_user_id: input.actorUserId,
    actor_name: input.actorName,
    actor_role: input.actorRole,
    agency_id: input.agencyId,
    action: input.action,
    entity_type: input.entityType,
    entity_id: String(input.entityId),
    before_json: input.before === undefined ? null : JSON.stringify(input.before),
    after_json: input.after === undefined ? null : JSON.stringify(input.after),
    ip: input.ip,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  // The seq is given, not drawn from a sequence: a rolled-back PostgreSQL transaction would leave a hole
  // that verify could not tell from a deleted entry.
  const seq = (last?.seq ?? 0) + 1;
  const hash = entryHash(row);
  await trx
    .insertInto("trail")
    .values({ ...row, seq, hash, mac: entryMac(key.bytes, seq, hash) })
    .execute();
  await writeCheckpoint(trx, key.bytes, { seq, hash, previousSeq: last?.seq ?? null });
  // Every audited change passes here: told after COMMIT (and by NOTIFY on PostgreSQL), so caches of what the
  // public pages show forget what changed (src/db/committed-changes.ts).
  await announceChange(trx, dialect, { agencyId: input.agencyId, entityType: input.entityType });
}

/** Which entries to list: agencies in scope, optional filters, one page. */
export interface TrailQuery {
  /** The agencies whose entries may be listed. */
  readonly agencyIds: readonly number[];
  /** Whether entries without an agency (installation-wide events) are listed too. */
  readonly includeWithoutAgency: boolean;
  /** Only this agency (still within `agencyIds`). */
  readonly agencyId?: number;
  /** Only entries by this actor name. */
  readonly actor?: string;
  /** Only this action, e.g. "agency.update". */
  readonly action?: string;
  /** Only entries at or after this instant (ISO 8601, UTC). */
  readonly fromInstant?: string;
  /** Only entries before this instant (ISO 8601, UTC). */
  readonly beforeInstant?: string;
  readonly page: number;
  readonly pageSize: number;
}

/** A trail entry as the API shows it. */
export interface TrailEntry {
  readonly seq: number;
  readonly at: string;
  readonly actorName: string;
  readonly actorRole: string;
  readonly agencyId: number | null;
  readonly agencyName: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly ip: string;
}

/** One page of entries matching the query, newest first, and how many match in all. */
export async function listTrail(
  db: Kysely<Schema>,
  query: TrailQuery,
): Promise<{ entries: TrailEntry[]; total: number }> {
  let base = db.selectFrom("trail").leftJoin("agencies", "agencies.id", "trail.agency_id");
  const ids =
    query.agencyId === undefined
      ? [...query.agencyIds]
      : query.agencyIds.filter((id) => id === query.agencyId);
  const withoutAgency = query.includeWithoutAgency && query.agencyId === undefined;
  base = base.where((eb) => {
    const scope = [];
    if (ids.length > 0) scope.push(eb("trail.agency_id", "in", ids));
    if (withoutAgency) scope.push(eb("trail.agency_id", "is", null));
    return scope.length > 0 ? eb.or(scope) : eb(eb.val(1), "=", 0);
  });
  if (query.actor !== undefined) base = base.where("trail.actor_name", "=", query.actor);
  if (query.action !== undefined) base = base.where("trail.action", "=", query.action);
  if (query.fromInstant !== undefined) base = base.where("trail.at", ">=", query.fromInstant);
  if (query.beforeInstant !== undefined) base = base.where("trail.at", "<", query.beforeInstant);
  const count = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      "trail.seq",
      "trail.at",
      "trail.actor_name",
      "trail.actor_role",
      "trail.agency_id",
      "agencies.name as agency_name",
      "trail.action",
      "trail.entity_type",
      "trail.entity_id",
      "trail.before_json",
      "trail.after_json",
      "trail.ip",
    ])
    .orderBy("trail.seq", "desc")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const entries = rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    agencyId: r.agency_id,
    agencyName: r.agency_name ?? null,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
    ip: r.ip,
  }));
  return { entries, total: Number(count.n) };
}
