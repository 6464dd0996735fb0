/**
 * Migration 0005: proactive disclosure (主动公开) — the column tree, catalog items, their 先审后发 log,
 * attachments, index-number serials, the channels and their posts, and the full-text index: an FTS5 table
 * on SQLite, a GIN index over a 'simple' tsvector on PostgreSQL (both over pre-segmented terms).
 */
import { type ColumnDefinitionBuilder, type Kysely, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates the publication tables. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const pg = dialect === "postgres";
  const id = pg ? "serial" : "integer";
  const blob = pg ? "bytea" : "blob";
  const pk = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const agency = (c: ColumnDefinitionBuilder) => c.notNull().references("agencies.id").onDelete("restrict");

  await db.schema
    .createTable("publication_columns")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", agency)
    .addColumn("parent_id", "integer", (c) => c.references("publication_columns.id").onDelete("restrict"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("root_kind", "text")
    .addColumn("category_item", "text")
    .addColumn("cadence", "text")
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("publication_columns_root", ["agency_id", "root_kind"])
    .addUniqueConstraint("publication_columns_sibling_name", ["parent_id", "name"])
    .execute();

  await db.schema
    .createTable("publications")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", agency)
    .addColumn("column_id", "integer", (c) =>
      c.notNull().references("publication_columns.id").onDelete("restrict"),
    )
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("publisher", "text", (c) => c.notNull())
    .addColumn("written_on", "text")
    .addColumn("formed_on", "text", (c) => c.notNull())
    .addColumn("published_on", "text")
    .addColumn("published_at", "text")
    .addColumn("document_no", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("topic", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("genre", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("validity", "text", (c) => c.notNull().defaultTo("有效"))
    .addColumn("category_item", "text")
    .addColumn("body_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("index_no", "text", (c) => c.unique())
    .addColumn("index_year", "integer")
    .addColumn("index_serial", "integer")
    .addColumn("issue_no", "integer")
    .addColumn("amends_id", "integer", (c) => c.references("publications.id"))
    .addColumn("amended_by_id", "integer", (c) => c.references("publications.id"))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("publications_index_serial", ["agency_id", "index_year", "index_serial"])
    .execute();
  await db.schema
    .createIndex("publications_public")
    .on("publications")
    .columns(["agency_id", "status", "published_on"])
    .execute();
  await db.schema
    .createIndex("publications_column")
    .on("publications")
    .columns(["column_id", "status", "published_on"])
    .execute();

  await db.schema
    .createTable("publication_events")
    .addColumn("id", id, pk)
    .addColumn("publication_id", "integer", (c) => c.notNull().references("publications.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("from_status", "text", (c) => c.notNull())
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("step", "text")
    .addColumn("opinion", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("actor_role", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addUniqueConstraint("publication_events_seq", ["publication_id", "seq"])
    .execute();

  await db.schema
    .createTable("publication_serials")
    .addColumn("agency_id", "integer", agency)
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("last_serial", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("publication_serials_pk", ["agency_id", "year"])
    .execute();

  await db.schema
    .createTable("publication_attachments")
    .addColumn("id", id, pk)
    .addColumn("publication_id", "integer", (c) => c.notNull().references("publications.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", blob, (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("channels")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", agency)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("account", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("channels_agency_name", ["agency_id", "name"])
    .execute();

  await db.schema
    .createTable("channel_posts")
    .addColumn("id", id, pk)
    .addColumn("agency_id", "integer", agency)
    .addColumn("channel_id", "integer", (c) => c.notNull().references("channels.id"))
    .addColumn("publication_id", "integer", (c) => c.references("publications.id"))
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("posted_at", "text", (c) => c.notNull())
    .addColumn("posted_on", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("channel_posts_url", ["channel_id", "url"])
    .execute();
  await db.schema
    .createIndex("channel_posts_channel_day")
    .on("channel_posts")
    .columns(["channel_id", "posted_on"])
    .execute();

  if (pg) {
    await db.schema
      .createTable("publication_search")
      .addColumn("publication_id", "integer", (c) => c.primaryKey().references("publications.id"))
      .addColumn("agency_id", "integer", (c) => c.notNull())
      .addColumn("terms", "text", (c) => c.notNull())
      .execute();
    await sql`alter table publication_search add column vector tsvector generated always as (to_tsvector('simple', terms)) stored`.execute(
      db,
    );
    await sql`create index publication_search_vector on publication_search using gin (vector)`.execute(db);
  } else {
    // rowid = the publication's id; agency_id travels with the terms so a search stays inside one agency.
    await sql`create virtual table publication_search using fts5(terms, agency_id unindexed, tokenize = 'unicode61')`.execute(
      db,
    );
  }
}
