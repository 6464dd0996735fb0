/**
 * Migration 0001: agencies, users, roles, sessions, login attempts, the audit trail, settings.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** An auto-incrementing integer primary key in either dialect. */
function idType(dialect: Dialect) {
  return dialect === "postgres" ? "serial" : "integer";
}

/** Creates the platform's base tables. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const autoIncrement = dialect === "sqlite";
  await db.schema
    .createTable("agencies")
    .addColumn("id", idType(dialect), (c) =>
      autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn("parent_id", "integer", (c) => c.references("agencies.id").onDelete("restrict"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("credit_code", "text", (c) => c.notNull().unique())
    .addColumn("office_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("office_address", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("office_hours", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("office_phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("office_fax", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("office_email", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("office_website", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // Sibling names are unique; top-level agencies (parent_id null) too, through the expression index.
  await sql`create unique index agencies_sibling_name on agencies (coalesce(parent_id, 0), name)`.execute(db);

  await db.schema
    .createTable("users")
    .addColumn("id", idType(dialect), (c) =>
      autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("role_assignments")
    .addColumn("id", idType(dialect), (c) =>
      autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id").onDelete("restrict"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("role_assignments_unique", ["user_id", "agency_id", "role"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("user_agent", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("id", idType(dialect), (c) =>
      autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("success", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempts_ip_at").on("login_attempts").columns(["ip", "at"]).execute();
  await db.schema
    .createIndex("login_attempts_user_at")
    .on("login_attempts")
    .columns(["username", "at"])
    .execute();

  await db.schema
    .createTable("trail")
    .addColumn("seq", idType(dialect), (c) =>
      autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer")
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("actor_role", "text", (c) => c.notNull())
    .addColumn("agency_id", "integer")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex("trail_agency").on("trail").columns(["agency_id", "seq"]).execute();

  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}
