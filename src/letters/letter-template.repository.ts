/**
 * SQL of the letter templates (letter_templates): per agency (null: the installation), kind and outcome
 * (null: any outcome).
 */
import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { Dialect } from "../db/database.ts";
import type { LetterTemplateTable, Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** A stored template. */
export interface TemplateRow {
  readonly id: number;
  readonly agencyId: number | null;
  readonly kind: string;
  readonly outcome: string | null;
  readonly title: string;
  readonly body: string;
  readonly updatedAt: string;
}

function toTemplate(row: Selectable<LetterTemplateTable>): TemplateRow {
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind,
    outcome: row.outcome,
    title: row.title,
    body: row.body,
    updatedAt: row.updated_at,
  };
}

/** The stored templates of an agency (null: the installation's own), by kind and outcome. */
export async function listTemplateRows(db: Db, agencyId: number | null): Promise<TemplateRow[]> {
  let query = db.selectFrom("letter_templates").selectAll();
  query = agencyId === null ? query.where("agency_id", "is", null) : query.where("agency_id", "=", agencyId);
  const rows = await query.orderBy("kind").orderBy("outcome").orderBy("id").execute();
  return rows.map(toTemplate);
}

/** The stored template of exactly this agency (or installation), kind and outcome (null: any), or undefined. */
export async function findTemplateRow(
  db: Db,
  agencyId: number | null,
  kind: string,
  outcome: string | null,
): Promise<TemplateRow | undefined> {
  let query = db.selectFrom("letter_templates").selectAll().where("kind", "=", kind);
  query = agencyId === null ? query.where("agency_id", "is", null) : query.where("agency_id", "=", agencyId);
  query = outcome === null ? query.where("outcome", "is", null) : query.where("outcome", "=", outcome);
  const row = await query.orderBy("id", "desc").executeTakeFirst();
  return row ? toTemplate(row) : undefined;
}

/** Inserts or overwrites the template of an agency (or installation), kind and outcome; the stored row. */
export async function saveTemplateRow(
  trx: Transaction<Schema>,
  values: { agencyId: number | null; kind: string; outcome: string | null; title: string; body: string },
  now: string,
): Promise<TemplateRow> {
  const existing = await findTemplateRow(trx, values.agencyId, values.kind, values.outcome);
  if (existing) {
    const row = await trx
      .updateTable("letter_templates")
      .set({ title: values.title, body: values.body, updated_at: now })
      .where("id", "=", existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTemplate(row);
  }
  const row = await trx
    .insertInto("letter_templates")
    .values({
      agency_id: values.agencyId,
      kind: values.kind,
      outcome: values.outcome,
      title: values.title,
      body: values.body,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTemplate(row);
}

/** Deletes the stored templates of exactly this agency (or installation), kind and outcome; how many. */
export async function deleteTemplateRows(
  trx: Transaction<Schema>,
  agencyId: number | null,
  kind: string,
  outcome: string | null,
): Promise<number> {
  let query = trx.deleteFrom("letter_templates").where("kind", "=", kind);
  query = agencyId === null ? query.where("agency_id", "is", null) : query.where("agency_id", "=", agencyId);
  query = outcome === null ? query.where("outcome", "is", null) : query.where("outcome", "=", outcome);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Serialises saves and resets of templates: one template per (agency, kind, outcome), so concurrent writes of
 * the same slot queue on PostgreSQL's transaction-scoped advisory lock; SQLite serialises writers itself.
 */
export async function lockTemplateSlots(trx: Transaction<Schema>, dialect: Dialect): Promise<void> {
  if (dialect === "postgres") await sql`select pg_advisory_xact_lock(727275)`.execute(trx);
}
