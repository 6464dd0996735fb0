import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "./test-databases.ts";

describe.each(testDialects())("migration 0020 on %s", (dialect) => {
  it("indexes channel_posts by (agency_id, posted_on, channel_id), and an agency's posts of a year are read through it", async () => {
    const database = await createTestDatabase(dialect);
    try {
      if (dialect === "sqlite") {
        const plan = await sql<{
          detail: string;
        }>`explain query plan select channel_id, count(*) from channel_posts
          where agency_id = ${1} and posted_on >= ${"2024-01-01"} and posted_on <= ${"2024-12-31"} group by channel_id`.execute(
          database.db,
        );
        expect(plan.rows.map((r) => r.detail).join("\n")).toContain("channel_posts_agency_day");
      } else {
        const found = await sql<{
          indexdef: string;
        }>`select indexdef from pg_indexes where indexname = 'channel_posts_agency_day'`.execute(database.db);
        expect(found.rows[0]?.indexdef).toContain("(agency_id, posted_on, channel_id)");
      }
    } finally {
      await database.dispose();
    }
  });
});
