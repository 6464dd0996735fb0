/**
 * Migration 0002: disclosure requests (依申请公开) — cases, their append-only event log, attachments,
 * letters and their templates, sent reminders, and administrator-entered working-day schedules.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates the request tables. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const pg = dialect === "postgres";
  const id = pg ? "serial" : "integer";
  const blob = pg ? "bytea" : "blob";
  const pk = (c: import("kysely").ColumnDefinitionBuilder) =>
    pg ? c.primaryKey() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable("requests")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id").onDelete("restrict"))
    .addColumn("tracking_no", "text", (c) => c.notNull().unique())
    .addColumn("verify_hash", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.unique())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("receipt_rule", "text", (c) => c.notNull())
    .addColumn("received_on", "text", (c) => c.notNull())
    .addColumn("confirmed_by", "integer", (c) => c.references("users.id"))
    .addColumn("confirmed_at", "text")
    .addColumn("applicant_kind", "text", (c) => c.notNull())
    .addColumn("applicant_name", "text", (c) => c.notNull())
    .addColumn("org_credit_code", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("org_representative", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("id_type", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("id_number", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("address", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("postcode", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("email", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("provision_form", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("delivery_method", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("extended", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("outcome", "text")
    .addColumn("closed_on", "text")
    .addColumn("due_on", "text")
    .addColumn("due_provisional", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("calendar_version", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("case_officer_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("requests_agency_received")
    .on("requests")
    .columns(["agency_id", "received_on"])
    .execute();
  await db.schema
    .createIndex("requests_agency_closed")
    .on("requests")
    .columns(["agency_id", "closed_on"])
    .execute();
  await db.schema.createIndex("requests_status_due").on("requests").columns(["status", "due_on"]).execute();

  await db.schema
    .createTable("request_events")
    .addColumn("id", id, pk)
    .addColumn("request_id", "integer", (c) => c.notNull().references("requests.id").onDelete("restrict"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("occurred_on", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("data_json", "text", (c) => c.notNull().defaultTo("{}"))
    .addUniqueConstraint("request_events_seq", ["request_id", "seq"])
    .execute();

  await db.schema
    .createTable("request_attachments")
    .addColumn("id", id, pk)
    .addColumn("request_id", "integer", (c) => c.notNull().references("requests.id").onDelete("restrict"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", blob, (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("letters")
    .addColumn("id", id, pk)
    .addColumn("request_id", "integer", (c) => c.notNull().references("requests.id").onDelete("restrict"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("issued_at", "text")
    .addColumn("issued_by", "integer", (c) => c.references("users.id"))
    .addColumn("docx", blob)
    .addColumn("pdf", blob)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("letter_templates")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("outcome", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("reminders_sent")
    .addColumn("request_id", "integer", (c) => c.notNull().references("requests.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("reminders_sent_pk", ["request_id", "kind", "due_on"])
    .execute();

  await db.schema
    .createTable("calendar_years")
    .addColumn("year", "integer", (c) => c.primaryKey())
    .addColumn("holidays_json", "text", (c) => c.notNull())
    .addColumn("workdays_json", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("entered_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
