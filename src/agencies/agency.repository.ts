/**
 * SQL of the agencies: reading the tree and single agencies, and writing them inside a caller's transaction.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { OfficeContact } from "../core/agency/office-contact.ts";
import type { AgencyTable, Schema } from "../db/schema.ts";

/** The kinds of agency. */
export type AgencyKind = "government" | "department";

/** The agency's settings of separation of duties (migration 0014), both on by default. */
export interface AgencySettings {
  /** SOD-1 先审后发分人办理: the submitter does not review, nobody takes two review steps of one pass. */
  readonly separateReviewDuties: boolean;
  /** SOD-2 答复书须由负责人签发: letters are issued by a 公开办负责人 other than their drafter. */
  readonly letterSignOffByHead: boolean;
}

/** An agency as the API shows it. */
export interface Agency {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly kind: AgencyKind;
  readonly creditCode: string;
  readonly contact: OfficeContact;
  readonly settings: AgencySettings;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The columns written when an agency is created or changed. */
export interface AgencyValues {
  readonly parentId: number | null;
  readonly name: string;
  readonly kind: AgencyKind;
  readonly creditCode: string;
  readonly contact: OfficeContact;
}

type Db = Kysely<Schema> | Transaction<Schema>;

/** The API shape of a row. */
function toAgency(row: Selectable<AgencyTable>): Agency {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind === "government" ? "government" : "department",
    creditCode: row.credit_code,
    contact: {
      officeName: row.office_name,
      address: row.office_address,
      hours: row.office_hours,
      phone: row.office_phone,
      fax: row.office_fax,
      email: row.office_email,
      website: row.office_website,
    },
    settings: {
      separateReviewDuties: row.separate_review_duties !== 0,
      letterSignOffByHead: row.letter_sign_off_by_head !== 0,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The contact columns of a contact. */
function contactColumns(contact: OfficeContact) {
  return {
    office_name: contact.officeName,
    office_address: contact.address,
    office_hours: contact.hours,
    office_phone: contact.phone,
    office_fax: contact.fax,
    office_email: contact.email,
    office_website: contact.website,
  };
}

/** Every agency, by id. */
export async function listAllAgencies(db: Db): Promise<Agency[]> {
  const rows = await db.selectFrom("agencies").selectAll().orderBy("id").execute();
  return rows.map(toAgency);
}

/** The whole tree as (id, parentId) pairs, for the permission module. */
export async function agencyTree(db: Db): Promise<{ id: number; parentId: number | null }[]> {
  const rows = await db.selectFrom("agencies").select(["id", "parent_id"]).orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id }));
}

/** One agency, or undefined. */
export async function findAgency(db: Db, id: number): Promise<Agency | undefined> {
  const row = await db.selectFrom("agencies").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toAgency(row) : undefined;
}

/** The number of agencies. */
export async function countAgencies(db: Db): Promise<number> {
  const row = await db
    .selectFrom("agencies")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether another agency with the same parent (or also top-level) has this name. */
export async function siblingNameTaken(
  db: Db,
  parentId: number | null,
  name: string,
  exceptId?: number,
): Promise<boolean> {
  let query = db.selectFrom("agencies").select("id").where("name", "=", name);
  query = parentId === null ? query.where("parent_id", "is", null) : query.where("parent_id", "=", parentId);
  if (exceptId !== undefined) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Whether another agency has this credit code. */
export async function creditCodeTaken(db: Db, creditCode: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom("agencies").select("id").where("credit_code", "=", creditCode);
  if (exceptId !== undefined) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Inserts an agency and returns it. */
export async function insertAgency(
  trx: Transaction<Schema>,
  values: AgencyValues,
  now: string,
): Promise<Agency> {
  const row = await trx
    .insertInto("agencies")
    .values({
      parent_id: values.parentId,
      name: values.name,
      kind: values.kind,
      credit_code: values.creditCode,
      ...contactColumns(values.contact),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAgency(row);
}

/** Writes an agency's name, credit code, contact and settings; returns it as stored. */
export async function updateAgency(
  trx: Transaction<Schema>,
  id: number,
  values: Pick<AgencyValues, "name" | "creditCode" | "contact"> & { readonly settings: AgencySettings },
  now: string,
): Promise<Agency> {
  const row = await trx
    .updateTable("agencies")
    .set({
      name: values.name,
      credit_code: values.creditCode,
      ...contactColumns(values.contact),
      separate_review_duties: values.settings.separateReviewDuties ? 1 : 0,
      letter_sign_off_by_head: values.settings.letterSignOffByHead ? 1 : 0,
      updated_at: now,
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAgency(row);
}

/** Which agency uniqueness rule a database error broke (sibling name or credit code), if it is one. */
export function agencyUniqueViolation(error: unknown): "name" | "creditCode" | undefined {
  const e = error as { code?: unknown; message?: unknown; constraint?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  if (code !== "23505" && code !== "SQLITE_CONSTRAINT_UNIQUE") return undefined;
  const where = `${typeof e?.constraint === "string" ? e.constraint : ""} ${String(e?.message ?? "")}`;
  if (where.includes("credit_code")) return "creditCode";
  if (where.includes("agencies_sibling_name")) return "name";
  return undefined;
}
