/**
 * SQL of the administrative decisions (双公示 records).
 */
import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { DecisionKind, PartyKind } from "../core/registry/decision-kinds.ts";
import type { DecisionFields } from "../core/registry/decision-row.ts";
import type { Database } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import type { DecisionTable } from "../db/schema-registries.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** A decision as stored: its fields plus identity and times. */
export interface Decision extends DecisionFields {
  readonly id: number;
  readonly agencyId: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Filters of a decision list. */
export interface DecisionFilter {
  readonly kind?: DecisionKind;
  /** Only decisions of these kinds. */
  readonly kinds?: readonly DecisionKind[];
  readonly year?: number;
  /** Only decisions published on or before this day. */
  readonly publishedBy?: string;
  /** Only decisions not published yet. */
  readonly unpublished?: boolean;
  readonly offset?: number;
  readonly limit?: number;
}

/** A row as a Decision. */
function toDecision(row: Selectable<DecisionTable>): Decision {
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind as DecisionKind,
    docNo: row.doc_no,
    matter: row.matter,
    content: row.content,
    decidedOn: row.decided_on,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    authority: row.authority,
    authorityCreditCode: row.authority_credit_code,
    partyKind: row.party_kind as PartyKind,
    partyName: row.party_name,
    partyCreditCode: row.party_credit_code,
    legalRepresentative: row.legal_representative,
    idType: row.id_type,
    idNumber: row.id_number,
    serious: row.serious === 1,
    publishedOn: row.published_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns of a decision's fields. */
function columnsOf(f: DecisionFields) {
  return {
    kind: f.kind,
    doc_no: f.docNo,
    matter: f.matter,
    content: f.content,
    decided_on: f.decidedOn,
    valid_from: f.validFrom,
    valid_until: f.validUntil,
    authority: f.authority,
    authority_credit_code: f.authorityCreditCode,
    party_kind: f.partyKind,
    party_name: f.partyName,
    party_credit_code: f.partyCreditCode,
    legal_representative: f.legalRepresentative,
    id_type: f.idType,
    id_number: f.idNumber,
    serious: f.serious ? 1 : 0,
    published_on: f.publishedOn,
  };
}

/** The agency's decisions matching the filter, newest decision first, and how many match in all. */
export async function listDecisions(
  db: Db,
  agencyId: number,
  filter: DecisionFilter = {},
): Promise<{ items: Decision[]; total: number }> {
  let query = db.selectFrom("decisions").where("agency_id", "=", agencyId);
  if (filter.kind) query = query.where("kind", "=", filter.kind);
  if (filter.kinds) query = query.where("kind", "in", filter.kinds);
  if (filter.year !== undefined) {
    query = query
      .where("decided_on", ">=", `${filter.year}-01-01`)
      .where("decided_on", "<=", `${filter.year}-12-31`);
  }
  if (filter.publishedBy !== undefined) query = query.where("published_on", "<=", filter.publishedBy);
  if (filter.unpublished) query = query.where("published_on", "is", null);
  const total = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  let page = query.selectAll().orderBy("decided_on", "desc").orderBy("id", "desc");
  if (filter.limit !== undefined) page = page.limit(filter.limit).offset(filter.offset ?? 0);
  const rows = await page.execute();
  return { items: rows.map(toDecision), total: Number(total.n) };
}

/** One kind's decisions of a year as the grouped pass returns them: the ids behind the count, ascending. */
export interface DecisionGroup {
  readonly kind: DecisionKind;
  readonly ids: readonly number[];
}

/**
 * The agency's decisions decided in the year, by kind, in one grouped pass: each kind's ids come back joined
 * into one string (group_concat on SQLite, string_agg on PostgreSQL) instead of one row per decision.
 */
export async function decisionGroupsOfYear(
  database: Pick<Database, "db" | "dialect">,
  agencyId: number,
  year: number,
): Promise<DecisionGroup[]> {
  const ids =
    database.dialect === "postgres" ? sql<string>`string_agg(id::text, ',')` : sql<string>`group_concat(id)`;
  const rows = await database.db
    .selectFrom("decisions")
    .select(["kind", ids.as("ids")])
    .where("agency_id", "=", agencyId)
    .where("decided_on", ">=", `${year}-01-01`)
    .where("decided_on", "<=", `${year}-12-31`)
    .groupBy("kind")
    .execute();
  return rows.map((r) => ({ kind: r.kind as DecisionKind, ids: ascendingIds(r.ids) }));
}

/** A group's ids as the database joined them ("7,3,5") in ascending order, sorting only when they are not. */
function ascendingIds(joined: string): number[] {
  const ids = JSON.parse(`[${joined}]`) as number[];
  for (let i = 1; i < ids.length; i++) {
    if ((ids[i - 1] ?? 0) > (ids[i] ?? 0)) return ids.sort((a, b) => a - b);
  }
  return ids;
}

/** One decision, or undefined. */
export async function findDecision(db: Db, id: number): Promise<Decision | undefined> {
  const row = await db.selectFrom("decisions").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toDecision(row) : undefined;
}

/** The 文号 among `docNos` that the agency already has. */
export async function existingDecisionDocNos(
  db: Db,
  agencyId: number,
  docNos: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < docNos.length; i += 500) {
    const chunk = docNos.slice(i, i + 500);
    const rows = await db
      .selectFrom("decisions")
      .select("doc_no")
      .where("agency_id", "=", agencyId)
      .where("doc_no", "in", chunk)
      .execute();
    for (const r of rows) found.add(r.doc_no);
  }
  return found;
}

/** Inserts decisions and returns their ids, in order. */
export async function insertDecisions(
  trx: Transaction<Schema>,
  agencyId: number,
  decisions: readonly DecisionFields[],
  now: string,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < decisions.length; i += 200) {
    const chunk = decisions.slice(i, i + 200);
    const rows = await trx
      .insertInto("decisions")
      .values(chunk.map((f) => ({ agency_id: agencyId, ...columnsOf(f), created_at: now, updated_at: now })))
      .returning("id")
      .execute();
    ids.push(...rows.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}

/** Writes a decision's fields. */
export async function updateDecision(
  trx: Transaction<Schema>,
  id: number,
  fields: DecisionFields,
  now: string,
): Promise<Decision> {
  const row = await trx
    .updateTable("decisions")
    .set({ ...columnsOf(fields), updated_at: now })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDecision(row);
}

/** What the public list asks for. */
export interface PublicDecisionQuery {
  readonly kind?: DecisionKind;
  readonly year?: number;
  /** Today: only decisions published on or before it. */
  readonly today: string;
  /** S-2 [M] when on: penalties published on or before these days are taken down (ordinary, serious). */
  readonly takenDownUpTo: { readonly ordinary: string; readonly serious: string } | null;
  readonly offset: number;
  readonly limit: number;
}

/** The agency's decisions on public show, newest first, and how many there are. */
export async function listPublicDecisions(
  db: Db,
  agencyId: number,
  q: PublicDecisionQuery,
): Promise<{ items: Decision[]; total: number }> {
  let query = db
    .selectFrom("decisions")
    .where("agency_id", "=", agencyId)
    .where("published_on", "is not", null)
    .where("published_on", "<=", q.today);
  if (q.kind) query = query.where("kind", "=", q.kind);
  if (q.year !== undefined) {
    query = query.where("decided_on", ">=", `${q.year}-01-01`).where("decided_on", "<=", `${q.year}-12-31`);
  }
  const bound = q.takenDownUpTo;
  if (bound) {
    query = query.where((eb) =>
      eb.or([
        eb("kind", "<>", "penalty"),
        eb.and([eb("serious", "=", 0), eb("published_on", ">", bound.ordinary)]),
        eb.and([eb("serious", "=", 1), eb("published_on", ">", bound.serious)]),
      ]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy("decided_on", "desc")
    .orderBy("id", "desc")
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { items: rows.map(toDecision), total: Number(total.n) };
}
