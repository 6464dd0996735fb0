/**
 * Migration 0009: annual reports — the draft prose of an agency-year and the published, frozen versions.
 */
import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates the report tables. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const pg = dialect === "postgres";
  const blob = pg ? "bytea" : "blob";
  const pk = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable("report_drafts")
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id").onDelete("restrict"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("prose_json", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .addPrimaryKeyConstraint("report_drafts_pk", ["agency_id", "year"])
    .execute();
  await db.schema
    .createTable("report_versions")
    .addColumn("id", pg ? "serial" : "integer", pk)
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id").onDelete("restrict"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("published_on", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("published_by", "integer", (c) => c.references("users.id"))
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("model_json", "text", (c) => c.notNull())
    .addColumn("findings_json", "text", (c) => c.notNull())
    .addColumn("html", "text", (c) => c.notNull())
    .addColumn("docx", blob, (c) => c.notNull())
    .addColumn("pdf", blob, (c) => c.notNull())
    .addColumn("xlsx", blob, (c) => c.notNull())
    .addUniqueConstraint("report_versions_agency_year_version", ["agency_id", "year", "version"])
    .execute();
}
