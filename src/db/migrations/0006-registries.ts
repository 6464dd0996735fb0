/**
 * Migration 0006: the registries behind the annual report — 规章 and 行政规范性文件, administrative decisions,
 * 行政事业性收费, training sessions, policy interpretations, reconsideration and litigation cases.
 */
import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates the registry tables. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const pg = dialect === "postgres";
  const id = pg ? "serial" : "integer";
  const pk = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const agency = (c: ColumnDefinitionBuilder) => c.notNull().references("agencies.id").onDelete("restrict");
  const text = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo("");

  await db.schema
    .createTable("regulations")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", agency)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("doc_no", "text", (c) => c.notNull())
    .addColumn("issued_on", "text", (c) => c.notNull())
    .addColumn("abolished_on", "text")
    .addColumn("validity", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("regulations_doc_no", ["agency_id", "doc_no"])
    .execute();

  await db.schema
    .createTable("decisions")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", agency)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("doc_no", "text", (c) => c.notNull())
    .addColumn("matter", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("decided_on", "text", (c) => c.notNull())
    .addColumn("valid_from", "text")
    .addColumn("valid_until", "text")
    .addColumn("authority", "text", (c) => c.notNull())
    .addColumn("authority_credit_code", "text", text)
    .addColumn("party_kind", "text", (c) => c.notNull())
    .addColumn("party_name", "text", (c) => c.notNull())
    .addColumn("party_credit_code", "text", text)
    .addColumn("legal_representative", "text", text)
    .addColumn("id_type", "text", text)
    .addColumn("id_number", "text", text)
    .addColumn("serious", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("published_on", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("decisions_doc_no", ["agency_id", "doc_no"])
    .execute();
  await db.schema
    .createIndex("decisions_agency_decided")
    .on("decisions")
    .columns(["agency_id", "decided_on"])
    .execute();
  await db.schema
    .createIndex("decisions_agency_published")
    .on("decisions")
    .columns(["agency_id", "published_on"])
    .execute();

  await db.schema
    .createTable("fees")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", agency)
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("item_name", "text", (c) => c.notNull())
    .addColumn("basis", "text", text)
    .addColumn("amount_fen", "bigint", (c) => c.notNull())
    .addColumn("note", "text", text)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("fees_agency_year").on("fees").columns(["agency_id", "year"]).execute();

  await db.schema
    .createTable("trainings")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", agency)
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("person_times", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("trainings_agency_held")
    .on("trainings")
    .columns(["agency_id", "held_on"])
    .execute();

  await db.schema
    .createTable("interpretations")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", agency)
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("published_on", "text", (c) => c.notNull())
    .addColumn("form", "text", text)
    .addColumn("policy_title", "text", (c) => c.notNull())
    .addColumn("policy_doc_no", "text", text)
    .addColumn("policy_publication_id", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("interpretations_agency_published")
    .on("interpretations")
    .columns(["agency_id", "published_on"])
    .execute();

  await db.schema
    .createTable("review_cases")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", agency)
    .addColumn("request_id", "integer", (c) => c.references("requests.id").onDelete("restrict"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("case_no", "text", text)
    .addColumn("applicant_name", "text", text)
    .addColumn("filed_on", "text", (c) => c.notNull())
    .addColumn("decided_on", "text")
    .addColumn("result", "text")
    .addColumn("note", "text", text)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("review_cases_agency")
    .on("review_cases")
    .columns(["agency_id", "filed_on"])
    .execute();
}
