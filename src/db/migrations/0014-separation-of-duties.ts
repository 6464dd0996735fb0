/**
 * Migration 0014: separation of duties (SOD-1, SOD-2). Two agency settings, both on by default —
 * `separate_review_duties` (先审后发分人办理: the submitter does not review, nobody takes two review steps of one
 * pass) and `letter_sign_off_by_head` (答复书须由负责人签发: a letter is issued by a 公开办负责人 other than its
 * drafter) — and `letters.drafted_by`, the user who drafted each letter, filled for existing letters from the
 * trail's `letter.create` entries.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Adds the two agency settings and letters.drafted_by. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  // SQLite takes one ADD COLUMN per statement, so each column is its own statement on both engines.
  await db.schema
    .alterTable("agencies")
    .addColumn("separate_review_duties", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable("agencies")
    .addColumn("letter_sign_off_by_head", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("letters").addColumn("drafted_by", "integer").execute();
  await fillLetterDrafters(db);
}

/** Sets each letter's unknown drafter to the author of its `letter.create` trail entry, where there is one. */
export async function fillLetterDrafters(db: Kysely<unknown>): Promise<void> {
  await sql`update letters set drafted_by = (
      select t.actor_user_id from trail t
      where t.entity_type = 'letter' and t.action = 'letter.create' and t.entity_id = cast(letters.id as text)
      order by t.seq limit 1)
    where drafted_by is null`.execute(db);
}
