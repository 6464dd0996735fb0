/**
 * The audit trail (操作留痕): every state change appends an entry — who, in which role and agency, what,
 * before/after, when, from which address — to an append-only log in which each entry's hash covers the
 * previous entry's hash, so an edit or a deletion anywhere breaks the chain from there on.
 */
import { createHash } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Dialect } from "../db/database.ts";
import type { Schema, TrailTable } from "../db/schema.ts";

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

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = "0".repeat(64);

type TrailRow = Omit<TrailTable, "seq" | "hash" | "prev_hash"> & { prev_hash: string };

/** The SHA-256 of an entry's content and its predecessor's hash. */
export function entryHash(row: TrailRow): string {
  const content = JSON.stringify([
    row.prev_hash,
    row.at,
    row.actor_user_id,
    row.actor_name,
    row.actor_role,
    row.agency_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.ip,
  ]);
  return createHash("sha256").update(content).digest("hex");
}

/**
 * Appends an entry. Call it inside the transaction that makes the change, so both commit or neither does;
 * on PostgreSQL an advisory lock keeps concurrent appends in one chain (SQLite serialises writers itself).
 */
export async function appendTrail(
  trx: Transaction<Schema>,
  dialect: Dialect,
  input: TrailEntryInput,
): Promise<void> {
  if (dialect === "postgres") await sql`select pg_advisory_xact_lock(424242)`.execute(trx);
  const last = await trx
    .selectFrom("trail")
    .select("hash")
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
  await trx
    .insertInto("trail")
    .values({ ...row, hash: entryHash(row) })
    .execute();
}

/** The result of verifying the chain: the first broken entry, if any. */
export interface TrailVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBroken?: { readonly seq: number; readonly reason: string };
}

/** Recomputes the whole chain in order and names the first entry that does not match. */
export async function verifyTrail(db: Kysely<Schema>): Promise<TrailVerification> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("trail")
      .selectAll()
      .where("seq", ">", after)
      .orderBy("seq")
      .limit(1000)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prev_hash !== prev) {
        return {
          ok: false,
          checked,
          firstBroken: { seq: row.seq, reason: "与前一条记录的链接不符（前一条被修改或删除）" },
        };
      }
      if (entryHash(row) !== row.hash) {
        return {
          ok: false,
          checked,
          firstBroken: { seq: row.seq, reason: "记录内容与其哈希不符（该条被修改）" },
        };
      }
      prev = row.hash;
      checked += 1;
      after = row.seq;
    }
  }
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
