/**
 * SQL of the register of 规章 and 行政规范性文件.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { RuleKind, Validity } from "../core/registry/rule-counts.ts";
import type { Schema } from "../db/schema.ts";
import type { RegulationTable } from "../db/schema-registries.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** A register entry as stored. */
export interface Regulation {
  readonly id: number;
  readonly agencyId: number;
  readonly kind: RuleKind;
  readonly title: string;
  readonly docNo: string;
  readonly issuedOn: string;
  readonly abolishedOn: string | null;
  readonly validity: Validity;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The fields written on create and update. */
export type RegulationValues = Pick<
  Regulation,
  "kind" | "title" | "docNo" | "issuedOn" | "abolishedOn" | "validity"
>;

/** A row as a Regulation. */
function toRegulation(row: Selectable<RegulationTable>): Regulation {
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind as RuleKind,
    title: row.title,
    docNo: row.doc_no,
    issuedOn: row.issued_on,
    abolishedOn: row.abolished_on,
    validity: row.validity as Validity,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The agency's register, newest first. */
export async function listRegulations(db: Db, agencyId: number): Promise<Regulation[]> {
  const rows = await db
    .selectFrom("regulations")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .orderBy("issued_on", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toRegulation);
}

/** One entry, or undefined. */
export async function findRegulation(db: Db, id: number): Promise<Regulation | undefined> {
  const row = await db.selectFrom("regulations").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toRegulation(row) : undefined;
}

/** Whether another entry of the agency has this 文号. */
export async function regulationDocNoTaken(
  db: Db,
  agencyId: number,
  docNo: string,
  exceptId?: number,
): Promise<boolean> {
  let query = db
    .selectFrom("regulations")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("doc_no", "=", docNo);
  if (exceptId !== undefined) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Inserts an entry. */
export async function insertRegulation(
  trx: Transaction<Schema>,
  agencyId: number,
  values: RegulationValues,
  now: string,
): Promise<Regulation> {
  const row = await trx
    .insertInto("regulations")
    .values({
      agency_id: agencyId,
      kind: values.kind,
      title: values.title,
      doc_no: values.docNo,
      issued_on: values.issuedOn,
      abolished_on: values.abolishedOn,
      validity: values.validity,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRegulation(row);
}

/** Writes an entry's fields. */
export async function updateRegulation(
  trx: Transaction<Schema>,
  id: number,
  values: RegulationValues,
  now: string,
): Promise<Regulation> {
  const row = await trx
    .updateTable("regulations")
    .set({
      kind: values.kind,
      title: values.title,
      doc_no: values.docNo,
      issued_on: values.issuedOn,
      abolished_on: values.abolishedOn,
      validity: values.validity,
      updated_at: now,
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRegulation(row);
}

/** The id, kind and dates of every entry of the agency (for table 二), by id. */
export async function ruleDatesOf(
  db: Db,
  agencyId: number,
): Promise<Pick<Selectable<RegulationTable>, "id" | "kind" | "issued_on" | "abolished_on">[]> {
  return db
    .selectFrom("regulations")
    .select(["id", "kind", "issued_on", "abolished_on"])
    .where("agency_id", "=", agencyId)
    .orderBy("id")
    .execute();
}
