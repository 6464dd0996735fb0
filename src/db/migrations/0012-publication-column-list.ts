/**
 * Migration 0012: the index of a column's public list. The column list counts a column's published items and
 * pages through them newest first; (column_id, status, agency_id, published_on, id) answers both from the
 * index alone: the count without reading the rows, the page in its ORDER BY (published_on desc, id desc).
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates the covering index of the column list. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createIndex("publications_column_list")
    .on("publications")
    .columns(["column_id", "status", "agency_id", "published_on", "id"])
    .execute();
}
