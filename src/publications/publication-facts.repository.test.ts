import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { EVER_PUBLISHED, type PublicationStatus } from "../core/publication/publication-machine.ts";
import type { Database } from "../db/database.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createColumn, proactiveRoot } from "./column.service.ts";
import {
  columnsForMonitors,
  countEverPublishedInYear,
  countEverPublishedPerPeriodicColumn,
  itemFacts,
  newestPortalItem,
} from "./publication-facts.repository.ts";

/** Inserts an item of the column in the status, formed and (unless a draft) published on the days; its id. */
async function insertItem(
  database: Database,
  agencyId: number,
  columnId: number,
  status: PublicationStatus,
  publishedOn: string,
  formedOn = publishedOn,
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
      formed_on: formedOn,
      published_on: status === "draft" ? null : publishedOn,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describe.each(testDialects())("the catalog's reads for the report and the monitors on %s", (dialect) => {
  let database: TestDatabase;
  let tree: TestTree;
  let weekly: number;
  let plain: number;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    tree = await createTestTree(database);
    const root = await proactiveRoot(database, tree.a1);
    weekly = (
      await createColumn(
        database,
        tree.a1,
        { parentId: root.id, name: "周警情播报", cadence: "weekly" },
        SYSTEM_ACTOR,
      )
    ).id;
    plain = (await createColumn(database, tree.a1, { parentId: root.id, name: "通知公告" }, SYSTEM_ACTOR)).id;
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("counts the items ever published in the year: published and withdrawn, not those on their way", async () => {
    expect(EVER_PUBLISHED).toEqual(["published", "withdrawn"]);
    await insertItem(database, tree.a1, plain, "published", "2024-01-01");
    await insertItem(database, tree.a1, plain, "withdrawn", "2024-12-31");
    await insertItem(database, tree.a1, weekly, "published", "2024-06-01");
    // A send-back after approval keeps no publication day, but a stale one must not count either.
    await insertItem(database, tree.a1, plain, "approved", "2024-06-01");
    await insertItem(database, tree.a1, plain, "sign_off", "2024-06-01");
    await insertItem(database, tree.a1, plain, "draft", "2024-06-01");
    await insertItem(database, tree.a1, plain, "published", "2023-12-31");
    await insertItem(database, tree.a1, plain, "published", "2025-01-01");
    const elsewhere = (await proactiveRoot(database, tree.a2)).id;
    await insertItem(database, tree.a2, elsewhere, "published", "2024-06-01");
    expect(await countEverPublishedInYear(database.db, tree.a1, 2024)).toBe(3);
    expect(await countEverPublishedInYear(database.db, tree.a1, 2023)).toBe(1);
    expect(await countEverPublishedInYear(database.db, tree.a2, 2024)).toBe(1);
    expect(await countEverPublishedInYear(database.db, tree.b, 2024)).toBe(0);
  });

  it("counts each periodic column's issues ever published in the year, zero for a column without any", async () => {
    expect(await countEverPublishedPerPeriodicColumn(database.db, tree.a1, 2024)).toEqual([
      { name: "周警情播报", issues: 0 },
    ]);
    await insertItem(database, tree.a1, weekly, "published", "2024-01-05");
    await insertItem(database, tree.a1, weekly, "withdrawn", "2024-01-12");
    await insertItem(database, tree.a1, weekly, "review", "2024-01-19");
    await insertItem(database, tree.a1, weekly, "published", "2023-12-29");
    await insertItem(database, tree.a1, plain, "published", "2024-01-05");
    expect(await countEverPublishedPerPeriodicColumn(database.db, tree.a1, 2024)).toEqual([
      { name: "周警情播报", issues: 2 },
    ]);
  });

  it("gives the portal's newest item among the published ones only, up to the day", async () => {
    expect(await newestPortalItem(database.db, tree.a1, "2024-12-31")).toBeNull();
    const shown = await insertItem(database, tree.a1, plain, "published", "2024-03-01");
    await insertItem(database, tree.a1, plain, "withdrawn", "2024-04-01");
    await insertItem(database, tree.a1, plain, "approved", "2024-05-01");
    await insertItem(database, tree.a1, plain, "published", "2024-06-01");
    expect(await newestPortalItem(database.db, tree.a1, "2024-05-31")).toEqual({
      id: shown,
      publishedOn: "2024-03-01",
    });
  });

  it("gives R-26-1 the items formed since a day or not yet published, a withdrawn item keeping its day", async () => {
    const old = await insertItem(database, tree.a1, plain, "published", "2024-01-10", "2024-01-02");
    const withdrawn = await insertItem(database, tree.a1, plain, "withdrawn", "2024-03-10", "2024-03-01");
    const waiting = await insertItem(database, tree.a1, plain, "approved", "2024-03-20", "2024-03-02");
    const later = await insertItem(database, tree.a1, plain, "published", "2024-05-01", "2024-01-03");
    const facts = await itemFacts(database.db, tree.a1, "2024-02-01", "2024-04-01");
    expect(facts).toEqual([
      { id: later, formedOn: "2024-01-03", publishedOn: null },
      { id: withdrawn, formedOn: "2024-03-01", publishedOn: "2024-03-10" },
      { id: waiting, formedOn: "2024-03-02", publishedOn: null },
    ]);
    expect(facts.map((f) => f.id)).not.toContain(old);
  });

  it("lists the agency's columns for the monitors in their order", async () => {
    const columns = await columnsForMonitors(database.db, tree.a1);
    expect(columns.filter((c) => c.parent_id !== null).map((c) => [c.name, c.cadence])).toEqual([
      ["周警情播报", "weekly"],
      ["通知公告", null],
    ]);
    expect(await columnsForMonitors(database.db, tree.b1)).toEqual([]);
  });

  it("types the status column with the machine's statuses, so tsc refuses a misspelt literal", async () => {
    const result = await database.db
      .updateTable("publications")
      // @ts-expect-error "publishd" is not a PublicationStatus (this line fails `npx tsc` if the column is a string).
      .set({ status: "publishd" })
      .where("agency_id", "=", tree.b1)
      .executeTakeFirst();
    expect(Number(result.numUpdatedRows)).toBe(0);
  });
});
