/**
 * Migration 0013: on PostgreSQL, a btree over publication_search (agency_id, publication_id) so a search for
 * a frequent term can walk one agency's index rows newest first and stop after a page (or the count cap)
 * instead of building the GIN bitmap of every match. SQLite's FTS5 table needs nothing: a no-op there.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

/** Creates the (agency_id, publication_id) index of the PostgreSQL search table. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  await sql`create index publication_search_agency_newest on publication_search (agency_id, publication_id)`.execute(
    db,
  );
}
