import { CompiledQuery, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import type { PublicationStatus } from "../core/publication/publication-machine.ts";
import type { Database } from "../db/database.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createColumn, proactiveRoot } from "./column.service.ts";
import { listPublicationPage } from "./publication-query.repository.ts";

/** Inserts an item of the column with the status, published on the day; its id. */
async function insertItem(
  database: Database,
  agencyId: number,
  columnId: number,
  status: PublicationStatus,
  publishedOn: string,
): Promise<number> {
  const now = "2024-01-01T00:00:00.000Z";
  const row = await database.db
    .insertInto("publications")
    .values({
      agency_id: agencyId,
      column_id: columnId,
      status,
      title: `${publishedOn} 的通知`,
      summary: "",
      publisher: "甲市公安局",
      document_no: "",
      topic: "",
      genre: "通知",
      validity: "有效",
      body_html: "",
      formed_on: publishedOn,
      published_on: status === "draft" ? null : publishedOn,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The plan's lines of the query, on either engine (PostgreSQL without sequential scans, as on a big table). */
async function planOf(database: Database, query: { sql: string; parameters: readonly unknown[] }) {
  if (database.dialect === "sqlite") {
    const plan = await database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    return plan.rows.map((r) => r.detail);
  }
  return database.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const plan = await trx.executeQuery<{ "QUERY PLAN": string }>(
      CompiledQuery.raw(`explain (costs off) ${query.sql}`, [...query.parameters]),
    );
    return plan.rows.map((r) => r["QUERY PLAN"]);
  });
}

describe.each(testDialects())("the public column list on %s", (dialect) => {
  let database: TestDatabase;
  let tree: TestTree;
  let column: number;
  let child: number;
  let other: number;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    tree = await createTestTree(database);
    const root = await proactiveRoot(database, tree.a1);
    const make = (parentId: number, name: string) =>
      createColumn(database, tree.a1, { parentId, name, categoryItem: "（六）" }, SYSTEM_ACTOR).then(
        (c) => c.id,
      );
    column = await make(root.id, "通知公告");
    child = await make(column, "工作动态");
    other = await make(root.id, "政策解读");
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("counts and pages a column's published items newest first, ties by the later id", async () => {
    const a = await insertItem(database, tree.a1, column, "published", "2024-03-01");
    const b = await insertItem(database, tree.a1, column, "published", "2024-05-01");
    const c = await insertItem(database, tree.a1, column, "published", "2024-05-01");
    const d = await insertItem(database, tree.a1, child, "published", "2024-04-01");
    await insertItem(database, tree.a1, column, "withdrawn", "2024-06-01");
    await insertItem(database, tree.a1, column, "draft", "2024-06-01");
    await insertItem(database, tree.a1, other, "published", "2024-06-01");
    const list = (columnIds: number[], page = 1, pageSize = 2) =>
      listPublicationPage(
        database.db,
        { agencyIds: [tree.a1], publicOnly: true, columnIds },
        { page, pageSize },
      ).then((r) => ({ ids: r.items.map((i) => i.id), total: r.total }));
    expect(await list([column])).toEqual({ ids: [c, b], total: 3 });
    expect(await list([column], 2)).toEqual({ ids: [a], total: 3 });
    expect(await list([column, child], 1, 10)).toEqual({ ids: [c, b, d, a], total: 4 });
    expect(await list([])).toEqual({ ids: [], total: 0 });
    const elsewhere = await listPublicationPage(
      database.db,
      { agencyIds: [tree.a2], publicOnly: true, columnIds: [column] },
      { page: 1, pageSize: 10 },
    );
    expect(elsewhere.total).toBe(0);
  });

  it("filters the back office's list by a status, and an unknown status from the query string matches nothing", async () => {
    const published = await insertItem(database, tree.a1, column, "published", "2024-03-01");
    const withdrawn = await insertItem(database, tree.a1, column, "withdrawn", "2024-04-01");
    const draft = await insertItem(database, tree.a1, column, "draft", "2024-05-01");
    const list = (filter: { status?: string; unpublishedOnly?: boolean }) =>
      listPublicationPage(database.db, { agencyIds: [tree.a1], ...filter }, { page: 1, pageSize: 10 }).then(
        (r) => ({ ids: r.items.map((i) => i.id), total: r.total }),
      );
    expect(await list({ status: "withdrawn" })).toEqual({ ids: [withdrawn], total: 1 });
    expect(await list({ unpublishedOnly: true })).toEqual({ ids: [draft], total: 1 });
    expect(await list({ status: "publishd" })).toEqual({ ids: [], total: 0 });
    const all = await list({});
    expect([...all.ids].sort((x, y) => x - y)).toEqual([published, withdrawn, draft]);
  });

  it("answers the count from the column list index alone and the page in its order, without sorting", async () => {
    await insertItem(database, tree.a1, column, "published", "2024-03-01");
    const where = database.db
      .selectFrom("publications")
      .where("publications.agency_id", "in", [tree.a1])
      .where("publications.status", "=", "published")
      .where("publications.column_id", "in", [column]);
    const count = await planOf(database, where.select((eb) => eb.fn.countAll().as("n")).compile());
    const page = await planOf(
      database,
      where
        .selectAll("publications")
        .orderBy("publications.published_on", "desc")
        .orderBy("publications.id", "desc")
        .limit(20)
        .offset(0)
        .compile(),
    );
    if (dialect === "sqlite") {
      expect(count.join("\n")).toContain("USING COVERING INDEX publications_column_list");
      expect(page.join("\n")).toContain("USING INDEX publications_column_list");
      expect(page.join("\n")).not.toContain("TEMP B-TREE");
    } else {
      expect(count.join("\n")).toMatch(/Index Only Scan using publications_column_list/);
      expect(page.join("\n")).toMatch(/Index Scan Backward using publications_column_list/);
      expect(page.join("\n")).not.toMatch(/Sort/);
    }
  });
});
