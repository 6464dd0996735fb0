/**
 * Migration 0016: the public forms' flood state and the policy interpretations' link to their publication.
 * - form_posts: one row per post accepted from a public form (the online request form), by form and by a
 *   keyed hash of the sender's address, so that every instance sharing the database counts the same posts.
 * - used_form_tokens: the message board's form tokens already spent, each with the post it served and the
 *   moment it expires anyway (rows past it are pruned).
 * - interpretations.policy_publication_id becomes a foreign key to publications. A link to a publication
 *   that does not exist or belongs to another agency cannot be kept: it is set to NULL (the policy's title
 *   and 文号 stay, so the link can be entered again). SQLite cannot add a foreign key to a column, so the
 *   table is rebuilt (same rows, same ids, same autoincrement counter, same index).
 */
import { type ColumnDefinitionBuilder, type Kysely, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates the two tables, cleans the dangling links and adds the foreign key. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const pg = dialect === "postgres";
  const id = pg ? "serial" : "integer";
  const pk = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable("form_posts")
    .addColumn("id", id, pk)
    .addColumn("form", "text", (c) => c.notNull())
    .addColumn("sender_hash", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("form_posts_sender_at")
    .on("form_posts")
    .columns(["form", "sender_hash", "at"])
    .execute();
  await db.schema.createIndex("form_posts_at").on("form_posts").column("at").execute();

  await db.schema
    .createTable("used_form_tokens")
    .addColumn("token_id", "text", (c) => c.primaryKey())
    .addColumn("used_for", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("used_form_tokens_expires")
    .on("used_form_tokens")
    .column("expires_at")
    .execute();

  await sql`update interpretations set policy_publication_id = null
    where policy_publication_id is not null and not exists (
      select 1 from publications p
      where p.id = interpretations.policy_publication_id and p.agency_id = interpretations.agency_id)`.execute(
    db,
  );
  if (pg) {
    await sql`alter table interpretations add constraint interpretations_policy_publication_fk
      foreign key (policy_publication_id) references publications (id) on delete restrict`.execute(db);
  } else {
    await rebuildSqliteInterpretations(db);
  }
  await db.schema
    .createIndex("interpretations_policy_publication")
    .on("interpretations")
    .column("policy_publication_id")
    .execute();
}

/** SQLite: the interpretations table again, with the foreign key, keeping rows, ids and the counter. */
async function rebuildSqliteInterpretations(db: Kysely<unknown>): Promise<void> {
  const counter = await sql<{
    seq: number;
  }>`select seq from sqlite_sequence where name = 'interpretations'`.execute(db);
  const text = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo("");
  await db.schema
    .createTable("interpretations_rebuilt")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id").onDelete("restrict"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("published_on", "text", (c) => c.notNull())
    .addColumn("form", "text", text)
    .addColumn("policy_title", "text", (c) => c.notNull())
    .addColumn("policy_doc_no", "text", text)
    .addColumn("policy_publication_id", "integer", (c) =>
      c.references("publications.id").onDelete("restrict"),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await sql`insert into interpretations_rebuilt (id, agency_id, title, published_on, form, policy_title,
      policy_doc_no, policy_publication_id, created_at, updated_at)
    select id, agency_id, title, published_on, form, policy_title, policy_doc_no, policy_publication_id,
      created_at, updated_at from interpretations`.execute(db);
  await db.schema.dropTable("interpretations").execute();
  await sql`alter table interpretations_rebuilt rename to interpretations`.execute(db);
  const seq = counter.rows[0]?.seq;
  if (seq !== undefined) {
    await sql`update sqlite_sequence set seq = max(seq, ${seq}) where name = 'interpretations'`.execute(db);
    await sql`insert into sqlite_sequence (name, seq) select 'interpretations', ${seq}
      where not exists (select 1 from sqlite_sequence where name = 'interpretations')`.execute(db);
  }
  await db.schema
    .createIndex("interpretations_agency_published")
    .on("interpretations")
    .columns(["agency_id", "published_on"])
    .execute();
}
