/**
 * SQL of catalog listings: the back office's filtered list, and the public lists (published items only, by
 * column, 条例第二十条 item or year) with counts, newest first.
 */
import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import { EVER_PUBLISHED, isPublicationStatus } from "../core/publication/publication-machine.ts";
import type { Schema } from "../db/schema.ts";
import { type PublicationRecord, toPublication } from "./publication.repository.ts";

/** Filters of a catalog list. */
export interface PublicationFilter {
  readonly agencyIds: readonly number[];
  readonly status?: string;
  readonly columnIds?: readonly number[];
  readonly categoryItem?: string;
  /** Items published in that year (publication date, Asia/Shanghai). */
  readonly year?: number;
  /** Title contains this text (back office only; the public side uses full-text search). */
  readonly titleContains?: string;
  /** Leave out items that were withdrawn or not yet published. */
  readonly publicOnly?: boolean;
  /** Only items still on their way to publication (draft … approved). */
  readonly unpublishedOnly?: boolean;
}

/** A page of a list. */
export interface Page {
  readonly page: number;
  readonly pageSize: number;
}

type ItemQuery = SelectQueryBuilder<Schema, "publications", object>;

/** The filter applied to a query on publications. */
function filtered(db: Kysely<Schema>, filter: PublicationFilter): ItemQuery {
  let q = db.selectFrom("publications") as ItemQuery;
  q = q.where("publications.agency_id", "in", filter.agencyIds.length > 0 ? [...filter.agencyIds] : [-1]);
  if (filter.publicOnly) q = q.where("publications.status", "=", "published");
  else if (filter.unpublishedOnly) q = q.where("publications.status", "not in", EVER_PUBLISHED);
  else if (filter.status) {
    // A status from the query string that is none of ours matches no item, as it did before statuses were typed.
    const status = filter.status;
    q = isPublicationStatus(status)
      ? q.where("publications.status", "=", status)
      : q.where(sql<boolean>`1 = 0`);
  }
  if (filter.columnIds) {
    // One column is then an equality, so the (column_id, status, agency_id, published_on, id) index serves
    // both the count and the page's order.
    const columnIds = filter.columnIds.length > 0 ? [...filter.columnIds] : [-1];
    q = q.where("publications.column_id", "in", columnIds);
  }
  if (filter.categoryItem) q = q.where("publications.category_item", "=", filter.categoryItem);
  if (filter.year !== undefined) {
    q = q
      .where("publications.published_on", ">=", `${filter.year}-01-01`)
      .where("publications.published_on", "<=", `${filter.year}-12-31`);
  }
  if (filter.titleContains) {
    const pattern = `%${filter.titleContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`publications.title like ${pattern} escape '\\'`);
  }
  return q;
}

/** One page of items matching the filter, newest first (by publication date, then by creation), and the total. */
export async function listPublicationPage(
  db: Kysely<Schema>,
  filter: PublicationFilter,
  page: Page,
): Promise<{ items: PublicationRecord[]; total: number }> {
  const total = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, filter)
    .selectAll("publications")
    .orderBy("publications.published_on", "desc")
    .orderBy("publications.id", "desc")
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { items: rows.map(toPublication), total: Number(total.n) };
}

/** Published items of an agency by 条例第二十条 item: item → count. */
export async function countPublishedByCategory(
  db: Kysely<Schema>,
  agencyId: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("publications")
    .select(["category_item", (eb) => eb.fn.countAll<number>().as("n")])
    .where("agency_id", "=", agencyId)
    .where("status", "=", "published")
    .where("category_item", "is not", null)
    .groupBy("category_item")
    .execute();
  return new Map(rows.map((r) => [r.category_item as string, Number(r.n)]));
}

/** Published items of an agency by year of publication: year → count, newest year first. */
export async function countPublishedByYear(
  db: Kysely<Schema>,
  agencyId: number,
): Promise<{ year: number; count: number }[]> {
  const rows = await db
    .selectFrom("publications")
    .select(["published_on"])
    .where("agency_id", "=", agencyId)
    .where("status", "=", "published")
    .execute();
  const counts = new Map<number, number>();
  for (const r of rows) {
    const year = Number((r.published_on ?? "").slice(0, 4));
    if (year > 0) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year);
}

/** Published items of each column of an agency (up to a day, when given): column id → count and last publication date. */
export async function publishedPerColumn(
  db: Kysely<Schema>,
  agencyId: number,
  upTo?: string,
): Promise<Map<number, { count: number; lastOn: string | null }>> {
  let query = db
    .selectFrom("publications")
    .select([
      "column_id",
      (eb) => eb.fn.countAll<number>().as("n"),
      (eb) => eb.fn.max("published_on").as("last"),
    ])
    .where("agency_id", "=", agencyId)
    .where("status", "=", "published");
  if (upTo !== undefined) query = query.where("published_on", "<=", upTo);
  const rows = await query.groupBy("column_id").execute();
  return new Map(
    rows.map((r) => [r.column_id, { count: Number(r.n), lastOn: (r.last as string | null) ?? null }]),
  );
}

/** Published items with these ids, in the order given. */
export async function publishedByIds(
  db: Kysely<Schema>,
  ids: readonly number[],
): Promise<PublicationRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("publications")
    .selectAll()
    .where("id", "in", [...ids])
    .where("status", "=", "published")
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toPublication(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
