/**
 * SQL of the column tree (栏目): an agency's four first-level columns and the columns below them.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Cadence } from "../core/publication/publication-rules.ts";
import type { Schema } from "../db/schema.ts";
import type { PublicationColumnTable } from "../db/schema-publications.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** The four first-level columns of the 政府信息公开 column (国办公开办函〔2019〕61号), in order. */
export const ROOT_COLUMNS = [
  { kind: "guide", name: "政府信息公开指南" },
  { kind: "rules", name: "政府信息公开制度" },
  { kind: "proactive", name: "法定主动公开内容" },
  { kind: "annual_reports", name: "政府信息公开年报" },
] as const;

/** The kind of a first-level column. */
export type RootKind = (typeof ROOT_COLUMNS)[number]["kind"];

/** A column as the API shows it. */
export interface Column {
  readonly id: number;
  readonly agencyId: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly rootKind: RootKind | null;
  readonly categoryItem: string | null;
  readonly cadence: Cadence | null;
  readonly sortOrder: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The writable fields of a column below the first level. */
export interface ColumnValues {
  readonly parentId: number;
  readonly name: string;
  readonly categoryItem: string | null;
  readonly cadence: Cadence | null;
  readonly sortOrder: number;
}

/** The API shape of a row. */
function toColumn(row: Selectable<PublicationColumnTable>): Column {
  return {
    id: row.id,
    agencyId: row.agency_id,
    parentId: row.parent_id,
    name: row.name,
    rootKind: row.root_kind as RootKind | null,
    categoryItem: row.category_item,
    cadence: row.cadence as Cadence | null,
    sortOrder: row.sort_order,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Every column of an agency, by sort order then id. */
export async function listColumns(db: Db, agencyId: number): Promise<Column[]> {
  const rows = await db
    .selectFrom("publication_columns")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  return rows.map(toColumn);
}

/** One column, or undefined. */
export async function findColumn(db: Db, id: number): Promise<Column | undefined> {
  const row = await db.selectFrom("publication_columns").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toColumn(row) : undefined;
}

/** Inserts the first-level columns an agency lacks (none when it has them all); returns those inserted. */
export async function insertMissingRoots(
  trx: Transaction<Schema>,
  agencyId: number,
  now: string,
): Promise<Column[]> {
  const existing = new Set(
    (
      await trx
        .selectFrom("publication_columns")
        .select("root_kind")
        .where("agency_id", "=", agencyId)
        .where("root_kind", "is not", null)
        .execute()
    ).map((r) => r.root_kind),
  );
  const inserted: Column[] = [];
  for (const [i, root] of ROOT_COLUMNS.entries()) {
    if (existing.has(root.kind)) continue;
    const row = await trx
      .insertInto("publication_columns")
      .values({
        agency_id: agencyId,
        parent_id: null,
        name: root.name,
        root_kind: root.kind,
        category_item: null,
        cadence: null,
        sort_order: i + 1,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(["agency_id", "root_kind"]).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) inserted.push(toColumn(row));
  }
  return inserted;
}

/** Inserts a column below the first level. */
export async function insertColumn(
  trx: Transaction<Schema>,
  agencyId: number,
  values: ColumnValues,
  now: string,
): Promise<Column> {
  const row = await trx
    .insertInto("publication_columns")
    .values({
      agency_id: agencyId,
      parent_id: values.parentId,
      name: values.name,
      root_kind: null,
      category_item: values.categoryItem,
      cadence: values.cadence,
      sort_order: values.sortOrder,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toColumn(row);
}

/** Writes a column's fields. */
export async function updateColumn(
  trx: Transaction<Schema>,
  id: number,
  values: ColumnValues,
  now: string,
): Promise<Column> {
  const row = await trx
    .updateTable("publication_columns")
    .set({
      parent_id: values.parentId,
      name: values.name,
      category_item: values.categoryItem,
      cadence: values.cadence,
      sort_order: values.sortOrder,
      updated_at: now,
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toColumn(row);
}

/** Deletes a column. */
export async function deleteColumn(trx: Transaction<Schema>, id: number): Promise<void> {
  await trx.deleteFrom("publication_columns").where("id", "=", id).execute();
}

/** Whether a column has sub-columns or items. */
export async function columnInUse(db: Db, id: number): Promise<boolean> {
  const child = await db
    .selectFrom("publication_columns")
    .select("id")
    .where("parent_id", "=", id)
    .executeTakeFirst();
  if (child) return true;
  const item = await db
    .selectFrom("publications")
    .select("id")
    .where("column_id", "=", id)
    .executeTakeFirst();
  return item !== undefined;
}

/** Whether a database error is the sibling-name rule of columns. */
export function isColumnNameViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; constraint?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  if (code !== "23505" && code !== "SQLITE_CONSTRAINT_UNIQUE") return false;
  const where = `${typeof e?.constraint === "string" ? e.constraint : ""} ${String(e?.message ?? "")}`;
  return where.includes("sibling_name") || where.includes("parent_id, publication_columns.name");
}
